/**
 * Dyad's output data model: the records every later stage (store, server,
 * exports, queue) consumes. This file is the single source of truth for the
 * JSON schema documented in docs/output-schema.md. Extend it; never rename.
 *
 * All offsets are UTF-16 code-unit offsets into the article text as given
 * (JavaScript string indices), `end` exclusive.
 */

/** A piece of the input text. */
export interface TextSpan {
  text: string;
  start: number;
  end: number;
}

/** An actor as it appears in an event: its CAMEO code and where it was found. */
export interface ActorRef extends TextSpan {
  /** CAMEO actor code, e.g. "ISRGOV", "IGOUNO". */
  code: string;
  /** Canonical name from the dictionary entry that matched, when known. */
  name?: string;
  /** For a description that names an actor met earlier ("the ministry", "the group"): that earlier mention, whose code this one took. */
  refersTo?: TextSpan;
}

/** Where a dictionary rule came from, so every event can be audited. */
export interface RuleRef {
  /** Dictionary file name (base name) and 1-based line number. */
  file: string;
  line: number;
  /** The rule as written in the dictionary. */
  text: string;
}

/** One CAMEO QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. */
export type QuadClass = 1 | 2 | 3 | 4;

/** A coded event with the evidence that proves it. */
export interface EventRecord {
  /** Index into `CodedArticle.sentences`. */
  sentence: number;
  source: ActorRef;
  target: ActorRef | null;
  /** CAMEO event code as a string, e.g. "111", "0231". */
  code: string;
  /** Two-digit CAMEO root, e.g. "11". */
  root: string;
  quadClass: QuadClass;
  goldstein: number;
  /** The verb (or verb phrase head) that triggered the event. */
  verb: TextSpan;
  /** True when the verb is negated ("did not attack"): kept as evidence, not counted as an event. */
  negated: boolean;
  /** The verb pattern that produced the code. */
  pattern?: RuleRef;
  /**
   * Set when the verb was negated and the dictionary set's coding ontology gives the negation
   * its own code ("did not clash", 110 → 050): the code of the negated verb. Such events count.
   */
  negationOf?: string;

  // --- added by later pipeline stages (issue #4); absent when the stage did not run
  /** Event date, YYYY-MM-DD, resolved against the publication date. */
  date?: string;
  /** Where `date` came from: a date expression in the sentence, or the publication date. */
  dateSource?: 'text' | 'published';
  /** The date expression the date was read from, when `dateSource` is "text". */
  dateText?: TextSpan;
  /** How precise `date` is: a day, or the first day (Monday, the 1st, 1 January) of the week, month or year meant ("last week", "in March", "in 2014"). */
  datePrecision?: DatePrecision;
  location?: EventLocation;
  plover?: PloverCoding;
  /** asserted | negated | future | hypothetical; only asserted and future events count by default. */
  modality?: Modality;
  /** How many times the same (source, target, code, date) was reported in the article. */
  mentions?: number;
  /** Every mention's evidence when `mentions` > 1 (the first is the event's own). */
  evidence?: Array<{ sentence: number; verb: TextSpan; source: TextSpan; target: TextSpan | null }>;
}

export type Modality = 'asserted' | 'negated' | 'future' | 'hypothetical';

export type DatePrecision = 'day' | 'week' | 'month' | 'year';

export interface PloverCoding {
  type: string;
  mode?: string;
  context?: string;
}

export interface EventLocation {
  name: string;
  /** ISO 3166-1 alpha-3. */
  country: string;
  lat: number;
  lon: number;
  geonameid?: number;
  precision: 'city' | 'region' | 'country';
}

/** A place named in the text, resolved or not. */
export interface PlaceMention extends TextSpan {
  name?: string;
  country?: string;
  lat?: number;
  lon?: number;
  geonameid?: number;
}

/** An actor or named entity mentioned in the article (issue #3). */
export interface EntityMention extends TextSpan {
  type: 'PERSON' | 'ORG' | 'GPE' | 'GROUP';
  /** CAMEO code when known. */
  code?: string;
  /** Canonical name. */
  name?: string;
  /** Role or title ("foreign minister"), when given. */
  role?: string;
  /** For a pronoun or description resolved by coreference: the entity mention it refers to (index into `entities`). */
  refersTo?: number;
}

/** A quotation attributed to a speaker (issue #4). */
export interface QuoteRecord extends TextSpan {
  kind: 'direct' | 'indirect' | 'mixed';
  speaker: (TextSpan & { name?: string; code?: string }) | null;
  cue: TextSpan;
  /** The pieces of a quote interrupted by its attribution (“…,” he said, “…”) or running over paragraphs; absent for a quote in one piece. `start`/`end` span them all. */
  parts?: TextSpan[];
}

export interface SentenceRecord {
  start: number;
  end: number;
  text: string;
}

/** The result of coding one article. */
export interface CodedArticle {
  id: string;
  /** Publication date, YYYY-MM-DD, or null when unknown. */
  date: string | null;
  sentences: SentenceRecord[];
  events: EventRecord[];
  /** Content hash of the dictionary set that coded this article (see `Dictionaries.version`). */
  dictionaryVersion?: string;
  /** Set when the whole article was skipped by a story-level discard rule. */
  discarded?: RuleRef;

  // --- added by later pipeline stages; absent when the stage did not run
  entities?: EntityMention[];
  quotes?: QuoteRecord[];
  places?: PlaceMention[];
  /** Lexicon-based tone of the article, in the spirit of GDELT's AvgTone (see docs/output-schema.md). */
  tone?: number;
  /** The article's most mentioned actors, people and places, most frequent first. */
  top?: ArticleTop;
}

export interface TopItem {
  /** CAMEO code (actors, people) or ISO-3 country (places), when known. */
  code?: string;
  name: string;
  mentions: number;
}

export interface ArticleTop {
  actors: TopItem[];
  people: TopItem[];
  places: TopItem[];
}

/** Input to the coder. */
export interface ArticleInput {
  id?: string;
  text: string;
  /** Publication date, YYYY-MM-DD (or YYYYMMDD). Dated actor roles are resolved against it. */
  date?: string;
}
