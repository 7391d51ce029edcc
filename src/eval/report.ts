/**
 * Human-readable rendering of an EvalReport. Never prints a line of the bare
 * form `N passed, N failed`: CI parses that form from test runners.
 */
import type { EvalReport } from './run.ts';
import { formatTriple, type Triple } from './score.ts';
import type { SuiteRecord } from './suite.ts';

export interface RenderOptions {
  dir: string;
  dictDirs: readonly string[];
  verbose: boolean;
}

export function renderHuman(report: EvalReport, records: readonly SuiteRecord[], opts: RenderOptions): string {
  const out: string[] = [];
  const byId = new Map(records.map((r) => [r.id, r]));

  if (opts.verbose && report.failures.length > 0) {
    out.push(`wrong records (${report.failures.length}):`, '');
    for (const f of report.failures) {
      const r = byId.get(f.id);
      const assumes = r && Object.keys(r.config).length > 0
        ? `  (assumes ${Object.entries(r.config).map(([k, v]) => `${k}=${v}`).join(', ')})`
        : '';
      out.push(`✗ ${f.id} [${f.category}]${assumes}`);
      if (r) out.push(`  text:      ${r.text}`);
      out.push(`  expected:  ${triples(f.expected)}`);
      out.push(`  predicted: ${triples(f.predicted)}`);
      if (f.error !== undefined) out.push(`  error:     ${f.error}`);
      out.push('');
    }
  }

  out.push(`dyad eval ${report.suite}: ${opts.dir}`);
  out.push(`dictionaries: ${opts.dictDirs.length > 0 ? opts.dictDirs.join(', ') : 'built-in'} (version ${report.dictionaryVersion})`);
  out.push('');

  // Per-category table, categories in suite order; skipped counts come from the records.
  const skipped = new Map<string, number>();
  const order: string[] = [];
  for (const r of records) {
    if (!order.includes(r.category)) order.push(r.category);
    if (!r.inScope) skipped.set(r.category, (skipped.get(r.category) ?? 0) + 1);
  }
  const rows: string[][] = [['category', 'records', 'exactly right', '%', 'skipped']];
  for (const cat of order) {
    const c = report.byCategory[cat] ?? { correct: 0, total: 0 };
    rows.push([cat, String(c.total), String(c.correct), pct(c.correct, c.total), String(skipped.get(cat) ?? 0)]);
  }
  rows.push([
    'in scope', String(report.recordsTotal), String(report.recordsCorrect),
    pct(report.recordsCorrect, report.recordsTotal), String(report.recordsSkipped),
  ]);
  out.push(...table(rows));
  out.push('');

  out.push(`records exactly right: ${report.recordsCorrect}/${report.recordsTotal} (${pct(report.recordsCorrect, report.recordsTotal)}%)`);
  out.push(`records skipped (out of scope): ${report.recordsSkipped}`);
  out.push(`events: expected ${report.eventsExpected}, predicted ${report.eventsPredicted}, matched ${report.eventsMatched}`);
  out.push(`precision ${pct1(report.precision)}%, recall ${pct1(report.recall)}%, F1 ${pct1(report.f1)}%`);
  const root = report.rootLevel;
  out.push(`at CAMEO root level, actors by country: precision ${pct1(root.precision)}%, recall ${pct1(root.recall)}%, F1 ${pct1(root.f1)}%`);
  out.push(`records with extra events: ${report.recordsWithExtraEvents}/${report.recordsTotal} (${pct1(report.extraEventRate)}%)`);
  if (report.recordsErrored > 0) out.push(`records on which the coder threw: ${report.recordsErrored} (see stderr)`);
  out.push(`dictionary load: ${report.loadMs} ms; coding: ${report.codingMs} ms`);
  return `${out.join('\n')}\n`;
}

function triples(ts: readonly Triple[]): string {
  return ts.length === 0 ? '(none)' : ts.map(formatTriple).join(', ');
}

function pct(n: number, d: number): string {
  return d === 0 ? '-' : ((100 * n) / d).toFixed(1);
}

function pct1(x: number): string {
  return (100 * x).toFixed(1);
}

/** First column left-aligned, the others right-aligned; a rule under the header and above the last row. */
function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]): string =>
    r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const body = rows.slice(1).map(line);
  return [line(rows[0]!), rule, ...body.slice(0, -1), rule, body[body.length - 1]!];
}
