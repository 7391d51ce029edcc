/** Dyad summaries as rows: the columns of `dyad dyads` in csv and table form. */
import type { DyadSummary } from '../store/index.ts';
import type { Cell } from './csv.ts';

export const DYAD_COLUMNS: readonly string[] = [
  'source', 'target', 'period', 'events', 'verbal_coop', 'material_coop', 'verbal_conflict', 'material_conflict', 'goldstein_sum', 'goldstein_mean',
];

export function dyadCells(d: DyadSummary): Cell[] {
  return [d.source, d.target, d.period, d.events, d.quad[0], d.quad[1], d.quad[2], d.quad[3], d.goldsteinSum, d.goldsteinMean];
}
