/** `dyad demo`: the bundled example articles in a fresh store, served with the web app. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseOptions, usageError } from '../args.ts';
import type { CliIo } from '../io.ts';
import { portOption, untilSignal } from './serve.ts';
import type { CommandSpec } from './types.ts';

export interface DemoCliOptions {
  db: string | null;
  port: number;
  host: string;
}

/** examples/articles.jsonl of this package. */
export const DEMO_ARTICLES = fileURLToPath(new URL('../../../examples/articles.jsonl', import.meta.url));

const help = `Usage: dyad demo [--port 8080] [--host 127.0.0.1] [--db FILE]

Code the bundled example articles (examples/articles.jsonl) into a fresh
database, then serve it with the web app (as dyad serve) and print the URL.
The database is a temporary file removed on exit, unless --db names one.
Writes (the playground, POST /api/articles) are open unless DYAD_TOKEN is set.

Options:
  --port N           Port (default 8080; 0 picks a free one).
  --host HOST        Address (default 127.0.0.1).
  --db FILE          Keep the demo database in FILE (must not exist yet).
  -h, --help         Show this help.
`;

const options = {
  port: { type: 'string' },
  host: { type: 'string' },
  db: { type: 'string' },
} as const;

function parse(argv: string[]): DemoCliOptions {
  const { values, positionals } = parseOptions('demo', options, argv);
  if (positionals.length) throw usageError(`unexpected argument '${positionals[0]}'`, 'demo');
  return { db: values.db ?? null, port: portOption('demo', values.port), host: values.host ?? '127.0.0.1' };
}

async function run(opts: DemoCliOptions, io: CliIo): Promise<number> {
  const { existsSync } = await import('node:fs');
  const { DyadError } = await import('../../model/index.ts');
  if (opts.db && existsSync(opts.db)) throw new DyadError('INPUT', 'already exists; dyad demo starts from a fresh database', { file: opts.db });
  const [{ createCoder, openStore }, { ingest, readSources }, { startServer }] = await Promise.all([
    import('../../index.ts'),
    import('../../ingest/index.ts'),
    import('../../server/index.ts'),
  ]);
  const tmp = opts.db ? null : await mkdtemp(join(tmpdir(), 'dyad-demo-'));
  const store = await openStore(opts.db ?? join(tmp!, 'demo.db'));
  try {
    const coder = await createCoder();
    const summary = await ingest(readSources([{ kind: 'path', path: DEMO_ARTICLES }]), { store, coder });
    const token = process.env.DYAD_TOKEN || null;
    const server = await startServer({ store, coder, token, open: token === null, port: opts.port, host: opts.host });
    io.stdout.write(`dyad: ${summary.stored} example articles, ${summary.events} events\n`);
    io.stdout.write(`dyad: demo at ${server.url}/  (Ctrl-C to stop)\n`);
    await untilSignal();
    await server.close();
    return 0;
  } finally {
    await store.close();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  }
}

export const demo: CommandSpec<DemoCliOptions> = {
  summary: 'Serve the bundled example articles with the web app',
  help,
  parse,
  run,
};
