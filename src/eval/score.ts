/**
 * Scoring of coded events against a suite's expected events. Pure functions on
 * (source, target, code) triples: no I/O, no coder.
 */
import type { EventRecord } from '../model/index.ts';

/** One event reduced to what the suites compare: actor codes and event code. */
export interface Triple {
  source: string;
  /** `---` when the event has no target. */
  target: string;
  code: string;
}

export const NO_TARGET = '---';

/**
 * Actor codes are compared case-insensitively (PETRARCH upper-cases them; some
 * dictionaries are written in lower case), event codes exactly; all trimmed.
 */
export function normaliseTriple(t: Triple): Triple {
  return {
    source: t.source.trim().toUpperCase(),
    target: (t.target.trim() || NO_TARGET).toUpperCase(),
    code: t.code.trim(),
  };
}

/** The events a record is scored on: the non-negated ones, as triples. */
export function eventTriples(events: readonly EventRecord[]): Triple[] {
  return events
    .filter((e) => !e.negated)
    .map((e) => normaliseTriple({ source: e.source.code, target: e.target?.code ?? NO_TARGET, code: e.code }));
}

/**
 * The same event at CAMEO root level with the actors' first three letters (their
 * country or international body): how studies that compare coders usually count
 * agreement, so that a sub-code or sector convention ("0841" for "084", "PHLMIL"
 * for "PHL") is not counted as a different event.
 */
export function rootLevelTriple(t: Triple): Triple {
  return { source: t.source.slice(0, 3), target: t.target.slice(0, 3), code: t.code.slice(0, 2) };
}

export function formatTriple(t: Triple): string {
  return `${t.source} ${t.target} ${t.code}`;
}

const keyOf = (t: Triple): string => `${t.source}\u0000${t.target}\u0000${t.code}`;

export interface RecordScore {
  expected: number;
  predicted: number;
  /** Expected triples found among the predicted ones, each matched at most once. */
  matched: number;
  /** Predicted multiset equals expected multiset (for a no-event record: nothing predicted). */
  exact: boolean;
  /** Expected triples that were not predicted. */
  missing: Triple[];
  /** Predicted triples that match no expected one. */
  extra: Triple[];
}

/** Multiset matching of one record's expected and predicted triples. */
export function scoreRecord(expected: readonly Triple[], predicted: readonly Triple[]): RecordScore {
  const pool = new Map<string, number>();
  for (const t of predicted) pool.set(keyOf(t), (pool.get(keyOf(t)) ?? 0) + 1);
  const missing: Triple[] = [];
  let matched = 0;
  for (const t of expected) {
    const left = pool.get(keyOf(t)) ?? 0;
    if (left > 0) {
      pool.set(keyOf(t), left - 1);
      matched++;
    } else {
      missing.push(t);
    }
  }
  const extra: Triple[] = [];
  for (const t of predicted) {
    const left = pool.get(keyOf(t)) ?? 0;
    if (left > 0) {
      pool.set(keyOf(t), left - 1);
      extra.push(t);
    }
  }
  return {
    expected: expected.length,
    predicted: predicted.length,
    matched,
    exact: missing.length === 0 && extra.length === 0,
    missing,
    extra,
  };
}

export interface EventTotals {
  eventsExpected: number;
  eventsPredicted: number;
  eventsMatched: number;
  /** matched / predicted; 0 when nothing was predicted. */
  precision: number;
  /** matched / expected; 0 when nothing was expected. */
  recall: number;
  /** Harmonic mean of precision and recall; 0 when both are 0. */
  f1: number;
}

/** Sums record scores into event-level precision, recall and F1 (micro-averaged). */
export function eventTotals(scores: readonly RecordScore[]): EventTotals {
  let eventsExpected = 0;
  let eventsPredicted = 0;
  let eventsMatched = 0;
  for (const s of scores) {
    eventsExpected += s.expected;
    eventsPredicted += s.predicted;
    eventsMatched += s.matched;
  }
  const precision = ratio(eventsMatched, eventsPredicted);
  const recall = ratio(eventsMatched, eventsExpected);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { eventsExpected, eventsPredicted, eventsMatched, precision, recall, f1 };
}

export function ratio(n: number, d: number): number {
  return d === 0 ? 0 : n / d;
}
