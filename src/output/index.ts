/**
 * Output writers: pure functions from CodedArticle to text. No I/O here; the
 * CLI (and later the server and exports) decide where the text goes.
 * Formats are documented in docs/output-schema.md.
 */
import type { CodedArticle, EventRecord } from '../model/index.ts';
import { toPloverRecords } from './plover.ts';

export { toPloverRecords, type PloverEntity, type PloverRecord } from './plover.ts';

export type OutputFormat = 'json' | 'jsonl' | 'tsv' | 'plover';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['json', 'jsonl', 'tsv', 'plover'];

/** One article as pretty-printed JSON (2-space indent), no trailing newline. */
export function toJson(article: CodedArticle): string {
  return JSON.stringify(article, null, 2);
}

/** One article as one compact JSON line, no trailing newline. */
export function toJsonl(article: CodedArticle): string {
  return JSON.stringify(article);
}

/** TSV columns, in order: one row per event. */
export const TSV_COLUMNS = [
  'id',
  'date',
  'sentence',
  'source_code',
  'source_text',
  'source_start',
  'source_end',
  'target_code',
  'target_text',
  'target_start',
  'target_end',
  'code',
  'root',
  'quad_class',
  'goldstein',
  'verb_text',
  'verb_start',
  'verb_end',
  'negated',
  // added with the pipeline stages (issue #4); empty when a stage did not run
  'event_date',
  'date_source',
  'date_text',
  'modality',
  'mentions',
  'plover_type',
  'plover_mode',
  'plover_context',
  // the free text stays last
  'sentence_text',
] as const;

/** The TSV header line, no trailing newline. */
export function tsvHeader(): string {
  return TSV_COLUMNS.join('\t');
}

/** Tabs, line breaks and other line separators become spaces, so one event stays one line. */
function field(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value).replace(/[\t\n\r\v\f\u0085\u2028\u2029]/g, ' ');
}

function row(article: CodedArticle, event: EventRecord): string {
  const t = event.target;
  const values: Record<(typeof TSV_COLUMNS)[number], string | number | boolean | null | undefined> = {
    id: article.id,
    date: article.date,
    sentence: event.sentence,
    source_code: event.source.code,
    source_text: event.source.text,
    source_start: event.source.start,
    source_end: event.source.end,
    target_code: t?.code,
    target_text: t?.text,
    target_start: t?.start,
    target_end: t?.end,
    code: event.code,
    root: event.root,
    quad_class: event.quadClass,
    goldstein: event.goldstein,
    verb_text: event.verb.text,
    verb_start: event.verb.start,
    verb_end: event.verb.end,
    negated: event.negated,
    sentence_text: article.sentences[event.sentence]?.text,
    event_date: event.date,
    date_source: event.dateSource,
    date_text: event.dateText?.text,
    modality: event.modality,
    mentions: event.mentions,
    plover_type: event.plover?.type,
    plover_mode: event.plover?.mode,
    plover_context: event.plover?.context,
  };
  return TSV_COLUMNS.map((c) => field(values[c])).join('\t');
}

/** One TSV row per event of the article (none when it has no events), no trailing newlines. */
export function toTsvRows(article: CodedArticle): string[] {
  return article.events.map((e) => row(article, e));
}

/**
 * One PLOVER JSONL line per event that has a PLOVER coding and passes `include`
 * (default: all), no trailing newlines. Record ids are `<article id>-<n>`, n the
 * event's 1-based position in `article.events`, whatever `include` leaves out.
 */
export function toPloverJsonl(article: CodedArticle, include: (e: EventRecord) => boolean = () => true): string[] {
  return toPloverRecords(article, include).map((r) => JSON.stringify(r));
}
