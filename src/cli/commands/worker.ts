/** `dyad worker`: code articles from the NATS queue into the database, until stopped. The work is src/queue's. */
import { parseOptions, usageError } from '../args.ts';
import type { CliIo } from '../io.ts';
import { reportSkippedLines } from '../dictionary-report.ts';
import { DB_HELP, dbOption, intOption, numberOption, openDb } from './store-common.ts';
import type { CommandSpec } from './types.ts';

export interface WorkerCliOptions {
  nats: string;
  queue: string;
  db: string | null;
  dictDirs: string[];
  maxDeliver: number;
  ackWaitMs: number;
  batch: number;
  quiet: boolean;
}

const help = `Usage: dyad worker --nats URL [--db URL] [--dict DIR]... [options]

Pull articles from the queue's ARTICLES stream (published by dyad ingest
--nats), code them with the given dictionaries, and store each one with its
events in one transaction; a message is acknowledged only after the commit.
Workers of one dictionary set share one durable consumer, so start as many as
you like, on any machines. Runs until interrupted (SIGINT or SIGTERM: the
article in hand is finished first).

Options:
  --nats URL         NATS server(s), comma-separated (nats://host:4222).
  --queue NAME       Queue name: streams and subjects derive from it (default dyad).
${DB_HELP}
  --dict DIR         Dictionary directory (repeatable), as for dyad code.
  --max-deliver N    Deliveries before an article goes to dead letters (default 5).
  --ack-wait S       Seconds before an unacknowledged article is redelivered (default 30).
  --batch N          Articles pulled ahead (default 32).
  -q, --quiet        Report only dead letters and database outages.
  -h, --help         Show this help.

Example:
  dyad worker --nats nats://127.0.0.1:4222 --db postgres://db/dyad
`;

const options = {
  ...dbOption,
  nats: { type: 'string' },
  queue: { type: 'string' },
  dict: { type: 'string', multiple: true },
  'max-deliver': { type: 'string' },
  'ack-wait': { type: 'string' },
  batch: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
} as const;

function parse(argv: string[]): WorkerCliOptions {
  const { values, positionals } = parseOptions('worker', options, argv);
  if (positionals.length) throw usageError(`unexpected argument '${positionals[0]}'`, 'worker');
  if (!values.nats) throw usageError('--nats URL is required', 'worker');
  return {
    nats: values.nats,
    queue: values.queue ?? 'dyad',
    db: values.db ?? null,
    dictDirs: values.dict ?? [],
    maxDeliver: intOption('worker', 'max-deliver', values['max-deliver']) ?? 5,
    ackWaitMs: Math.round((numberOption('worker', 'ack-wait', values['ack-wait'], 0.1) ?? 30) * 1000),
    batch: intOption('worker', 'batch', values.batch) ?? 32,
    quiet: values.quiet ?? false,
  };
}

async function run(opts: WorkerCliOptions, io: CliIo): Promise<number> {
  const { connectNats, queueNames, startWorker } = await import('../../queue/index.ts');
  const { createCoder } = await import('../../index.ts');
  const names = queueNames(opts.queue);
  const coder = await createCoder({ dictDirs: opts.dictDirs });
  reportSkippedLines(coder.dictionaries.diagnostics, io);
  const nc = await connectNats(opts.nats, 'dyad-worker');
  try {
    const worker = await startWorker({
      nc,
      names,
      coder,
      openStore: () => openDb(opts.db),
      maxDeliver: opts.maxDeliver,
      ackWaitMs: opts.ackWaitMs,
      batch: opts.batch,
      onEvent: (e) => {
        if (e.kind === 'dead') io.stderr.write(`dyad: ${e.id ?? '(unreadable message)'}: ${e.reason}; moved to dead letters after ${e.delivery} deliveries\n`);
        else if (e.kind === 'store-down') io.stderr.write(`dyad: database unreachable (${e.reason}); retrying in ${e.waitMs} ms\n`);
        else if (e.kind === 'store-up') io.stderr.write('dyad: database reachable again\n');
        else if (e.kind === 'retry' && !opts.quiet) io.stderr.write(`dyad: ${e.id ?? '(unreadable message)'}: ${e.reason}; delivery ${e.delivery}, will retry\n`);
      },
    });
    if (!opts.quiet) io.stderr.write(`worker ${worker.workerId}: consuming ${names.articlesStream} as ${worker.consumer}\n`);
    const stop = () => void worker.stop();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    const s = await worker.done;
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    io.stdout.write(`worker: ${s.processed} articles (${s.stored} stored, ${s.duplicates} already stored, ${s.recoded} recoded and staged for dyad recode --switch, ${s.dead} dead letters)\n`);
    return 0;
  } finally {
    await nc.drain().catch(() => {});
  }
}

export const worker: CommandSpec<WorkerCliOptions> = {
  summary: 'Code articles from the NATS queue into the database (scale-out)',
  help,
  parse,
  run,
};
