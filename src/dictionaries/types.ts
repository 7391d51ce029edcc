/**
 * Typed dictionary records, as parsed from PETRARCH-format files. Every record
 * keeps where it came from (file, line) so errors and evidence can point at it.
 */

export interface SourceLoc {
  file: string;
  line: number;
}

export interface Diagnostic extends SourceLoc {
  severity: 'error' | 'warning';
  message: string;
}

/** A phrase is a list of upper-case words that must appear consecutively. */
export type Phrase = string[];

/** A code valid over a date range (inclusive, YYYYMMDD as numbers); no bound = open. */
export interface DatedCode {
  code: string;
  from?: number;
  to?: number;
}

export interface ActorEntry {
  /** The primary phrase first, then synonyms. */
  phrases: Phrase[];
  /** Code used when no dated code applies (may be absent). */
  defaultCode?: string;
  dated: DatedCode[];
  /** The primary phrase as written, for display ("SERGEY LAVROV"). */
  name: string;
  loc: SourceLoc;
}

export interface AgentEntry {
  phrases: Phrase[];
  /** Sector code without the tilde, e.g. "GOV". */
  code: string;
  /** "~GOV" appends after the actor's code; "NGO~" goes before it. */
  placement: 'suffix' | 'prefix';
  name: string;
  loc: SourceLoc;
}

export interface DiscardEntry {
  phrase: Phrase;
  /** True for story-level discards ("+PHRASE"): the whole article is skipped. */
  story: boolean;
  loc: SourceLoc;
  text: string;
}

export interface Synset {
  name: string;
  phrases: Phrase[];
  loc: SourceLoc;
}

export type Tightness = 'pp' | 'np';

/** One element of a verb pattern, in order. */
export type PatternElement =
  /**
   * `tight`: how close the element must follow the previous one. Inside a (prepositional
   * phrase), only determiners may come between ("for the asylum", not "for foreign asylum");
   * inside a {noun phrase}, adjectives too ("new global economic relations").
   */
  | { kind: 'word'; words: Phrase; tight?: Tightness }
  | { kind: 'synset'; name: string; tight?: Tightness }
  /** `tight` on an actor: it is a preposition's object ("(AGAINST +)"), no clause of its own between. */
  | { kind: 'target'; tight?: Tightness }
  | { kind: 'source'; tight?: Tightness }
  | { kind: 'compound' }
  | { kind: 'skip' };

/** A code pair: `[042:043]` codes source→target 042 and target→source 043. Null = no event. */
export interface CodeSpec {
  forward: string | null;
  reverse: string | null;
}

export interface VerbPattern {
  /** Elements before the verb, in text order. */
  before: PatternElement[];
  /** Elements after the verb, in text order. */
  after: PatternElement[];
  code: CodeSpec;
  text: string;
  loc: SourceLoc;
}

export interface VerbEntry {
  /** Base form ("SAY", or "GO BY" for a multiword verb). */
  base: Phrase;
  /** All surface forms, base included. */
  forms: Phrase[];
  /** The verb's own code, when it differs from its block's. */
  code?: CodeSpec;
  loc: SourceLoc;
}

export interface VerbBlock {
  label: string;
  code: CodeSpec;
  verbs: VerbEntry[];
  patterns: VerbPattern[];
  loc: SourceLoc;
}

/**
 * A PETRARCH verb transformation: `~ a (a b ATTACK) SAY = a b 015` reads "when a says
 * that a attacks b, code a→b 015 instead of the two verbs' own events". Roles: `a` the
 * upper verb's subject, `b` another actor, `_` no subject of its own (an infinitive),
 * `.` any or no target; as inner target, `a` (a Dyad extension) is a pronoun that refers back
 * to the upper verb's subject ("said rockets were fired at it"). Verbs are named by a member of
 * their verb block; `Q` = any verb.
 */
export interface Transformation {
  upperVerb: string;
  innerSource: 'a' | 'b' | '_';
  innerTarget: 'a' | 'b' | '.';
  innerVerb: string;
  resultSource: 'a' | 'b';
  resultTarget: 'a' | 'b';
  /** A CAMEO code, or "Q" for the inner verb's own code. */
  resultCode: string;
  loc: SourceLoc;
  text: string;
}

export interface VerbDictionary {
  synsets: Map<string, Synset>;
  blocks: VerbBlock[];
  transformations: Transformation[];
}
