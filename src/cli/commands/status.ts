/** `dyad status`: the NATS queue at a glance. The work is src/queue's. */
import { parseOptions, usageError } from '../args.ts';
import type { CliIo } from '../io.ts';
import type { StagedCodings } from '../../store/index.ts';
import { openDb } from './store-common.ts';
import type { CommandSpec } from './types.ts';

export interface StatusCliOptions {
  nats: string;
  queue: string;
  json: boolean;
  /** Also report the codings a recode has staged in this database. */
  db?: string;
}

const help = `Usage: dyad status --nats URL [--queue NAME] [--json]

Show the queue: articles in the stream, each consumer (one per dictionary
set) with its pending, in-progress and redelivered counts, dead letters (the
latest with their errors), and each live worker's articles/s. With --db, also
the codings a recode has staged there per dictionary version (made live by
dyad recode --switch).

Options:
  --nats URL         NATS server(s), comma-separated.
  --queue NAME       Queue name (default dyad).
  --db PATH|URL      The database the workers write to (read only).
  --json             Print one JSON object.
  -h, --help         Show this help.
`;

const options = {
  nats: { type: 'string' },
  queue: { type: 'string' },
  json: { type: 'boolean' },
  db: { type: 'string' },
} as const;

function parse(argv: string[]): StatusCliOptions {
  const { values, positionals } = parseOptions('status', options, argv);
  if (positionals.length) throw usageError(`unexpected argument '${positionals[0]}'`, 'status');
  if (!values.nats) throw usageError('--nats URL is required', 'status');
  return { nats: values.nats, queue: values.queue ?? 'dyad', json: values.json ?? false, ...(values.db ? { db: values.db } : {}) };
}

async function run(opts: StatusCliOptions, io: CliIo): Promise<number> {
  const { connectNats, formatStatus, queueNames, queueStatus } = await import('../../queue/index.ts');
  const nc = await connectNats(opts.nats, 'dyad-status');
  try {
    const st = await queueStatus(nc, queueNames(opts.queue));
    let staged: StagedCodings[] | undefined;
    if (opts.db) {
      const store = await openDb(opts.db, { readonly: true });
      try {
        staged = await store.stagedCodings();
      } finally {
        await store.close();
      }
    }
    if (opts.json) io.stdout.write(`${JSON.stringify(staged ? { ...st, staged } : st)}\n`);
    else {
      io.stdout.write(formatStatus(st));
      if (staged) {
        io.stdout.write(staged.length ? `staged codings (dyad recode --switch): ${staged.map((x) => `${x.version} ${x.articles} articles`).join(', ')}\n` : 'staged codings: none\n');
      }
    }
    return 0;
  } finally {
    await nc.close().catch(() => {});
  }
}

export const status: CommandSpec<StatusCliOptions> = {
  summary: 'Show the NATS queue: depth, consumers, dead letters, workers',
  help,
  parse,
  run,
};
