/** The CLI's I/O port and the few input/output helpers commands share. */
import { once } from 'node:events';
import { open, readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { DyadError } from '../model/index.ts';

/** Streams injected into runCli, so tests can capture what the CLI prints. */
export interface CliIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/** Write text, waiting when the stream asks us to (large outputs, slow pipes). */
export async function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  if (text && !stream.write(text)) await once(stream, 'drain');
}

export function warn(io: CliIo, message: string): void {
  io.stderr.write(`dyad: warning: ${message}\n`);
}

/** The name an input is reported under: its path as given, or "stdin". */
export function inputName(file: string | null): string {
  return file ?? 'stdin';
}

function fileError(file: string, e: unknown): DyadError {
  const code = (e as { code?: string }).code;
  const why =
    code === 'ENOENT' ? 'no such file'
    : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
    : code === 'EISDIR' ? 'is a directory, not a file'
    : ((e as Error).message ?? String(e)).split('\n')[0];
  return new DyadError('INPUT', why, { file });
}

const notUtf8 = (name: string) => new DyadError('INPUT', 'not valid UTF-8', { file: name });

/** Decode strict UTF-8 (a BOM is dropped); invalid bytes are an input error naming the input. */
export function decodeUtf8(bytes: Uint8Array, name: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw notUtf8(name);
  }
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

/**
 * One article may be this large: coding keeps every token of an article in memory at
 * once (about 180 bytes of RSS per byte of text), so a 50 MB "article" would need gigabytes.
 */
export const MAX_ARTICLE_BYTES = 10 * 1024 * 1024;

/** A whole file (or stdin when file is null) as text. */
export async function readText(file: string | null, io: CliIo, maxBytes = MAX_ARTICLE_BYTES): Promise<string> {
  const name = inputName(file);
  let bytes: Uint8Array;
  if (file === null) bytes = await readAll(io.stdin);
  else {
    try {
      bytes = await readFile(file);
    } catch (e) {
      throw fileError(file, e);
    }
  }
  if (bytes.length > maxBytes) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    throw new DyadError('INPUT', `${mb(bytes.length)} is more than one article may be (${mb(maxBytes)}); split it, e.g. one article per line with --input jsonl`, { file: name });
  }
  return decodeUtf8(bytes, name);
}

export interface Line {
  /** 1-based line number. */
  n: number;
  text: string;
}

/**
 * Open a file (or stdin) for reading line by line. Opening is awaited here so
 * a missing file fails before any work; the lines are read lazily. Invalid
 * UTF-8 anywhere stops the iteration with an input error.
 */
export async function openLines(file: string | null, io: CliIo): Promise<AsyncIterable<Line>> {
  const name = inputName(file);
  let source: NodeJS.ReadableStream;
  if (file === null) source = io.stdin;
  else {
    try {
      const handle = await open(file, 'r');
      // Fail now on a directory, rather than at the first read.
      if ((await handle.stat()).isDirectory()) {
        await handle.close();
        throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      }
      source = handle.createReadStream();
    } catch (e) {
      throw fileError(file, e);
    }
  }
  async function* decoded(): AsyncGenerator<string> {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const decode = (bytes?: Uint8Array) => {
      try {
        return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
      } catch {
        throw notUtf8(name);
      }
    };
    for await (const chunk of source) yield decode(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    yield decode();
  }
  return (async function* lines() {
    const rl = createInterface({ input: Readable.from(decoded()), crlfDelay: Infinity });
    let n = 0;
    for await (const text of rl) yield { n: ++n, text };
  })();
}
