/**
 * Loads a dictionary set (PETRARCH format) from Dyad's built-in folder and any
 * user folders, validates it, and compiles it into the lookup tables the coder
 * uses. The compiled shape is internal: tests go through the coder.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DyadError } from '../model/index.ts';
import { parseActors } from './petrarch/actors.ts';
import { parseAgents } from './petrarch/agents.ts';
import { parseDiscards } from './petrarch/discards.ts';
import { parseOntology } from './petrarch/ontology.ts';
import { parseVerbs } from './petrarch/verbs.ts';
import type { ActorEntry, AgentEntry, CodeSpec, Diagnostic, DiscardEntry, Phrase, Tightness, Transformation, VerbBlock, VerbPattern } from './types.ts';

export type * from './types.ts';
export { parseActors, parseAgents, parseDiscards, parseOntology, parseVerbs };

export const BUILTIN_DICT_DIR = fileURLToPath(new URL('../../data/dictionaries/dyad/', import.meta.url));

export type DictionaryKind = 'verbs' | 'actors' | 'agents' | 'discards' | 'ontology';

/** Which kind of dictionary a file holds, from its name (PETRARCH's own names included). */
export function kindOfFile(name: string): DictionaryKind | null {
  const lower = name.toLowerCase();
  if (!lower.endsWith('.txt')) return null;
  if (lower.includes('verb') || /^cameo\.[\d.]+\.txt$/.test(lower)) return 'verbs';
  if (lower.includes('actor')) return 'actors';
  if (lower.includes('agent')) return 'agents';
  if (lower.includes('discard')) return 'discards';
  // PETRARCH's "internal coding ontology" (PICOfile): how a negated verb is coded
  if (lower.includes('ontology')) return 'ontology';
  return null;
}

/**
 * A phrase-indexed lookup: first word → its one-word entries and, by second word, its longer
 * ones (longest first), so "minister" is not tried against 300 "MINISTER OF …" phrases.
 * Among equal phrases the later entry comes first: user dictionaries override.
 */
export interface PhraseIndex<T> {
  byFirst: Map<string, PhraseBucket<T>>;
}

interface PhraseBucket<T> {
  single: T[];
  /** Longer phrases, longest first; for a first word with many, also by second word. */
  longer: Array<{ phrase: Phrase; value: T }>;
  bySecond?: Map<string, Array<{ phrase: Phrase; value: T }>>;
}

/** First words with more longer phrases than this get them indexed by second word too. */
const BUCKET_BY_SECOND = 16;

/**
 * The longest phrase of `index` that starts at token `i` (and ends by `end`): its first
 * word is `first` (the token's form, or its lemma for verbs), the others must be the
 * following tokens' forms. `accept` can pass over some entries (story-level discards).
 */
export function matchPhraseAt<T>(
  index: PhraseIndex<T>,
  tokens: ReadonlyArray<{ norm: string }>,
  i: number,
  end: number,
  first: string = tokens[i].norm,
  accept?: (value: T) => boolean,
): { len: number; value: T } | null {
  const bucket = index.byFirst.get(first);
  if (!bucket) return null;
  const longer = i + 1 >= end ? undefined : bucket.bySecond ? bucket.bySecond.get(tokens[i + 1].norm) : bucket.longer;
  if (longer) {
    for (const { phrase, value } of longer) {
      if (i + phrase.length > end || (accept && !accept(value))) continue;
      let k = 1;
      while (k < phrase.length && tokens[i + k].norm === phrase[k]) k++;
      if (k === phrase.length) return { len: phrase.length, value };
    }
  }
  for (const value of bucket.single) if (!accept || accept(value)) return { len: 1, value };
  return null;
}

export interface CompiledPattern extends VerbPattern {
  /** Synsets expanded: each element is a list of alternative phrases, or a slot. */
  beforeAlts: PatternSlot[];
  afterAlts: PatternSlot[];
  /** Literal words in the pattern: more specific patterns win. */
  specificity: number;
  /** For each word slot, the first words of its alternatives: a sentence lacking all of one slot's words cannot match. */
  requiredFirstWords: Array<Set<string>>;
  /** The target comes before the verb and the source after "by" ("+ * (BY $)"): a passive pattern. */
  reversed: boolean;
}

export type PatternSlot =
  /** `firstWords`: the first word of each alternative, to skip patterns whose words are not in the sentence. */
  | { kind: 'words'; alternatives: Phrase[]; firstWords: Set<string>; tight?: Tightness }
  | { kind: 'target'; tight?: Tightness }
  | { kind: 'source'; tight?: Tightness }
  | { kind: 'compound' }
  | { kind: 'skip' };

export interface VerbForm {
  block: number;
  /** Code of this verb when no pattern matches. */
  code: CodeSpec;
  base: string;
}

/** A transformation with its verbs resolved to verb blocks (null inner block = any verb). */
export interface CompiledTransformation extends Transformation {
  upperBlocks: Set<number>;
  innerBlocks: Set<number> | null;
  /** CAMEO roots of the inner verb's blocks: a verb of another block with the same root fits too. */
  innerRoots: Set<string>;
}

/** A verb block with its patterns compiled, most specific first. */
export interface CompiledBlock extends VerbBlock {
  compiled: CompiledPattern[];
  /**
   * Which patterns a sentence can match, found from its words: pattern indexes by a word of
   * their first word slot, and the patterns with no word slot. A verb like SAY has hundreds
   * of patterns; a sentence holds the words of a few.
   */
  patternsByWord: Map<string, number[]>;
  patternsWithoutWords: number[];
}

export interface Dictionaries {
  /** The parsed entries, for checks and statistics. */
  entries: { actors: ActorEntry[]; agents: AgentEntry[] };
  /** Discard phrases by first word. */
  discardIndex: PhraseIndex<DiscardEntry>;
  transformations: CompiledTransformation[];
  actors: PhraseIndex<ActorEntry>;
  agents: PhraseIndex<AgentEntry>;
  verbs: PhraseIndex<VerbForm>;
  blocks: CompiledBlock[];
  discards: DiscardEntry[];
  /**
   * Code → the code a negated verb of that code is recoded to, from a PETRARCH coding ontology
   * file when the set has one ("did not clash [110]" → 050). Empty otherwise: negated verbs
   * are then flagged, not counted.
   */
  negations: Map<string, string>;
  /** Content hash of every file loaded. */
  version: string;
  files: Array<{ kind: DictionaryKind; path: string }>;
  diagnostics: Diagnostic[];
  counts: { actors: number; agents: number; verbs: number; patterns: number; synsets: number; discards: number };
  loadMs: number;
}

export interface LoadOptions {
  /** User dictionary folders, in order. */
  dirs?: string[];
  /** Load Dyad's built-in set for kinds the user folders don't provide (default true). */
  builtin?: boolean;
  /** Throw on the first problem instead of skipping bad lines (default: skip and report in `diagnostics`). */
  strict?: boolean;
}

function listDictFiles(dir: string): Array<{ kind: DictionaryKind; path: string }> {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new DyadError('DICT_MISSING', `${dir}: not a directory`);
    names = readdirSync(dir).sort();
  } catch (err) {
    if (err instanceof DyadError) throw err;
    throw new DyadError('DICT_MISSING', `${dir}: dictionary folder not found`);
  }
  const files: Array<{ kind: DictionaryKind; path: string }> = [];
  for (const name of names) {
    const kind = kindOfFile(name);
    if (kind) files.push({ kind, path: join(dir, name) });
  }
  if (files.length === 0) {
    // a folder of dictionary folders ("data/dictionaries") is a common slip: name the one meant
    const inner = names.filter((name) => isDirectory(join(dir, name)) && readdirSync(join(dir, name)).some((f) => kindOfFile(f) !== null));
    const hint = inner.length > 0 ? `; did you mean ${inner.slice(0, 3).map((name) => join(dir, name)).join(' or ')}?` : '';
    throw new DyadError('DICT_MISSING', `${dir}: no dictionary files (.txt files whose names hold "verb", "actor", "agent", "discard" or "ontology")${hint}`);
  }
  return files;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Prefixes written with a hyphen in news ("re-examine") and as a separate word in dictionaries ("RE_EXAMINE"). */
const HYPHEN_PREFIXES = new Set(['RE', 'PRE', 'CO', 'ANTI', 'PRO', 'NON', 'COUNTER', 'SELF', 'CROSS', 'POST', 'MULTI']);

function indexPhrases<T>(items: Array<{ phrases: Phrase[]; value: T }>): PhraseIndex<T> {
  const byFirst = new Map<string, PhraseBucket<T>>();
  for (const item of items) {
    const { value } = item;
    const phrases = item.phrases.flatMap((p) =>
      p.length >= 2 && HYPHEN_PREFIXES.has(p[0]) ? [p, [`${p[0]}-${p[1]}`, ...p.slice(2)]] : [p],
    );
    for (const phrase of phrases) {
      if (phrase.length === 0) continue;
      let bucket = byFirst.get(phrase[0]);
      if (!bucket) byFirst.set(phrase[0], (bucket = { single: [], longer: [] }));
      if (phrase.length === 1) bucket.single.unshift(value); // later entries first
      else bucket.longer.push({ phrase, value });
    }
  }
  // longest phrase first; among equals, the later entry wins (user dictionaries override)
  for (const bucket of byFirst.values()) {
    const list = bucket.longer;
    if (list.length > 1) {
      const order = new Map(list.map((c, k) => [c, k]));
      list.sort((a, b) => b.phrase.length - a.phrase.length || order.get(b)! - order.get(a)!);
    }
    if (list.length > BUCKET_BY_SECOND) {
      bucket.bySecond = new Map();
      for (const c of list) {
        let same = bucket.bySecond.get(c.phrase[1]);
        if (!same) bucket.bySecond.set(c.phrase[1], (same = []));
        same.push(c);
      }
    }
  }
  return { byFirst };
}

/** A synonym set as a pattern slot sees it; built once per set and shared by every pattern using it. */
interface SynsetSlot {
  alternatives: Phrase[];
  firstWords: Set<string>;
}

function expandSynsets(
  elements: VerbPattern['before'],
  synsets: Map<string, Phrase[]>,
  slots: Map<Phrase[], SynsetSlot>,
): PatternSlot[] | string {
  const out: PatternSlot[] = [];
  for (const el of elements) {
    if (el.kind === 'word') out.push({ kind: 'words', alternatives: [el.words], firstWords: new Set([el.words[0]]), ...(el.tight ? { tight: el.tight } : {}) });
    else if (el.kind === 'synset') {
      const phrases = synsets.get(el.name);
      if (!phrases) return `undefined synonym set ${el.name}`;
      let slot = slots.get(phrases);
      if (!slot) {
        // longest alternatives first, so "AUSTRIAN GOLD FLORIN" beats "FLORIN"
        const alternatives = [...phrases].sort((a, b) => b.length - a.length);
        slots.set(phrases, (slot = { alternatives, firstWords: new Set(alternatives.map((a) => a[0])) }));
      }
      out.push({ kind: 'words', alternatives: slot.alternatives, firstWords: slot.firstWords, ...(el.tight ? { tight: el.tight } : {}) });
    } else if (el.kind === 'target' || el.kind === 'source') out.push({ kind: el.kind, ...(el.tight ? { tight: el.tight } : {}) });
    else out.push({ kind: el.kind });
  }
  return out;
}

export function loadDictionaries(options: LoadOptions = {}): Dictionaries {
  const t0 = performance.now();
  const userFiles = (options.dirs ?? []).flatMap(listDictFiles);
  const builtinFiles = options.builtin === false ? [] : listDictFiles(BUILTIN_DICT_DIR);
  const provided = new Set(userFiles.map((f) => f.kind));
  const files = [...builtinFiles.filter((f) => !provided.has(f.kind)), ...userFiles];

  const hash = createHash('sha256');
  const diagnostics: Diagnostic[] = [];
  const actorEntries: ActorEntry[] = [];
  const agentEntries: AgentEntry[] = [];
  const discards: DiscardEntry[] = [];
  const synsetPhrases = new Map<string, Phrase[]>();
  const transformations: Transformation[] = [];
  const blocks: Dictionaries['blocks'] = [];
  const negations = new Map<string, string>();
  const synsetSlots = new Map<Phrase[], SynsetSlot>();
  let synsetCount = 0;

  for (const f of files) {
    let source: string;
    try {
      source = readFileSync(f.path, 'utf8');
    } catch {
      throw new DyadError('DICT_MISSING', `${f.path}: cannot read dictionary file`);
    }
    hash.update(basename(f.path)).update('\0').update(source).update('\0');
    const file = basename(f.path);
    if (f.kind === 'actors') {
      const r = parseActors(source, file);
      actorEntries.push(...r.entries);
      diagnostics.push(...r.diagnostics);
    } else if (f.kind === 'agents') {
      const r = parseAgents(source, file);
      agentEntries.push(...r.entries);
      diagnostics.push(...r.diagnostics);
    } else if (f.kind === 'discards') {
      const r = parseDiscards(source, file);
      discards.push(...r.entries);
      diagnostics.push(...r.diagnostics);
    } else if (f.kind === 'ontology') {
      const r = parseOntology(source, file);
      for (const [code, negated] of r.negations) negations.set(code, negated);
      diagnostics.push(...r.diagnostics);
    } else {
      const r = parseVerbs(source, file);
      diagnostics.push(...r.diagnostics);
      transformations.push(...r.transformations);
      for (const s of r.synsets.values()) {
        synsetPhrases.set(s.name, s.phrases);
        synsetCount++;
      }
      // nested sets ("+&TIETYPES" inside another set) are expanded once all sets are known
      for (const [name, phrases] of synsetPhrases) {
        synsetPhrases.set(
          name,
          phrases.flatMap((p) => (p.length === 1 && p[0].startsWith('&') ? (synsetPhrases.get(p[0]) ?? []) : [p])),
        );
      }
      for (const block of r.blocks) {
        const compiled: CompiledPattern[] = [];
        for (const p of block.patterns) {
          const beforeAlts = expandSynsets(p.before, synsetPhrases, synsetSlots);
          const afterAlts = expandSynsets(p.after, synsetPhrases, synsetSlots);
          if (typeof beforeAlts === 'string' || typeof afterAlts === 'string') {
            diagnostics.push({ ...p.loc, severity: 'warning', message: `${typeof beforeAlts === 'string' ? beforeAlts : afterAlts}: pattern ignored` });
            continue;
          }
          const specificity = [...p.before, ...p.after].reduce((n, e) => n + (e.kind === 'word' ? e.words.length : e.kind === 'synset' ? 1 : 0.5), 0);
          const requiredFirstWords = [...beforeAlts, ...afterAlts].flatMap((slot) => (slot.kind === 'words' ? [slot.firstWords] : []));
          const bySource = p.after.some((e, k) => e.kind === 'source' && k > 0 && p.after[k - 1].kind === 'word' && (p.after[k - 1] as { words: Phrase }).words.join(' ') === 'BY');
          const reversed = p.before.some((e) => e.kind === 'target') && bySource;
          compiled.push({ ...p, beforeAlts, afterAlts, specificity, requiredFirstWords, reversed });
        }
        compiled.sort((a, b) => b.specificity - a.specificity);
        const patternsByWord = new Map<string, number[]>();
        const patternsWithoutWords: number[] = [];
        compiled.forEach((p, k) => {
          if (p.requiredFirstWords.length === 0) patternsWithoutWords.push(k);
          for (const w of p.requiredFirstWords[0] ?? []) {
            let list = patternsByWord.get(w);
            if (!list) patternsByWord.set(w, (list = []));
            list.push(k);
          }
        });
        blocks.push({ ...block, compiled, patternsByWord, patternsWithoutWords });
      }
    }
  }

  // Legacy dictionaries in the wild carry a few broken lines; PETRARCH skips them, and so do we,
  // reporting each one (file:line: problem) through `diagnostics`. `strict` makes them fatal.
  const errors = diagnostics.filter((d) => d.severity === 'error' || (options.strict && d.severity === 'warning'));
  if (options.strict && errors.length > 0) {
    const first = errors[0];
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''}; run "dyad dict check")` : '';
    throw new DyadError('DICT_SYNTAX', `${first.message}${more}`, first);
  }

  const verbItems: Array<{ phrases: Phrase[]; value: VerbForm }> = [];
  blocks.forEach((block, b) => {
    for (const v of block.verbs) {
      verbItems.push({ phrases: v.forms, value: { block: b, code: v.code ?? block.code, base: v.base.join(' ') } });
    }
  });

  // transformations name verbs by a member of their block
  const blocksOfVerb = new Map<string, Set<number>>();
  blocks.forEach((block, b) => {
    for (const v of block.verbs) {
      const key = v.base.join(' ');
      let set = blocksOfVerb.get(key);
      if (!set) blocksOfVerb.set(key, (set = new Set()));
      set.add(b);
    }
  });
  const compiledTransformations: CompiledTransformation[] = [];
  for (const t of transformations) {
    const upperBlocks = blocksOfVerb.get(t.upperVerb.replace(/_/g, ' '));
    const innerBlocks = t.innerVerb === 'Q' ? null : blocksOfVerb.get(t.innerVerb.replace(/_/g, ' '));
    if (!upperBlocks || innerBlocks === undefined) {
      diagnostics.push({ ...t.loc, severity: 'warning', message: `transformation names a verb not in the dictionary: ignored` });
      continue;
    }
    // "said people were killed by government forces" is the ATTACK rule's case even though KILL
    // has a block of its own: the inner verb is matched by its block, or its block's CAMEO root
    const innerRoots = new Set<string>();
    for (const b of innerBlocks ?? []) if (blocks[b].code.forward) innerRoots.add(blocks[b].code.forward!.slice(0, 2));
    compiledTransformations.push({ ...t, upperBlocks, innerBlocks, innerRoots });
  }

  return {
    entries: { actors: actorEntries, agents: agentEntries },
    discardIndex: indexPhrases(discards.map((d) => ({ phrases: [d.phrase], value: d }))),
    transformations: compiledTransformations,
    actors: indexPhrases(actorEntries.map((e) => ({ phrases: e.phrases, value: e }))),
    agents: indexPhrases(agentEntries.map((e) => ({ phrases: e.phrases, value: e }))),
    verbs: indexPhrases(verbItems),
    blocks,
    discards,
    negations,
    version: hash.digest('hex').slice(0, 12),
    files,
    diagnostics,
    counts: {
      actors: actorEntries.length,
      agents: agentEntries.length,
      verbs: verbItems.length,
      patterns: blocks.reduce((n, b) => n + b.compiled.length, 0),
      synsets: synsetCount,
      discards: discards.length,
    },
    loadMs: performance.now() - t0,
  };
}

export { checkDictionaries, dictionaryStats, type DictionaryStats } from './check.ts';
