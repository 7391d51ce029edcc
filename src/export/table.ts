/**
 * Plain-text tables for a terminal: fixed column widths, so rows can be
 * written as they come; long values are cut with "…".
 */
import type { Cell } from './csv.ts';

export interface TableColumn {
  name: string;
  width: number;
  align?: 'left' | 'right';
}

function fit(v: Cell, width: number, align: 'left' | 'right' = 'left'): string {
  let s = v === null || v === undefined ? '' : String(v).replace(/\s+/g, ' ');
  if (s.length > width) s = `${s.slice(0, Math.max(0, width - 1))}…`;
  return align === 'right' ? s.padStart(width) : s.padEnd(width);
}

/** A table row (the last column is not padded), no line break. */
export function tableRow(columns: readonly TableColumn[], cells: readonly Cell[]): string {
  return columns
    .map((c, i) => (i === columns.length - 1 ? fit(cells[i], c.width).trimEnd() : fit(cells[i], c.width, c.align)))
    .join('  ');
}

export function tableHeader(columns: readonly TableColumn[]): string {
  return tableRow(columns, columns.map((c) => c.name));
}
