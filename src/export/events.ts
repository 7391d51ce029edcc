/**
 * Stored events as flat rows (csv, tsv), PLOVER records, and a terminal
 * table. Columns are documented in docs/store.md.
 */
import type { EventRow } from '../store/index.ts';
import { toPloverRecords, type PloverRecord } from '../output/index.ts';
import type { Cell } from './csv.ts';

/** Column name → value, in output order. */
const COLUMNS: Array<[string, (r: EventRow) => Cell]> = [
  ['event_id', (r) => r.eventId],
  ['date', (r) => r.date],
  ['article_id', (r) => r.articleId],
  ['source_code', (r) => r.event.source.code],
  ['source_country', (r) => r.sourceCountry],
  ['source_text', (r) => r.event.source.text],
  ['target_code', (r) => r.event.target?.code],
  ['target_country', (r) => r.targetCountry],
  ['target_text', (r) => r.event.target?.text],
  ['code', (r) => r.event.code],
  ['root', (r) => r.event.root],
  ['quad_class', (r) => r.event.quadClass],
  ['goldstein', (r) => r.event.goldstein],
  ['verb', (r) => r.event.verb.text],
  ['negated', (r) => r.event.negated],
  ['modality', (r) => r.event.modality],
  ['plover_type', (r) => r.event.plover?.type],
  ['mentions', (r) => r.event.mentions ?? 1],
  ['num_articles', (r) => r.numArticles],
  ['num_sources', (r) => r.numSources],
  ['title', (r) => r.title],
  ['url', (r) => r.url ?? r.source],
  ['sentence', (r) => r.sentence?.text],
];

export const EVENT_COLUMNS: readonly string[] = COLUMNS.map(([name]) => name);

/** The cells of one event, in EVENT_COLUMNS order. */
export function eventCells(r: EventRow): Cell[] {
  return COLUMNS.map(([, get]) => get(r));
}

/** The PLOVER record of a stored event, or null when it has no PLOVER coding. */
export function eventPlover(r: EventRow): PloverRecord | null {
  const sentences = [];
  if (r.sentence) sentences[r.event.sentence] = r.sentence;
  const [rec] = toPloverRecords({ id: r.articleId, date: r.date, sentences, events: [{ ...r.event, date: r.date ?? undefined }] });
  if (!rec) return null;
  rec.id = `${r.articleId}-${r.index + 1}`;
  return rec;
}
