/** `dyad serve`: the HTTP API and the web app over a store. Thin: src/server does the work. */
import { parseOptions, usageError } from '../args.ts';
import type { CliIo } from '../io.ts';
import { DB_HELP, dbOption, openDb, resolveDb } from './store-common.ts';
import type { CommandSpec } from './types.ts';

export interface ServeCliOptions {
  db: string | null;
  port: number;
  host: string;
  open: boolean;
  dictDirs: string[];
}

const help = `Usage: dyad serve [--db PATH|URL] [--port 8080] [--host 127.0.0.1] [--open]

Serve the store over HTTP: the JSON API under /api (described at
/api/openapi.json) and the web app at /. Stops on Ctrl-C.

Writes (POST /api/code, POST /api/articles) need the header
"Authorization: Bearer $DYAD_TOKEN"; without DYAD_TOKEN set they are refused,
unless --open.

Options:
${DB_HELP}
  --port N           Port to listen on (default 8080; 0 picks a free one).
  --host HOST        Address to listen on (default 127.0.0.1, this machine
                     only; 0.0.0.0 for every interface).
  --open             Allow writes without a token. Only on a trusted network.
  --dict DIR         Extra dictionary directory for coding (repeatable).
  -h, --help         Show this help.

Examples:
  dyad serve --db events.db
  DYAD_TOKEN=$(openssl rand -hex 16) dyad serve --host 0.0.0.0 --port 80
`;

const options = {
  ...dbOption,
  port: { type: 'string' },
  host: { type: 'string' },
  open: { type: 'boolean' },
  dict: { type: 'string', multiple: true },
} as const;

export function portOption(command: string, value: string | undefined): number {
  if (value === undefined) return 8080;
  if (!/^\d+$/.test(value) || Number(value) > 65535) throw usageError(`bad --port '${value}' (expected 0 to 65535)`, command);
  return Number(value);
}

function parse(argv: string[]): ServeCliOptions {
  const { values, positionals } = parseOptions('serve', options, argv);
  if (positionals.length) throw usageError(`unexpected argument '${positionals[0]}'`, 'serve');
  return {
    db: values.db ?? null,
    port: portOption('serve', values.port),
    host: values.host ?? '127.0.0.1',
    open: values.open ?? false,
    dictDirs: values.dict ?? [],
  };
}

/** Resolves on SIGINT or SIGTERM. */
export function untilSignal(): Promise<void> {
  return new Promise((ok) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      ok();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

async function run(opts: ServeCliOptions, io: CliIo): Promise<number> {
  const token = process.env.DYAD_TOKEN || null;
  const writable = opts.open || token !== null;
  const [{ createCoder }, { startServer }] = await Promise.all([import('../../index.ts'), import('../../server/index.ts')]);
  const store = await openDb(opts.db, { readonly: !writable });
  try {
    const coder = await createCoder({ dictDirs: opts.dictDirs });
    const server = await startServer({ store, coder, token, open: opts.open, port: opts.port, host: opts.host });
    io.stdout.write(`dyad: serving ${await resolveDb(opts.db)} at ${server.url}/ (API: ${server.url}/api/openapi.json)\n`);
    if (!writable) io.stdout.write('dyad: writes are disabled (set DYAD_TOKEN, or --open)\n');
    await untilSignal();
    await server.close();
    return 0;
  } finally {
    await store.close();
  }
}

export const serve: CommandSpec<ServeCliOptions> = {
  summary: 'Serve the HTTP API and the web app over a store',
  help,
  parse,
  run,
};
