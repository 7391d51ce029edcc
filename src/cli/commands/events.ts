/** `dyad events`: query stored events and export them (table, csv, tsv, json, jsonl, PLOVER, GDELT). */
import type { EventFilter } from '../../store/index.ts';
import { oneOf, parseOptions, usageError } from '../args.ts';
import type { CliIo } from '../io.ts';
import { dateOption, DB_HELP, dbOption, intOption, LineWriter, openDb } from './store-common.ts';
import type { CommandSpec } from './types.ts';

const FORMATS = ['table', 'csv', 'tsv', 'json', 'jsonl', 'plover', 'gdelt'] as const;
type EventsFormat = (typeof FORMATS)[number];

export interface EventsCliOptions {
  db: string | null;
  filter: EventFilter;
  format: EventsFormat;
}

const help = `Usage: dyad events [filters] [--format FORMAT] [options]

Print the stored events that match every filter given, in storage order.
Negated and hypothetical events are left out unless --all.

Filters:
  --source ACTOR     Source actor: a 3-letter country code (ISR) matches every
                     actor of that country; a longer code (ISRGOV) or a sector
                     (GOV) matches codes that start with it.
  --target ACTOR     Target actor, the same way.
  --actor ACTOR      Either side.
  --root NN          CAMEO root (11 = disapprove).
  --code CODE        CAMEO code and its sub-codes (112 matches 112, 1121, …).
  --from DATE        Events on or after DATE (the event's date, else the
  --to DATE          article's); on or before DATE.
  --text "WORDS"     Events of articles whose title or text has every word
                     ("quoted phrases" as phrases).
  --all              Include negated and hypothetical events.
  --limit N          At most N events.

Options:
${DB_HELP}
  --format FORMAT    table (default), csv, tsv (both with a header), json (one
                     array), jsonl (one object a line), plover (PLOVER JSON
                     records, one a line; events with a PLOVER type), gdelt
                     (GDELT 2.0 Events: 61 tab-separated columns, no header;
                     see docs/gdelt-columns.md).
  -h, --help         Show this help.

Examples:
  dyad events --source ISR --target RUS --from 2026-01-01 --to 2026-12-31
  dyad events --root 19 --format csv > assaults.csv
  dyad events --actor UKR --text "prisoner exchange" --format jsonl
  dyad events --format gdelt > dyad.export.CSV
`;

const options = {
  ...dbOption,
  source: { type: 'string' },
  target: { type: 'string' },
  actor: { type: 'string' },
  root: { type: 'string' },
  code: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  text: { type: 'string' },
  all: { type: 'boolean' },
  limit: { type: 'string' },
  format: { type: 'string' },
} as const;

function actorArg(name: string, v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (!/^[A-Za-z0-9]{1,30}$/.test(v)) throw usageError(`bad --${name} '${v}' (expected a CAMEO actor code such as ISR or ISRGOV)`, 'events');
  return v.toUpperCase();
}

function parse(argv: string[]): EventsCliOptions {
  const { values, positionals } = parseOptions('events', options, argv);
  if (positionals.length) throw usageError(`unexpected argument '${positionals[0]}' (search words go in --text)`, 'events');
  if (values.root !== undefined && !/^\d{1,2}$/.test(values.root)) throw usageError(`bad --root '${values.root}' (expected 01 to 20)`, 'events');
  if (values.code !== undefined && !/^\d{2,4}$/.test(values.code)) throw usageError(`bad --code '${values.code}' (expected a CAMEO code such as 112)`, 'events');
  const filter: EventFilter = {
    source: actorArg('source', values.source),
    target: actorArg('target', values.target),
    actor: actorArg('actor', values.actor),
    root: values.root,
    code: values.code,
    from: dateOption('events', 'from', values.from),
    to: dateOption('events', 'to', values.to),
    text: values.text,
    all: values.all || undefined,
    limit: intOption('events', 'limit', values.limit),
  };
  for (const k of Object.keys(filter) as Array<keyof EventFilter>) if (filter[k] === undefined) delete filter[k];
  return { db: values.db ?? null, filter, format: values.format === undefined ? 'table' : oneOf('events', 'format', values.format, FORMATS) };
}

async function run(opts: EventsCliOptions, io: CliIo): Promise<number> {
  const x = await import('../../export/index.ts');
  const store = await openDb(opts.db, { readonly: true });
  const out = new LineWriter(io);
  const TABLE = [
    { name: 'date', width: 10 },
    { name: 'source', width: 9 },
    { name: 'target', width: 9 },
    { name: 'code', width: 4 },
    { name: 'gold', width: 5, align: 'right' as const },
    { name: 'verb', width: 14 },
    { name: 'article', width: 24 },
    { name: 'sentence', width: 60 },
  ];
  try {
    let n = 0;
    if (opts.format === 'table') await out.line(x.tableHeader(TABLE));
    if (opts.format === 'csv') await out.line(x.csvRow(x.EVENT_COLUMNS));
    if (opts.format === 'tsv') await out.line(x.tsvRow(x.EVENT_COLUMNS));
    if (opts.format === 'json') await out.line('[');
    for await (const r of store.events(opts.filter)) {
      switch (opts.format) {
        case 'table':
          await out.line(x.tableRow(TABLE, [r.date, r.event.source.code, r.event.target?.code ?? '-', r.event.code, r.event.goldstein, r.event.verb.text, r.articleId, r.sentence?.text]));
          break;
        case 'csv':
          await out.line(x.csvRow(x.eventCells(r)));
          break;
        case 'tsv':
          await out.line(x.tsvRow(x.eventCells(r)));
          break;
        case 'json':
          await out.line((n ? ',' : '') + JSON.stringify(r));
          break;
        case 'jsonl':
          await out.line(JSON.stringify(r));
          break;
        case 'plover': {
          const rec = x.eventPlover(r);
          if (rec) await out.line(JSON.stringify(rec));
          break;
        }
        case 'gdelt':
          await out.line(x.gdeltRow(r));
          break;
      }
      n++;
    }
    if (opts.format === 'json') await out.line(']');
    await out.flush();
    if (opts.format === 'table' && (io.stderr as { isTTY?: boolean }).isTTY) io.stderr.write(`${n} event${n === 1 ? '' : 's'}\n`);
    return 0;
  } finally {
    await store.close();
  }
}

export const events: CommandSpec<EventsCliOptions> = {
  summary: 'Query stored events; export as table, csv, tsv, json, jsonl, PLOVER or GDELT',
  help,
  parse,
  run,
};
