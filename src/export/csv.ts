/** Delimited text: CSV (RFC 4180 quoting) and TSV (tabs and line breaks in values become spaces). */

export type Cell = string | number | boolean | null | undefined;

function csvCell(v: Cell): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function tsvCell(v: Cell): string {
  if (v === null || v === undefined) return '';
  return String(v).replace(/[\t\n\r\v\f\u0085\u2028\u2029]/g, ' ');
}

/** One CSV line, no line break. */
export function csvRow(cells: readonly Cell[]): string {
  return cells.map(csvCell).join(',');
}

/** One TSV line, no line break. */
export function tsvRow(cells: readonly Cell[]): string {
  return cells.map(tsvCell).join('\t');
}
