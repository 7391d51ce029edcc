/**
 * Dyad summaries: the store returns counted events per (source country,
 * target country, day); this groups them by period. Pure, so both adapters
 * give the same answer.
 */
import type { DyadDayRow } from './store.ts';

export type DyadPeriod = 'day' | 'week' | 'month' | 'year' | 'all';
export const DYAD_PERIODS: readonly DyadPeriod[] = ['day', 'week', 'month', 'year', 'all'];

export interface DyadSummary {
  source: string;
  target: string;
  /** The period: YYYY-MM-DD (day; for week the Monday it starts on), YYYY-MM, YYYY, or "" for all. */
  period: string;
  events: number;
  /** Events per QuadClass 1–4. */
  quad: [number, number, number, number];
  goldsteinSum: number;
  goldsteinMean: number;
}

/** The Monday of the ISO week holding a YYYY-MM-DD date. */
export function weekStart(date: string): string {
  const t = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(t.getTime())) return date;
  const back = (t.getUTCDay() + 6) % 7;
  t.setUTCDate(t.getUTCDate() - back);
  return t.toISOString().slice(0, 10);
}

function periodOf(date: string, by: DyadPeriod): string {
  switch (by) {
    case 'day':
      return date;
    case 'week':
      return weekStart(date);
    case 'month':
      return date.slice(0, 7);
    case 'year':
      return date.slice(0, 4);
    case 'all':
      return '';
  }
}

/** Group day rows by (source, target, period); sorted by source, target, period. */
export function groupDyads(rows: Iterable<DyadDayRow>, by: DyadPeriod = 'all'): DyadSummary[] {
  const groups = new Map<string, DyadSummary>();
  for (const r of rows) {
    const period = periodOf(r.date, by);
    const key = `${r.source}\t${r.target}\t${period}`;
    let g = groups.get(key);
    if (!g) {
      g = { source: r.source, target: r.target, period, events: 0, quad: [0, 0, 0, 0], goldsteinSum: 0, goldsteinMean: 0 };
      groups.set(key, g);
    }
    g.events += r.events;
    for (let i = 0; i < 4; i++) g.quad[i] += r.quad[i];
    g.goldsteinSum += r.goldsteinSum;
  }
  const out = [...groups.values()];
  for (const g of out) {
    g.goldsteinSum = Math.round(g.goldsteinSum * 1000) / 1000;
    g.goldsteinMean = g.events ? Math.round((g.goldsteinSum / g.events) * 1000) / 1000 : 0;
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return out.sort((a, b) => cmp(a.source, b.source) || cmp(a.target, b.target) || cmp(a.period, b.period));
}
