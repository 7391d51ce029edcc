/** `dyad search "WORDS"`: full-text search over the stored articles. */
import { oneOf, parseOptions, usageError } from '../args.ts';
import type { CliIo } from '../io.ts';
import { DB_HELP, dbOption, intOption, LineWriter, openDb } from './store-common.ts';
import type { CommandSpec } from './types.ts';

const FORMATS = ['table', 'json', 'jsonl'] as const;

export interface SearchCliOptions {
  db: string | null;
  query: string;
  limit: number;
  format: (typeof FORMATS)[number];
}

const help = `Usage: dyad search "WORDS" [options]

Full-text search over the titles and texts of the stored articles, best
matches first. Every word must occur (stemmed: "attacks" finds "attacked");
"quoted phrases" must occur as phrases. Prints each article's id, date,
title and an excerpt with the matches in [brackets].

Options:
  --limit N          At most N articles (default 20).
${DB_HELP}
  --format FORMAT    table (default), json (one array) or jsonl.
  -h, --help         Show this help.

Example:
  dyad search '"prisoner exchange" Ukraine' --limit 5
`;

const options = {
  ...dbOption,
  limit: { type: 'string' },
  format: { type: 'string' },
} as const;

function parse(argv: string[]): SearchCliOptions {
  const { values, positionals } = parseOptions('search', options, argv);
  const query = positionals.join(' ').trim();
  if (!query) throw usageError('missing search words', 'search');
  return {
    db: values.db ?? null,
    query,
    limit: intOption('search', 'limit', values.limit) ?? 20,
    format: values.format === undefined ? 'table' : oneOf('search', 'format', values.format, FORMATS),
  };
}

async function run(opts: SearchCliOptions, io: CliIo): Promise<number> {
  const store = await openDb(opts.db, { readonly: true });
  try {
    const hits = await store.search(opts.query, opts.limit);
    const out = new LineWriter(io);
    if (opts.format === 'json') await out.line(JSON.stringify(hits, null, 2));
    else if (opts.format === 'jsonl') for (const h of hits) await out.line(JSON.stringify(h));
    else {
      for (const h of hits) {
        await out.line(`${h.id}  ${h.date ?? '-'}  ${h.title ?? ''}`.trimEnd());
        await out.line(`    ${h.snippet.replace(/\s+/g, ' ').trim()}`);
      }
      if ((io.stderr as { isTTY?: boolean }).isTTY || !hits.length) io.stderr.write(`${hits.length} article${hits.length === 1 ? '' : 's'}\n`);
    }
    await out.flush();
    return 0;
  } finally {
    await store.close();
  }
}

export const search: CommandSpec<SearchCliOptions> = {
  summary: 'Full-text search over stored articles',
  help,
  parse,
  run,
};
