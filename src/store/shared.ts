/**
 * What both adapters share: how an article and its events become rows and
 * back, how filters become SQL (per dialect), and the migration files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { actorCountry, isCountryCode } from './actor-code.ts';
import { DyadError, type CodedArticle, type EventRecord, type QuoteRecord } from '../model/index.ts';
import type { DyadFilter, EventFilter, EventRow, QuoteFilter, StoredArticle } from './store.ts';

// ---- events ---------------------------------------------------------------

/** The indexed columns of one event row. */
export interface EventColumns {
  date: string | null;
  sourceCode: string | null;
  sourceCountry: string | null;
  targetCode: string | null;
  targetCountry: string | null;
  code: string;
  root: string;
  quadClass: number;
  goldstein: number;
  counted: boolean;
  record: string;
  sentence: string | null;
  sentStart: number | null;
  sentEnd: number | null;
}

/** Only asserted (and future) events count; negated and hypothetical ones are evidence only. */
export function isCounted(e: EventRecord): boolean {
  return !e.negated && (e.modality === undefined || e.modality === 'asserted' || e.modality === 'future');
}

export function eventColumns(e: EventRecord, articleDate: string | null, coded: CodedArticle): EventColumns {
  return {
    date: e.date ?? articleDate,
    sourceCode: e.source?.code ?? null,
    sourceCountry: actorCountry(e.source?.code),
    targetCode: e.target?.code ?? null,
    targetCountry: actorCountry(e.target?.code),
    code: e.code,
    root: e.root,
    quadClass: e.quadClass,
    goldstein: e.goldstein,
    counted: isCounted(e),
    record: JSON.stringify(e),
    sentence: coded.sentences[e.sentence]?.text ?? null,
    sentStart: coded.sentences[e.sentence]?.start ?? null,
    sentEnd: coded.sentences[e.sentence]?.end ?? null,
  };
}

/** The speaker field quotes are searched by: text, name and code, lower-cased. */
export function quoteSpeaker(q: QuoteRecord): string | null {
  if (!q.speaker) return null;
  return [q.speaker.text, q.speaker.name, q.speaker.code].filter(Boolean).join(' | ').toLowerCase();
}

// ---- the coded article without its events ---------------------------------

/** Marks a span whose `text` was dropped because it is `articleText.slice(start, end)`. */
const SLICED = '@s';

/**
 * The CodedArticle as stored in `articles.coded`: everything but `events`
 * (stored as rows). Every span ({text, start, end}: sentences, entities,
 * quotes, places…) whose text is the slice of the article text at its
 * offsets is stored without its text, and gets it back on read; this keeps
 * the stored annotations about the size of the text itself.
 */
export function packCoded(coded: CodedArticle, text: string): string {
  const { events: _events, ...rest } = coded;
  return JSON.stringify(rest, function (this: unknown, _key, value: unknown) {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const v = value as Record<string, unknown>;
      if (typeof v.text === 'string' && Number.isInteger(v.start) && Number.isInteger(v.end) && !(SLICED in v)) {
        if (text.slice(v.start as number, v.end as number) === v.text) {
          const { text: _t, ...others } = v;
          return { ...others, [SLICED]: 1 };
        }
      }
    }
    return value;
  });
}

export function unpackCoded(json: string, text: string, events: EventRecord[]): CodedArticle {
  const raw = JSON.parse(json, (_key, value: unknown) => {
    if (value && typeof value === 'object' && (value as Record<string, unknown>)[SLICED] === 1) {
      const v = value as Record<string, unknown>;
      delete v[SLICED];
      v.text = text.slice(v.start as number, v.end as number);
    }
    return value;
  }) as Record<string, unknown>;
  // keep the coder's key order: events come right after sentences
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) {
    out[k] = v;
    if (k === 'sentences') out.events = events;
  }
  if (!('events' in out)) out.events = events;
  return out as unknown as CodedArticle;
}

// ---- filters → SQL --------------------------------------------------------

/** How one database spells parameters, prefix matches and full-text matches. */
export interface Dialect {
  /** Adds a parameter and returns its placeholder. */
  param(value: unknown): string;
  /** `column` starts with `prefix`. */
  prefix(column: string, prefix: string): string;
  /** The article (alias a) matches the full-text query; null when the query has no searchable words. */
  fts(query: string): string | null;
  /** SQL for boolean true (1 or TRUE). */
  readonly TRUE: string;
}

/** Normalizes a CAMEO root filter: "1" → "01". */
export function normalizeRoot(root: string): string {
  return /^\d$/.test(root) ? `0${root}` : root;
}

function actorClause(d: Dialect, side: 'source' | 'target', value: string): string {
  const v = value.toUpperCase();
  return isCountryCode(v) ? `e.${side}_country = ${d.param(v)}` : d.prefix(`e.${side}_code`, v);
}

/** WHERE conditions for an event filter, over `events e JOIN articles a`. Returns null when nothing can match. */
export function eventConditions(d: Dialect, f: EventFilter): string[] | null {
  const w: string[] = [];
  if (!f.all) w.push(`e.counted = ${d.TRUE}`);
  if (f.source) w.push(actorClause(d, 'source', f.source));
  if (f.target) w.push(actorClause(d, 'target', f.target));
  if (f.actor) w.push(`(${actorClause(d, 'source', f.actor)} OR ${actorClause(d, 'target', f.actor)})`);
  if (f.root) w.push(`e.root = ${d.param(normalizeRoot(f.root))}`);
  if (f.code) w.push(d.prefix('e.code', f.code));
  if (f.from) w.push(`e.date >= ${d.param(f.from)}`);
  if (f.to) w.push(`e.date <= ${d.param(f.to)}`);
  if (f.text !== undefined) {
    const m = d.fts(f.text);
    if (m === null) return null;
    w.push(m);
  }
  return w;
}

export function dyadConditions(d: Dialect, f: DyadFilter): string[] {
  const w = [`e.counted = ${d.TRUE}`, 'e.source_country IS NOT NULL', 'e.target_country IS NOT NULL', 'e.date IS NOT NULL'];
  if (f.source) w.push(`e.source_country = ${d.param(f.source.toUpperCase())}`);
  if (f.target) w.push(`e.target_country = ${d.param(f.target.toUpperCase())}`);
  if (f.from) w.push(`e.date >= ${d.param(f.from)}`);
  if (f.to) w.push(`e.date <= ${d.param(f.to)}`);
  return w;
}

export function quoteConditions(d: Dialect, f: QuoteFilter): string[] {
  const w: string[] = [];
  if (f.speaker) w.push(`q.speaker LIKE ${d.param(`%${escapeLike(f.speaker.toLowerCase())}%`)} ESCAPE '\\'`);
  if (f.from) w.push(`a.date >= ${d.param(f.from)}`);
  if (f.to) w.push(`a.date <= ${d.param(f.to)}`);
  return w;
}

export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export const where = (w: string[]) => (w.length ? `WHERE ${w.join(' AND ')}` : '');

/**
 * A user's search text as words and "quoted phrases"; each must match
 * (AND). Punctuation is dropped. Empty when nothing searchable remains.
 */
export function searchTerms(query: string): string[][] {
  const terms: string[][] = [];
  const re = /"([^"]*)"|(\S+)/g;
  for (let m; (m = re.exec(query)); ) {
    const words = (m[1] ?? m[2]).toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    if (!words.length) continue;
    if (m[1] !== undefined) terms.push(words);
    else for (const w of words) terms.push([w]);
  }
  return terms;
}

/** Marks snippet matches in [brackets]; both adapters use the same markers. */
export const MATCH_OPEN = '[';
export const MATCH_CLOSE = ']';

// ---- migrations -----------------------------------------------------------

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The migration files of one adapter, in version order: migrations/<kind>/NNN_name.sql. */
export function loadMigrations(kind: 'sqlite' | 'postgres'): Migration[] {
  const dir = fileURLToPath(new URL(`./migrations/${kind}/`, import.meta.url));
  const out: Migration[] = [];
  for (const file of readdirSync(dir).sort()) {
    const m = /^(\d{3})_([\w-]+)\.sql$/.exec(file);
    if (!m) continue;
    out.push({ version: Number(m[1]), name: m[2], sql: readFileSync(dir + file, 'utf8') });
  }
  out.forEach((mig, i) => {
    if (mig.version !== i + 1) throw new Error(`store migrations for ${kind}: expected version ${i + 1}, found ${mig.version}`);
  });
  return out;
}

/** The error for a database written by a newer Dyad. */
export function tooNew(location: string, version: number, known: number): DyadError {
  return new DyadError('INPUT', `database schema version ${version} is newer than this Dyad knows (${known}); upgrade Dyad`, {
    file: location,
  });
}

export const nowIso = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

// ---- rows back to records -----------------------------------------------------

/** An `articles` row as both adapters read it (SQLite gives numbers, PostgreSQL BIGINT strings for ids). */
export interface ArticleRow extends Pick<StoredArticle, 'id' | 'hash' | 'source' | 'feed' | 'url' | 'publisher' | 'title' | 'date' | 'text'> {
  doc: number | string;
  dict_version: string | null;
  duplicate_of: number | string | null;
  num_articles: number;
  num_sources: number;
  coded: string | null;
  added_at: string;
}

/** A stored article from its row, the id of the original it copies, and its events in order. */
export function toStoredArticle(r: ArticleRow, duplicateOf: string | null, events: EventRecord[]): StoredArticle {
  return {
    id: r.id,
    hash: r.hash,
    source: r.source,
    feed: r.feed,
    url: r.url,
    publisher: r.publisher,
    title: r.title,
    date: r.date,
    text: r.text,
    dictionaryVersion: r.dict_version,
    duplicateOf,
    numArticles: r.num_articles,
    numSources: r.num_sources,
    addedAt: r.added_at,
    coded: r.coded === null ? null : unpackCoded(r.coded, r.text, events),
  };
}

/** What an event query selects: the event (`e`) with what queries need about its article (`a`). */
export const EVENT_ROW_COLUMNS = `e.eid, a.id, e.date, e.source_country, e.target_country, e.counted, e.n, e.record, e.sentence, e.sent_start, e.sent_end,
        a.title, a.source, a.url, a.num_articles, a.num_sources, a.tone, a.added_at`;

export interface EventJoinRow {
  eid: number | string;
  id: string;
  date: string | null;
  source_country: string | null;
  target_country: string | null;
  counted: number | boolean;
  n: number;
  record: string;
  sentence: string | null;
  sent_start: number | null;
  sent_end: number | null;
  title: string | null;
  source: string;
  url: string | null;
  num_articles: number;
  num_sources: number;
  tone: number | null;
  added_at: string;
}

export function toEventRow(r: EventJoinRow): EventRow {
  return {
    eventId: Number(r.eid),
    articleId: r.id,
    date: r.date,
    sourceCountry: r.source_country,
    targetCountry: r.target_country,
    counted: !!r.counted,
    index: r.n,
    event: JSON.parse(r.record) as EventRecord,
    sentence: r.sentence === null ? null : { start: r.sent_start ?? 0, end: r.sent_end ?? 0, text: r.sentence },
    title: r.title,
    source: r.source,
    url: r.url,
    numArticles: r.num_articles,
    numSources: r.num_sources,
    tone: r.tone,
    addedAt: r.added_at,
  };
}

/** Rows read at once by the paged queries (events, quotes). */
const PAGE = 2000;

/**
 * The rows of a query paged by key (`key > after ORDER BY key LIMIT n`), `limit` in all at most:
 * `fetch(after, n)` reads one page, `keyOf` gives a row's key. Memory stays one page whatever the size.
 */
export async function* pagedByKey<R>(limit: number | undefined, fetch: (after: number, n: number) => R[] | Promise<R[]>, keyOf: (row: R) => number): AsyncGenerator<R> {
  let after = 0;
  let left = limit ?? Infinity;
  while (left > 0) {
    const rows = await fetch(after, Math.min(PAGE, left));
    yield* rows;
    if (rows.length < PAGE) return;
    left -= rows.length;
    after = keyOf(rows[rows.length - 1]);
  }
}
