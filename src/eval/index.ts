/**
 * Evaluation against peers' test suites (../shared/eval): `dyad eval <suite> <dir>`.
 * The CLI calls `runEval`; the scorer and loader are exported for reuse.
 */
export {
  runEval,
  evaluate,
  SUITES,
  type SuiteName,
  type EventSuiteName,
  type EvalOptions,
  type EvalIO,
  type Writer,
  type EvalReport,
  type EvalFailure,
} from './run.ts';
export { loadSuite, isoDate, type SuiteRecord } from './suite.ts';
export {
  scoreRecord,
  eventTotals,
  eventTriples,
  normaliseTriple,
  rootLevelTriple,
  formatTriple,
  NO_TARGET,
  type Triple,
  type RecordScore,
  type EventTotals,
} from './score.ts';
export {
  runPolnear,
  evaluatePolnear,
  loadPolnear,
  parsePolnearRecord,
  scoreQuotes,
  renderPolnear,
  type PolnearRecord,
  type PolnearAttribution,
  type PolnearReport,
  type PolnearOptions,
} from './polnear.ts';
export {
  runPlover,
  evaluatePlover,
  loadPloverSuite,
  renderPlover,
  DEFAULT_DATE as PLOVER_SUITE_DATE,
  type PloverRecord,
  type PloverReport,
  type PloverOptions,
} from './plover.ts';
