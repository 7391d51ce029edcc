/** `dyad quotes`: stored quotations, by speaker. */
import type { QuoteFilter } from '../../store/index.ts';
import { oneOf, parseOptions, usageError } from '../args.ts';
import type { CliIo } from '../io.ts';
import { dateOption, DB_HELP, dbOption, intOption, LineWriter, openDb } from './store-common.ts';
import type { CommandSpec } from './types.ts';

const FORMATS = ['table', 'csv', 'json', 'jsonl'] as const;

export interface QuotesCliOptions {
  db: string | null;
  filter: QuoteFilter;
  format: (typeof FORMATS)[number];
}

const help = `Usage: dyad quotes [--speaker NAME] [--from DATE] [--to DATE] [options]

Print the stored quotations (direct and reported speech) with their speakers.

Options:
  --speaker NAME     Speakers whose text, name or actor code contains NAME
                     (any case): "lavrov", "RUSGOV".
  --from DATE        Articles published on or after DATE; --to DATE: on or before.
  --limit N          At most N quotes.
${DB_HELP}
  --format FORMAT    table (default), csv, json (one array) or jsonl.
  -h, --help         Show this help.
`;

const options = {
  ...dbOption,
  speaker: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  limit: { type: 'string' },
  format: { type: 'string' },
} as const;

function parse(argv: string[]): QuotesCliOptions {
  const { values, positionals } = parseOptions('quotes', options, argv);
  if (positionals.length) throw usageError(`unexpected argument '${positionals[0]}' (a speaker goes in --speaker)`, 'quotes');
  const filter: QuoteFilter = {
    speaker: values.speaker,
    from: dateOption('quotes', 'from', values.from),
    to: dateOption('quotes', 'to', values.to),
    limit: intOption('quotes', 'limit', values.limit),
  };
  for (const k of Object.keys(filter) as Array<keyof QuoteFilter>) if (filter[k] === undefined) delete filter[k];
  return { db: values.db ?? null, filter, format: values.format === undefined ? 'table' : oneOf('quotes', 'format', values.format, FORMATS) };
}

async function run(opts: QuotesCliOptions, io: CliIo): Promise<number> {
  const x = await import('../../export/index.ts');
  const store = await openDb(opts.db, { readonly: true });
  const out = new LineWriter(io);
  const TABLE = [
    { name: 'date', width: 10 },
    { name: 'speaker', width: 22 },
    { name: 'kind', width: 8 },
    { name: 'article', width: 24 },
    { name: 'quote', width: 80 },
  ];
  try {
    let n = 0;
    if (opts.format === 'table') await out.line(x.tableHeader(TABLE));
    if (opts.format === 'csv') await out.line(x.csvRow(x.QUOTE_COLUMNS));
    if (opts.format === 'json') await out.line('[');
    for await (const q of store.quotes(opts.filter)) {
      if (opts.format === 'table') {
        const s = q.quote.speaker;
        await out.line(x.tableRow(TABLE, [q.date, s ? (s.name ?? s.text) : '-', q.quote.kind, q.articleId, q.quote.text]));
      } else if (opts.format === 'csv') await out.line(x.csvRow(x.quoteCells(q)));
      else if (opts.format === 'json') await out.line((n ? ',' : '') + JSON.stringify(q));
      else await out.line(JSON.stringify(q));
      n++;
    }
    if (opts.format === 'json') await out.line(']');
    await out.flush();
    return 0;
  } finally {
    await store.close();
  }
}

export const quotes: CommandSpec<QuotesCliOptions> = {
  summary: 'Stored quotations, by speaker',
  help,
  parse,
  run,
};
