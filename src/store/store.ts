/**
 * The Store interface: everything Dyad keeps about articles, their events and
 * their annotations, and the queries over them. One interface, two adapters
 * (SQLite in sqlite/, PostgreSQL in postgres/), one contract suite
 * (store.contract.ts) that both must pass. Nothing outside src/store/ knows
 * which database is behind it.
 *
 * Dates are `YYYY-MM-DD` strings throughout; ids are the CodedArticle ids.
 */
import type { CodedArticle, EventRecord, QuoteRecord, SentenceRecord } from '../model/index.ts';

/** Where an article came from and what it said, as ingest found it. */
export interface ArticleMeta {
  /** The CodedArticle id; unique in a store. */
  id: string;
  /** Content hash of the normalized text (see contentHash in src/ingest); unique in a store. */
  hash: string;
  /** The path or URL the text was read from ("-" or "stdin" for standard input). */
  source: string;
  /** The feed the article was listed in, when it came from one. */
  feed?: string | null;
  /** The article's own URL when known (a fetched page, a feed item, a jsonl "url"). */
  url?: string | null;
  /** Who published it, for counting distinct sources: a host name, or the source path. */
  publisher: string;
  title?: string | null;
  /** Publication date, or null. */
  date?: string | null;
  text: string;
  /** Near-duplicate fingerprint (see src/ingest/dedupe.ts); null for texts too short to fingerprint. */
  fingerprint?: Fingerprint | null;
}

/**
 * A text's near-duplicate fingerprint: an opaque signature, compared by the
 * ingest code, and integer lookup keys; texts sharing a key are candidates.
 */
export interface Fingerprint {
  signature: Uint8Array;
  /** Signed 32-bit integers. */
  keys: number[];
}

/** What to write: either a coded article, or a near-duplicate linked to a stored original. */
export type ArticleWrite =
  | (ArticleMeta & { coded: CodedArticle; duplicateOf?: undefined })
  | (ArticleMeta & { coded?: undefined; duplicateOf: string });

export type PutResult =
  /** Written, with all its annotations, in one transaction. */
  | { status: 'stored' }
  /** The same content is already stored (under `id`): nothing written. */
  | { status: 'exists'; id: string }
  /** Another article with this id but different content is stored: nothing written. */
  | { status: 'id-conflict' };

/** An article as stored. */
export interface StoredArticle {
  id: string;
  hash: string;
  source: string;
  feed: string | null;
  url: string | null;
  publisher: string;
  title: string | null;
  date: string | null;
  text: string;
  /** The dictionary set that coded it (null for a near-duplicate, which is not coded). */
  dictionaryVersion: string | null;
  /** For a near-duplicate: the id of the stored original it copies. */
  duplicateOf: string | null;
  /** Articles carrying this story: 1 + near-duplicates linked to it. */
  numArticles: number;
  /** Distinct publishers among those articles. */
  numSources: number;
  /** When it was stored, ISO 8601 UTC. */
  addedAt: string;
  /** The coding, exactly as the coder returned it; null for a near-duplicate. */
  coded: CodedArticle | null;
}

/** A stored article that is a candidate original for a near-duplicate. */
export interface NearCandidate {
  id: string;
  signature: Uint8Array;
}

/** Filters for event queries. Absent fields do not filter. */
export interface EventFilter {
  /** Source actor: a 3-letter country (or region) code matches actors of that country; anything else is a code prefix. */
  source?: string;
  target?: string;
  /** Either side. */
  actor?: string;
  /** Two-digit CAMEO root ("11"). */
  root?: string;
  /** CAMEO code prefix ("112" matches 112, 1121, …). */
  code?: string;
  /** Event date range, inclusive. */
  from?: string;
  to?: string;
  /** Full-text query over the articles (title and text). */
  text?: string;
  /** Include negated, hypothetical and other uncounted events (default false). */
  all?: boolean;
  limit?: number;
}

/** One event with what queries and exports need about its article. */
export interface EventRow {
  /** Storage id, stable until the article is recoded. */
  eventId: number;
  articleId: string;
  /** Event date: the event's own date, else the article's publication date. */
  date: string | null;
  /** Country (or region) codes derived from the actor codes; null when the code has none. */
  sourceCountry: string | null;
  targetCountry: string | null;
  /** False for negated and hypothetical events. */
  counted: boolean;
  /** Index of the event in its article's `events`. */
  index: number;
  event: EventRecord;
  /** The sentence the event was coded from. */
  sentence: SentenceRecord | null;
  title: string | null;
  source: string;
  url: string | null;
  numArticles: number;
  numSources: number;
  tone: number | null;
  addedAt: string;
}

export interface DyadFilter {
  source?: string;
  target?: string;
  from?: string;
  to?: string;
}

/** Counted events of one (source country, target country) pair on one day. */
export interface DyadDayRow {
  source: string;
  target: string;
  date: string;
  events: number;
  /** Events per QuadClass, index 0 = QuadClass 1. */
  quad: [number, number, number, number];
  goldsteinSum: number;
}

export interface QuoteFilter {
  /** Case-insensitive substring of the speaker's text, name or code. */
  speaker?: string;
  from?: string;
  to?: string;
  limit?: number;
}

export interface QuoteRow {
  articleId: string;
  date: string | null;
  quote: QuoteRecord;
}

export interface SearchHit {
  id: string;
  title: string | null;
  date: string | null;
  source: string;
  /** A short excerpt around the matches, with matches in [brackets]. */
  snippet: string;
}

/** An article to recode. */
export interface RecodeItem {
  id: string;
  text: string;
  date: string | null;
  dictionaryVersion: string | null;
}

/** How many articles have a staged coding of one dictionary version. */
export interface StagedCodings {
  version: string;
  articles: number;
}

export interface StoreStats {
  articles: number;
  duplicates: number;
  events: number;
}

export interface Store {
  /** "sqlite" or "postgres". */
  readonly kind: 'sqlite' | 'postgres';
  /** The location as the user gave it (a path or a URL without password), for messages. */
  readonly location: string;

  /** Write one article with all its events and annotations, atomically. */
  putArticle(write: ArticleWrite): Promise<PutResult>;
  /** The id stored under this content hash, or null. */
  findHash(hash: string): Promise<string | null>;
  /** Whether an article with this id is stored. */
  hasId(id: string): Promise<boolean>;
  /** Stored originals (never near-duplicates) sharing at least one fingerprint key with `keys`. */
  nearCandidates(keys: readonly number[], limit?: number): Promise<NearCandidate[]>;
  getArticle(id: string): Promise<StoredArticle | null>;

  /** Coded (non-duplicate) articles in storage order after `afterId` (exclusive; null = from the start), at most `limit`. */
  articlesToRecode(after: string | null, limit: number, skipVersion?: string): Promise<RecodeItem[]>;
  /** Replace an article's coding (events, quotes, annotations, dictionary version) atomically. */
  replaceCoding(id: string, coded: CodedArticle): Promise<void>;
  /**
   * Keep a coding made with another dictionary version beside the live one, which queries go on
   * reading until `switchCoding` (a scale-out recode). A second staging of the same article and
   * version replaces the first.
   */
  stageCoding(id: string, coded: CodedArticle): Promise<void>;
  /**
   * Make every staged coding of `version` live, each replacing its article's coding, in one
   * transaction; staged codings of every version are then dropped. Returns the articles switched.
   */
  switchCoding(version: string): Promise<number>;
  /** Staged codings per dictionary version, most first. */
  stagedCodings(): Promise<StagedCodings[]>;

  /** Events matching the filter, in storage order. */
  events(filter?: EventFilter): AsyncIterable<EventRow>;
  /** How many events match the filter (its `limit` is ignored): one count query, for paging. */
  countEvents(filter?: EventFilter): Promise<number>;
  /** Counted events per (source country, target country, day); both countries known. */
  dyadDays(filter?: DyadFilter): Promise<DyadDayRow[]>;
  quotes(filter?: QuoteFilter): AsyncIterable<QuoteRow>;
  /** Full-text search over titles and texts, best matches first. */
  search(query: string, limit?: number): Promise<SearchHit[]>;
  stats(): Promise<StoreStats>;

  close(): Promise<void>;
}

/** Options for openStore. */
export interface OpenOptions {
  /** Open for reading only: nothing is created or migrated (default false). */
  readonly?: boolean;
  /** Milliseconds to wait for another writer's lock before failing (SQLite; default 5000). */
  busyTimeoutMs?: number;
}

