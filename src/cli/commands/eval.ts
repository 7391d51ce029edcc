/** `dyad eval SUITE DIR`: score the coder against a peer's test suite. The scoring is src/eval's. */
import { parseOptions, oneOf, usageError } from '../args.ts';
import type { CliIo } from '../io.ts';
import { SUITES, type SuiteName as Suite } from '../../eval/suites.ts';
import type { CommandSpec } from './types.ts';

export interface EvalCliOptions {
  suite: Suite;
  dir: string;
  dictDirs: string[];
  json: boolean;
  verbose: boolean;
  oneSided: boolean;
}

const help = `Usage: dyad eval SUITE DIR [options]

Score Dyad against a test suite of coded sentences and print the figures.

Suites:
  petrarch-validation  PETRARCH's validation suite: each record is coded with the
                       dictionaries in DIR. Prints records exactly right (all
                       expected events, no extra ones) per category and overall,
                       and event precision / recall.
  afp-gsr              Real news sentences with PETRARCH2's events: event
                       precision, recall, F1, exact and at CAMEO root level
                       with actors by their first three letters. Uses Dyad's
                       built-in dictionaries unless --dict is given.
  polnear              PolNeAR (2016 US news, every attribution annotated):
                       quote attribution. A predicted quote matches a gold
                       attribution when it covers at least 50% of the words of
                       the gold content (one-to-one, best coverage first);
                       prints content precision, recall and F1, the same with
                       50% overlap required both ways (strict), and speaker
                       accuracy: among matched contents, the share whose
                       predicted speaker span overlaps the gold source span (a
                       gold without source wants no speaker).
  plover-dev           Real news sentences (2010s), each labelled with one PLOVER
                       event type and its source and target: coverage (sentences
                       with an event), event-type recall and precision, and how
                       often the right event has the labelled source and target.
                       Uses Dyad's built-in dictionaries unless --dict is given.

Options:
  --dict DIR     Dictionary directory (repeatable), e.g. ../shared/dictionaries/petrarch2
  --json         Print one JSON object (recordsCorrect, recordsTotal, precision, recall, f1, …;
                 polnear: precision, recall, f1, speakerAccuracy, strict, …;
                 plover-dev: coverage, typeRecall, typePrecision, f1, dyadAccuracy, …)
  --one-sided    Also code events whose target is not an actor ("Teachers went on
                 strike"); by default an event needs a source and a target
  --verbose      List every wrong record with expected and predicted events
                 (polnear: every missed gold content and every unmatched quote;
                 plover-dev: every sentence without the labelled event type)
  -h, --help     Show this help.

Examples:
  dyad eval petrarch-validation ../shared/eval/petrarch-validation
  dyad eval afp-gsr ../shared/eval/afp-gsr --dict ../shared/dictionaries/petrarch2
  dyad eval polnear ../shared/eval/polnear-dev
  dyad eval plover-dev ../shared/eval/plover-dev
`;

const options = {
  dict: { type: 'string', multiple: true },
  json: { type: 'boolean' },
  verbose: { type: 'boolean' },
  'one-sided': { type: 'boolean' },
} as const;

function parse(argv: string[]): EvalCliOptions {
  const { values, positionals } = parseOptions('eval', options, argv);
  if (positionals.length !== 2) throw usageError('expected a SUITE and a DIR', 'eval');
  const suite = oneOf('eval', 'suite', positionals[0], SUITES);
  const oneSided = values['one-sided'] ?? false;
  if (oneSided && (suite === 'petrarch-validation' || suite === 'polnear')) throw usageError(`--one-sided applies to afp-gsr and plover-dev, not ${suite}`, 'eval');
  return { suite, dir: positionals[1], dictDirs: values.dict ?? [], json: values.json ?? false, verbose: values.verbose ?? false, oneSided };
}

async function run(opts: EvalCliOptions, io: CliIo): Promise<number> {
  const { runEval } = await import('../../eval/index.ts');
  await runEval(opts, io);
  return 0;
}

export const evalCommand: CommandSpec<EvalCliOptions> = {
  summary: 'Score the coder against a test suite (petrarch-validation, afp-gsr, polnear, plover-dev)',
  help,
  parse,
  run,
};
