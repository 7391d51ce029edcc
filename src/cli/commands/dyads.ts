/** `dyad dyads`: event counts per (source country, target country), by QuadClass, with Goldstein sums and means. */
import type { DyadFilter, DyadPeriod } from '../../store/index.ts';
import { oneOf, parseOptions, usageError } from '../args.ts';
import type { CliIo } from '../io.ts';
import { dateOption, DB_HELP, dbOption, LineWriter, openDb } from './store-common.ts';
import type { CommandSpec } from './types.ts';

const FORMATS = ['table', 'csv', 'json'] as const;
const PERIODS: readonly DyadPeriod[] = ['day', 'week', 'month', 'year', 'all'];

export interface DyadsCliOptions {
  db: string | null;
  filter: DyadFilter;
  by: DyadPeriod;
  format: (typeof FORMATS)[number];
}

const help = `Usage: dyad dyads [--source CC] [--target CC] [--from DATE] [--to DATE] [--by PERIOD] [options]

For each (source country, target country) pair, and each period when --by is
given: the number of events, the number in each QuadClass (verbal and material
cooperation, verbal and material conflict), and the sum and mean of their
Goldstein scores. Counted events only (not negated or hypothetical), both
actors with a country; the country is the first three letters of the CAMEO
actor code.

Options:
  --source CC        Only this source country (ISR).
  --target CC        Only this target country.
  --from DATE        Events on or after DATE; --to DATE: on or before.
  --by PERIOD        day, week (Monday to Sunday, labelled with the Monday),
                     month, year, or all (default: the whole range at once).
${DB_HELP}
  --format FORMAT    table (default), csv or json.
  -h, --help         Show this help.

Examples:
  dyad dyads --from 2026-01-01 --to 2026-12-31 --by month --format csv
  dyad dyads --source ISR --target RUS --by week
`;

const options = {
  ...dbOption,
  source: { type: 'string' },
  target: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  by: { type: 'string' },
  format: { type: 'string' },
} as const;

function country(name: string, v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (!/^[A-Za-z]{3}$/.test(v)) throw usageError(`bad --${name} '${v}' (expected a 3-letter CAMEO country code such as RUS)`, 'dyads');
  return v.toUpperCase();
}

function parse(argv: string[]): DyadsCliOptions {
  const { values, positionals } = parseOptions('dyads', options, argv);
  if (positionals.length) throw usageError(`unexpected argument '${positionals[0]}'`, 'dyads');
  const filter: DyadFilter = {
    source: country('source', values.source),
    target: country('target', values.target),
    from: dateOption('dyads', 'from', values.from),
    to: dateOption('dyads', 'to', values.to),
  };
  for (const k of Object.keys(filter) as Array<keyof DyadFilter>) if (filter[k] === undefined) delete filter[k];
  return {
    db: values.db ?? null,
    filter,
    by: values.by === undefined ? 'all' : oneOf('dyads', 'by', values.by, PERIODS),
    format: values.format === undefined ? 'table' : oneOf('dyads', 'format', values.format, FORMATS),
  };
}

async function run(opts: DyadsCliOptions, io: CliIo): Promise<number> {
  const x = await import('../../export/index.ts');
  const { groupDyads } = await import('../../store/index.ts');
  const store = await openDb(opts.db, { readonly: true });
  try {
    const rows = groupDyads(await store.dyadDays(opts.filter), opts.by);
    const out = new LineWriter(io);
    if (opts.format === 'json') {
      await out.line(JSON.stringify(rows, null, 2));
    } else if (opts.format === 'csv') {
      await out.line(x.csvRow(x.DYAD_COLUMNS));
      for (const r of rows) await out.line(x.csvRow(x.dyadCells(r)));
    } else {
      const cols = [
        { name: 'source', width: 6 },
        { name: 'target', width: 6 },
        { name: 'period', width: 10 },
        ...['events', 'v.coop', 'm.coop', 'v.confl', 'm.confl', 'gold.sum', 'gold.mean'].map((name) => ({ name, width: 9, align: 'right' as const })),
      ];
      const tableCols = opts.by === 'all' ? cols.filter((c) => c.name !== 'period') : cols;
      await out.line(x.tableHeader(tableCols));
      for (const r of rows) {
        const cells = x.dyadCells(r);
        await out.line(x.tableRow(tableCols, opts.by === 'all' ? [...cells.slice(0, 2), ...cells.slice(3)] : cells));
      }
    }
    await out.flush();
    return 0;
  } finally {
    await store.close();
  }
}

export const dyads: CommandSpec<DyadsCliOptions> = {
  summary: 'Event counts and Goldstein scores per country pair (and period)',
  help,
  parse,
  run,
};
