/** `dyad dict check|stats`: validate a dictionary set, or count what it covers. */
import { parseOptions, oneOf, usageError } from '../args.ts';
import { write, type CliIo } from '../io.ts';
import type { CommandSpec } from './types.ts';

const ACTIONS = ['check', 'stats'] as const;

export interface DictOptions {
  action: (typeof ACTIONS)[number];
  /** Folders to check; none = Dyad's built-in set. */
  dirs: string[];
  json: boolean;
  strict: boolean;
}

const help = `Usage: dyad dict check [DIR...] [--strict] [--json]
       dyad dict stats [DIR...] [--json]

check  Validate a dictionary set (PETRARCH format): syntax errors, conflicting
       duplicate actors, overlapping date ranges, event codes CAMEO does not
       define. Each problem is printed as FILE:LINE: severity: message.
       Exit code 1 when there are errors (or, with --strict, warnings).
stats  Coverage: verbs and patterns per CAMEO root, actors per country, dated
       roles (people) per sector.

With no DIR, Dyad's built-in dictionaries are used; with DIRs, only those.

Options:
  --strict     Treat warnings as errors (check)
  --json       Print one JSON object
  -h, --help   Show this help.
`;

const options = { strict: { type: 'boolean' }, json: { type: 'boolean' } } as const;

function parse(argv: string[]): DictOptions {
  const { values, positionals } = parseOptions('dict', options, argv);
  if (positionals.length === 0) throw usageError('expected check or stats', 'dict');
  const action = oneOf('dict', 'action', positionals[0], ACTIONS);
  return { action, dirs: positionals.slice(1), json: values.json ?? false, strict: values.strict ?? false };
}

function table(title: string, rec: Record<string, number>): string {
  const rows = Object.entries(rec).sort((a, b) => a[0].localeCompare(b[0]));
  return `${title}\n${rows.map(([k, v]) => `  ${k.padEnd(10)} ${String(v).padStart(6)}`).join('\n')}\n`;
}

async function run(opts: DictOptions, io: CliIo): Promise<number> {
  const { loadDictionaries, checkDictionaries, dictionaryStats, loadCameoCodes } = await import('../../index.ts');
  const dicts = loadDictionaries({ dirs: opts.dirs, builtin: opts.dirs.length === 0 });
  if (opts.action === 'stats') {
    const stats = dictionaryStats(dicts);
    if (opts.json) {
      await write(io.stdout, `${JSON.stringify(stats)}\n`);
      return 0;
    }
    const c = stats.counts;
    await write(
      io.stdout,
      `dictionaries: ${stats.files.map((f) => f.path).join(', ')}\n` +
        `actors ${c.actors}, agents ${c.agents}, verbs ${c.verbs}, patterns ${c.patterns}, synonym sets ${c.synsets}, discards ${c.discards}\n\n` +
        table('verbs and patterns per CAMEO root', stats.patternsByRoot) +
        '\n' +
        table('actor entries per country/organisation code', stats.actorsByCountry) +
        '\n' +
        table('dated roles per sector', stats.peopleByRole),
    );
    return 0;
  }
  const problems = checkDictionaries(dicts, loadCameoCodes());
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  if (opts.json) {
    await write(io.stdout, `${JSON.stringify({ files: dicts.files.length, errors, warnings, problems })}\n`);
  } else {
    await write(io.stdout, problems.map((p) => `${p.file}:${p.line}: ${p.severity}: ${p.message}\n`).join(''));
    await write(io.stdout, `dict check: ${dicts.files.length} files, ${errors} errors, ${warnings} warnings\n`);
  }
  return errors > 0 || (opts.strict && warnings > 0) ? 1 : 0;
}

export const dict: CommandSpec<DictOptions> = {
  summary: 'Validate a dictionary set (check) or report its coverage (stats)',
  help,
  parse,
  run,
};
