/**
 * `dyad eval`: codes every record of an evaluation suite and scores the events
 * against the expected ones. The CLI is a thin shell over `runEval`.
 */
import { resolve } from 'node:path';
import { createCoder, type Coder, type CodingOptions } from '../events/index.ts';
import { DyadError } from '../model/index.ts';
import { eventTotals, eventTriples, ratio, rootLevelTriple, scoreRecord, type EventTotals, type RecordScore, type Triple } from './score.ts';
import { isoDate, loadSuite, type SuiteRecord } from './suite.ts';
import { renderHuman } from './report.ts';
import { runPolnear, type PolnearReport } from './polnear.ts';
import { runPlover, type PloverReport } from './plover.ts';
import { SUITES, type SuiteName } from './suites.ts';

export { SUITES, type SuiteName };
/**
 * The suites scored on (source, target, code) events; polnear scores quote attribution
 * (src/eval/polnear.ts), plover-dev event types on labelled sentences (src/eval/plover.ts).
 */
export type EventSuiteName = Exclude<SuiteName, 'polnear' | 'plover-dev'>;

export interface EvalOptions {
  suite: SuiteName;
  /** The suite folder, holding records.jsonl (and, for petrarch-validation, its dictionaries). */
  dir: string;
  /** Extra dictionary folders (`--dict`), after the suite's own for petrarch-validation. */
  dictDirs?: string[];
  /** Also code events whose target is not an actor (`--one-sided`; CodingOptions.requireDyad false). */
  oneSided?: boolean;
  /** Print exactly one JSON object (the report) instead of tables. */
  json?: boolean;
  /** Human output: also list every wrong record with its text, expected and predicted events. */
  verbose?: boolean;
}

/** Anything with `write(text)`, e.g. `process.stdout`. */
export interface Writer {
  write(text: string): unknown;
}

export interface EvalIO {
  stdout: Writer;
  stderr: Writer;
}

export interface EvalFailure {
  id: string;
  category: string;
  expected: Triple[];
  predicted: Triple[];
  /** Set when the coder threw on this record. */
  error?: string;
}

export interface EvalReport {
  suite: SuiteName;
  /** In-scope records whose predicted events equal the expected ones, as multisets. */
  recordsCorrect: number;
  /** In-scope records. */
  recordsTotal: number;
  /** Out-of-scope records (`notes.in_scope` false): not coded, not scored. */
  recordsSkipped: number;
  precision: number;
  recall: number;
  f1: number;
  eventsExpected: number;
  eventsPredicted: number;
  eventsMatched: number;
  /** Share of in-scope records with at least one predicted event matching nothing expected. */
  extraEventRate: number;
  /** Precision, recall and F1 with events compared at CAMEO root level and actors by their first three letters. */
  rootLevel: Pick<EventTotals, 'precision' | 'recall' | 'f1'>;
  byCategory: Record<string, { correct: number; total: number }>;
  /** The in-scope records that are not exactly right, in suite order. */
  failures: EvalFailure[];
  recordsWithExtraEvents: number;
  /** In-scope records on which the coder threw (counted as predicting nothing). */
  recordsErrored: number;
  dictionaryVersion: string;
  /** Dictionary load time reported by the coder. */
  loadMs: number;
  /** Wall time spent coding the in-scope records. */
  codingMs: number;
}

/** Loads the suite, creates the coder, scores, prints; returns the report. Throws DyadError on bad input. */
export async function runEval(options: EvalOptions & { suite: EventSuiteName }, io: EvalIO): Promise<EvalReport>;
export async function runEval(options: EvalOptions & { suite: 'polnear' }, io: EvalIO): Promise<PolnearReport>;
export async function runEval(options: EvalOptions & { suite: 'plover-dev' }, io: EvalIO): Promise<PloverReport>;
export async function runEval(options: EvalOptions, io: EvalIO): Promise<EvalReport | PolnearReport | PloverReport>;
export async function runEval(options: EvalOptions, io: EvalIO): Promise<EvalReport | PolnearReport | PloverReport> {
  if (!(SUITES as readonly string[]).includes(options.suite)) {
    throw new DyadError('USAGE', `unknown evaluation suite "${options.suite}": use one of ${SUITES.join(', ')}`);
  }
  if (options.suite === 'polnear') return runPolnear(options, io);
  if (options.suite === 'plover-dev') return runPlover(options, io);
  const dir = resolve(options.dir);
  const records = await loadSuite(dir);
  const extra = (options.dictDirs ?? []).map((d) => resolve(d));
  const dictDirs = options.suite === 'petrarch-validation' ? [dir, ...extra] : extra;
  const coder = await createCoder({ dictDirs, ...(options.oneSided && { requireDyad: false }) });
  const report = evaluate(options.suite, records, coder, io);
  if (options.json) {
    io.stdout.write(`${JSON.stringify(report)}\n`);
  } else {
    io.stdout.write(renderHuman(report, records, { dir, dictDirs, verbose: options.verbose ?? false }));
  }
  return report;
}

/**
 * The PETRARCH options a record assumes (`notes.config_in_effect`), as Dyad coding options.
 * Options Dyad has no equivalent for (require_dyad, see below; comma_bmin/bmax: Dyad never sets aside a sentence's
 * opening clause; new_actor_length) are ignored.
 */
export function codingOptionsFrom(config: Record<string, string>): CodingOptions {
  const options: CodingOptions = {};
  const num = (key: string) => (config[key] !== undefined && /^\d+$/.test(config[key]) ? Number(config[key]) : undefined);
  // require_dyad=false is not passed on: PETRARCH still drops most one-sided events (bare "X said")
  // that Dyad would then emit, so the suite's expectations match Dyad's default better.
  const map: Array<[string, keyof CodingOptions]> = [
    ['comma_min', 'commaMin'],
    ['comma_max', 'commaMax'],
    ['comma_emin', 'commaEndMin'],
    ['comma_emax', 'commaEndMax'],
  ];
  for (const [key, option] of map) {
    const v = num(key);
    if (v !== undefined) (options[option] as number) = v;
  }
  return options;
}

/** Codes and scores the in-scope records with a given coder. Exported for tests. */
export function evaluate(
  suite: SuiteName,
  records: readonly SuiteRecord[],
  coder: Pick<Coder, 'code' | 'dictionaryVersion' | 'loadMs'>,
  io: Pick<EvalIO, 'stderr'>,
): EvalReport {
  const scores: RecordScore[] = [];
  const byCategory: Record<string, { correct: number; total: number }> = {};
  const failures: EvalFailure[] = [];
  let recordsSkipped = 0;
  let recordsWithExtraEvents = 0;
  let recordsErrored = 0;
  let codingMs = 0;
  const rootScores: RecordScore[] = [];

  for (const record of records) {
    if (!record.inScope) {
      recordsSkipped++;
      continue;
    }
    const date = isoDate(record.date);
    if (date === undefined && record.date !== '') {
      io.stderr.write(`dyad eval: ${record.id}: date "${record.date}" is not YYYYMMDD; coded without a date\n`);
    }
    let predicted: Triple[] = [];
    let error: string | undefined;
    const t0 = performance.now();
    try {
      predicted = eventTriples(coder.code({ id: record.id, text: record.text, date }, codingOptionsFrom(record.config)).events);
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
      recordsErrored++;
      io.stderr.write(`dyad eval: ${record.id}: the coder threw: ${error}\n`);
    }
    codingMs += performance.now() - t0;

    const score = scoreRecord(record.expected, predicted);
    scores.push(score);
    rootScores.push(scoreRecord(record.expected.map(rootLevelTriple), predicted.map(rootLevelTriple)));
    const cat = (byCategory[record.category] ??= { correct: 0, total: 0 });
    cat.total++;
    if (score.exact && error === undefined) cat.correct++;
    else failures.push({ id: record.id, category: record.category, expected: record.expected, predicted, ...(error !== undefined && { error }) });
    if (score.extra.length > 0) recordsWithExtraEvents++;
  }

  const totals = eventTotals(scores);
  const rootTotals = eventTotals(rootScores);
  const recordsTotal = scores.length;
  return {
    suite,
    recordsCorrect: recordsTotal - failures.length,
    recordsTotal,
    recordsSkipped,
    precision: round4(totals.precision),
    recall: round4(totals.recall),
    f1: round4(totals.f1),
    eventsExpected: totals.eventsExpected,
    eventsPredicted: totals.eventsPredicted,
    eventsMatched: totals.eventsMatched,
    extraEventRate: round4(ratio(recordsWithExtraEvents, recordsTotal)),
    rootLevel: { precision: round4(rootTotals.precision), recall: round4(rootTotals.recall), f1: round4(rootTotals.f1) },
    byCategory,
    failures,
    recordsWithExtraEvents,
    recordsErrored,
    dictionaryVersion: coder.dictionaryVersion,
    loadMs: Math.round(coder.loadMs),
    codingMs: Math.round(codingMs),
  };
}

const round4 = (x: number): number => Math.round(x * 10000) / 10000;
