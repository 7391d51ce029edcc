/** The evaluation suites `dyad eval` knows; a module of its own so the CLI can list them without loading the coder. */
export const SUITES = ['petrarch-validation', 'afp-gsr', 'polnear', 'plover-dev'] as const;
export type SuiteName = (typeof SUITES)[number];
