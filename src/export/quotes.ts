/** Stored quotes as rows: the columns of `dyad quotes` in csv and table form. */
import type { QuoteRow } from '../store/index.ts';
import type { Cell } from './csv.ts';

export const QUOTE_COLUMNS: readonly string[] = ['article_id', 'date', 'kind', 'speaker', 'speaker_code', 'cue', 'quote'];

export function quoteCells(q: QuoteRow): Cell[] {
  const s = q.quote.speaker;
  return [q.articleId, q.date, q.quote.kind, s ? (s.name ?? s.text) : null, s?.code, q.quote.cue?.text, q.quote.text];
}
