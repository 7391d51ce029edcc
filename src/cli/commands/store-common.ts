/**
 * What the store commands (ingest, recode, events, dyads, quotes, search)
 * share: the --db option, date options, and streaming rows out.
 */
import type { Store } from '../../store/index.ts';
import { normalizeDate, usageError } from '../args.ts';
import { type CliIo, write } from '../io.ts';

export const DB_HELP = `  --db PATH|URL      The database: a SQLite file, or a postgres://… URL
                     (?schema=NAME selects a schema). Default: $DYAD_DB, else
                     dyad.db in the working directory.`;

export const dbOption = { db: { type: 'string' } } as const;

/** The database location: --db, else $DYAD_DB, else dyad.db (resolved at run time, so parse stays pure). */
export async function resolveDb(db: string | null): Promise<string> {
  const { DEFAULT_DB } = await import('../../store/index.ts');
  return db ?? (process.env.DYAD_DB || DEFAULT_DB);
}

/** Opens the store named by --db; lazy, so --help and usage errors stay fast. */
export async function openDb(db: string | null, options: { readonly?: boolean; busyTimeoutMs?: number } = {}): Promise<Store> {
  const { openStore } = await import('../../store/index.ts');
  return openStore(await resolveDb(db), options);
}

/** A date option as YYYY-MM-DD, or a usage error. */
export function dateOption(command: string, name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const d = normalizeDate(value);
  if (!d) throw usageError(`bad --${name} '${value}' (expected YYYY-MM-DD or YYYYMMDD)`, command);
  return d;
}

/** A positive integer option, or a usage error. */
export function intOption(command: string, name: string, value: string | undefined, min = 1): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min) throw usageError(`bad --${name} '${value}' (expected a whole number ≥ ${min})`, command);
  return Number(value);
}

/** A positive number option (decimals allowed), or a usage error. */
export function numberOption(command: string, name: string, value: string | undefined, min = 0): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || n < min) throw usageError(`bad --${name} '${value}' (expected a number ≥ ${min})`, command);
  return n;
}

/** Buffers output lines and writes them in blocks, honouring back-pressure. */
export class LineWriter {
  private buf: string[] = [];
  private size = 0;
  constructor(private readonly io: CliIo) {}

  async line(text: string): Promise<void> {
    this.buf.push(text, '\n');
    this.size += text.length + 1;
    if (this.size >= 64 * 1024) await this.flush();
  }

  async flush(): Promise<void> {
    if (!this.buf.length) return;
    const text = this.buf.join('');
    this.buf = [];
    this.size = 0;
    await write(this.io.stdout, text);
  }
}
