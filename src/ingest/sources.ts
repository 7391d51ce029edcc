/**
 * Inputs → articles. A source is a path (a file or a directory, walked
 * recursively), a URL, a feed (its items' links are fetched), or standard
 * input. Files are plain text, HTML or JSON Lines, by extension or by a look
 * at their content. Every problem becomes a `failed` item naming the input,
 * and reading goes on with the next one.
 */
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, extname, join, resolve } from 'node:path';
import { looksLikeFeed, parseFeed } from './feed.ts';
import { createFetcher, type Fetcher, type Fetched } from './fetch.ts';
import { extractHtml, looksLikeHtml } from './html.ts';
import { binaryReason, contentHash, decodeCharset, decodeUtf8, firstLineTitle, formatBytes, tidyText } from './text.ts';
import { toIsoDate } from './dates.ts';

export type SourceSpec =
  | { kind: 'path'; path: string }
  | { kind: 'url'; url: string }
  | { kind: 'feed'; location: string }
  | { kind: 'stdin' };

export type InputFormat = 'auto' | 'text' | 'html' | 'jsonl';
export const INPUT_FORMATS: readonly InputFormat[] = ['auto', 'text', 'html', 'jsonl'];

/** An article as read, before coding. */
export interface RawArticle {
  id: string;
  text: string;
  title: string | null;
  date: string | null;
  /** The path or URL it was read from. */
  source: string;
  url: string | null;
  feed: string | null;
  publisher: string;
  /** How messages name it: a path, path:line, or URL. */
  name: string;
}

export type SourceItem =
  | { kind: 'article'; article: RawArticle }
  | { kind: 'failed'; name: string; reason: string }
  /** A feed item whose link is already stored: not fetched again. */
  | { kind: 'known'; name: string; id: string };

export interface ReadOptions {
  /** How to read files and stdin (default auto: by extension, then by content). */
  format?: InputFormat;
  /** Largest article accepted, in bytes: a text or HTML file, a page, one jsonl line (default 10 MiB). */
  maxBytes?: number;
  fetcher?: Fetcher;
  stdin?: NodeJS.ReadableStream;
  /** Feed items whose link is stored are not fetched again. */
  isStored?: (id: string) => Promise<boolean>;
  /** Publication date for articles that carry none. */
  defaultDate?: string | null;
  /** Called with the size of each local chunk read (files, stdin), for progress. */
  onBytes?: (n: number) => void;
  /** Files never read (e.g. the database being written and its journal files); compared as absolute paths. */
  exclude?: readonly string[];
}

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

const EXT: Record<string, InputFormat | 'feed'> = {
  '.txt': 'text', '.text': 'text', '.md': 'text',
  '.html': 'html', '.htm': 'html', '.xhtml': 'html',
  '.jsonl': 'jsonl', '.ndjson': 'jsonl',
  '.rss': 'feed', '.atom': 'feed', '.xml': 'feed',
};

const failed = (name: string, reason: string): SourceItem => ({ kind: 'failed', name, reason });

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, '').toLowerCase() || null;
  } catch {
    return null;
  }
}

/** Sum of the sizes of the local files among the sources (directories walked), or null when there are remote ones. */
export async function localBytes(specs: readonly SourceSpec[]): Promise<number | null> {
  let total = 0;
  for (const s of specs) {
    if (s.kind !== 'path') return null;
    for await (const f of walk(s.path)) if ('size' in f) total += f.size;
  }
  return total;
}

/** Files under a path: the path itself when it is a file; sorted, hidden entries skipped. */
async function* walk(path: string): AsyncGenerator<{ path: string; size: number } | { path: string; error: string }> {
  let st;
  try {
    st = await stat(path);
  } catch (e) {
    yield { path, error: fsReason(e) };
    return;
  }
  if (st.isFile()) {
    yield { path, size: st.size };
    return;
  }
  if (!st.isDirectory()) {
    yield { path, error: 'not a regular file' };
    return;
  }
  let entries;
  try {
    entries = await readdir(path, { withFileTypes: true });
  } catch (e) {
    yield { path, error: fsReason(e) };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const p = join(path, e.name);
    if (e.isDirectory()) yield* walk(p);
    else if (e.isFile() || e.isSymbolicLink()) {
      try {
        const s = await stat(p);
        if (s.isFile()) yield { path: p, size: s.size };
      } catch (err) {
        yield { path: p, error: fsReason(err) };
      }
    }
  }
}

function fsReason(e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return ((e as Error).message ?? String(e)).split('\n')[0];
}

/** Reads every source in order, yielding articles and failures. */
export async function* readSources(specs: readonly SourceSpec[], options: ReadOptions = {}): AsyncGenerator<SourceItem> {
  const ctx: Ctx = {
    format: options.format ?? 'auto',
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    fetcher: options.fetcher ?? createFetcher({ maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES }),
    isStored: options.isStored ?? (async () => false),
    defaultDate: options.defaultDate ?? null,
    onBytes: options.onBytes ?? (() => {}),
    stdin: options.stdin ?? process.stdin,
  };
  const exclude = new Set((options.exclude ?? []).map((p) => resolve(p)));
  for (const spec of specs) {
    switch (spec.kind) {
      case 'path':
        for await (const f of walk(spec.path)) {
          if (exclude.has(resolve(f.path))) continue;
          if ('error' in f) yield failed(f.path, f.error);
          else yield* readFileSource(f.path, f.size, ctx);
        }
        break;
      case 'url':
        yield* readUrl(spec.url, ctx);
        break;
      case 'feed':
        yield* readFeed(spec.location, ctx);
        break;
      case 'stdin':
        yield* readStdin(ctx);
        break;
    }
  }
}

interface Ctx {
  format: InputFormat;
  maxBytes: number;
  fetcher: Fetcher;
  isStored: (id: string) => Promise<boolean>;
  defaultDate: string | null;
  onBytes: (n: number) => void;
  stdin: NodeJS.ReadableStream;
}

const tooLarge = (size: number, max: number) => `too large (${formatBytes(size)}; the limit is ${formatBytes(max)})`;

async function* readFileSource(path: string, size: number, ctx: Ctx): AsyncGenerator<SourceItem> {
  const byExt = EXT[extname(path).toLowerCase()];
  const kind = ctx.format !== 'auto' ? ctx.format : byExt ?? 'auto';
  if (kind === 'jsonl') {
    yield* readJsonl(path, fileChunks(path), path, ctx);
    return;
  }
  if (size > ctx.maxBytes) {
    ctx.onBytes(size);
    yield failed(path, tooLarge(size, ctx.maxBytes));
    return;
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    yield failed(path, fsReason(e));
    return;
  }
  ctx.onBytes(bytes.length);
  if (kind === 'auto' && isJsonlStart(bytes)) {
    yield* readJsonl(path, (async function* () { yield bytes; })(), path, ctx, true);
    return;
  }
  const text = checkText(bytes);
  if (typeof text !== 'string') {
    yield failed(path, text.reason);
    return;
  }
  if (kind === 'feed' || (kind === 'auto' && looksLikeFeed(text))) {
    yield* feedItems(path, text, undefined, ctx);
    return;
  }
  yield* singleArticle(bytes, kind, { id: path, source: path, url: null, feed: null, publisher: dirname(path), name: path }, ctx, text);
}

/** Text (not binary, valid UTF-8, not empty) or the reason it is not. */
function checkText(bytes: Uint8Array): string | { reason: string } {
  if (!bytes.length) return { reason: 'empty file' };
  const bin = binaryReason(bytes);
  if (bin) return { reason: bin };
  const text = decodeUtf8(bytes);
  if (text === null) return { reason: 'not valid UTF-8' };
  if (!text.trim()) return { reason: 'empty file (only whitespace)' };
  return text;
}

type Origin = Pick<RawArticle, 'id' | 'source' | 'url' | 'feed' | 'publisher' | 'name'>;

/** One article from a whole text or HTML document. */
async function* singleArticle(bytes: Uint8Array, kind: InputFormat | 'feed', origin: Origin, ctx: Ctx, text?: string): AsyncGenerator<SourceItem> {
  if (text === undefined) {
    const t = checkText(bytes);
    if (typeof t !== 'string') {
      yield failed(origin.name, t.reason);
      return;
    }
    text = t;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const html = kind === 'html' || (kind === 'auto' && looksLikeHtml(text));
  if (html) {
    let art;
    try {
      art = extractHtml(text, origin.url ?? undefined);
    } catch (e) {
      yield failed(origin.name, `cannot parse HTML (${(e as Error).message.split('\n')[0]})`);
      return;
    }
    if (!art) {
      yield failed(origin.name, 'no article text found in the HTML');
      return;
    }
    yield { kind: 'article', article: { ...origin, text: art.text, title: art.title, date: art.date ?? ctx.defaultDate } };
    return;
  }
  const tidy = tidyText(text);
  yield { kind: 'article', article: { ...origin, text: tidy, title: firstLineTitle(tidy), date: ctx.defaultDate } };
}

function isJsonlStart(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length && i < 64; i++) {
    const b = bytes[i];
    if (b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09) continue;
    if (b === 0xef && bytes[i + 1] === 0xbb && bytes[i + 2] === 0xbf) {
      i += 2;
      continue;
    }
    return b === 0x7b; // '{'
  }
  return false;
}

async function* fileChunks(path: string): AsyncGenerator<Uint8Array> {
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) yield chunk as Buffer;
}

/** Splits a byte stream into lines (without the \n), each as bytes, with its 1-based number; over-long lines are reported by length only. */
async function* byteLines(chunks: AsyncIterable<Uint8Array>, maxBytes: number, onBytes: (n: number) => void) {
  let carry: Buffer[] = [];
  let carryLen = 0;
  let n = 0;
  let overflow = false;
  for await (const raw of chunks) {
    const chunk = Buffer.isBuffer(raw) ? raw : Buffer.from(raw);
    onBytes(chunk.length);
    let start = 0;
    for (let nl = chunk.indexOf(10, start); nl !== -1; nl = chunk.indexOf(10, start)) {
      const piece = chunk.subarray(start, nl);
      n++;
      if (overflow || carryLen + piece.length > maxBytes) yield { n, bytes: null, size: carryLen + piece.length };
      else yield { n, bytes: carry.length ? Buffer.concat([...carry, piece]) : piece, size: 0 };
      carry = [];
      carryLen = 0;
      overflow = false;
      start = nl + 1;
    }
    const rest = chunk.subarray(start);
    if (rest.length) {
      carryLen += rest.length;
      if (carryLen > maxBytes) {
        overflow = true;
        carry = [];
      } else carry.push(Buffer.from(rest));
    }
  }
  if (carryLen || overflow) {
    n++;
    if (overflow) yield { n, bytes: null, size: carryLen };
    else yield { n, bytes: Buffer.concat(carry), size: 0 };
  }
}

/** JSON Lines: one {"id", "text", "title"?, "date"?, "url"?, "publisher"?} per line; a bad line is reported and skipped. */
async function* readJsonl(name: string, chunks: AsyncIterable<Uint8Array>, source: string, ctx: Ctx, counted = false): AsyncGenerator<SourceItem> {
  let first = true;
  try {
    for await (const line of byteLines(chunks, ctx.maxBytes, counted ? () => {} : ctx.onBytes)) {
      const where = `${name}:${line.n}`;
      if (line.bytes === null) {
        yield failed(where, tooLarge(line.size, ctx.maxBytes));
        continue;
      }
      if (first) {
        first = false;
        const bin = binaryReason(line.bytes);
        if (bin) {
          yield failed(name, bin);
          return;
        }
      }
      let text = decodeUtf8(line.bytes);
      if (text === null) {
        yield failed(where, 'not valid UTF-8');
        continue;
      }
      if (line.n === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      if (!text.trim()) continue;
      const rec = parseJsonlRecord(text, ctx.defaultDate);
      if (typeof rec === 'string') {
        yield failed(where, rec);
        continue;
      }
      const id = rec.id ?? `${name}:${line.n}`;
      const publisher = rec.publisher ?? (rec.url ? hostOf(rec.url) : null) ?? source;
      yield {
        kind: 'article',
        article: { id, text: rec.text, title: rec.title, date: rec.date, source, url: rec.url, feed: null, publisher, name: `${where} (${id})` },
      };
    }
  } catch (e) {
    yield failed(name, fsReason(e));
  }
}

interface JsonlRecord {
  id: string | null;
  text: string;
  title: string | null;
  date: string | null;
  url: string | null;
  publisher: string | null;
}

/** One jsonl line → record, or the reason it is unusable. */
export function parseJsonlRecord(line: string, defaultDate: string | null = null): JsonlRecord | string {
  let rec: unknown;
  try {
    rec = JSON.parse(line);
  } catch (e) {
    return `not valid JSON (${(e as Error).message.split('\n')[0]})`;
  }
  if (typeof rec !== 'object' || rec === null || Array.isArray(rec)) return 'expected a JSON object';
  const r = rec as Record<string, unknown>;
  if (typeof r.text !== 'string') return '"text" must be a string';
  if (!r.text.trim()) return 'empty "text"';
  const str = (k: string): string | null | undefined => {
    const v = r[k];
    if (v === undefined || v === null) return null;
    if (typeof v === 'string') return v;
    if (typeof v === 'number' && k === 'id') return String(v);
    return undefined;
  };
  const fields: Record<string, string | null> = {};
  for (const k of ['id', 'title', 'date', 'url', 'publisher']) {
    const v = str(k);
    if (v === undefined) return `"${k}" must be a string`;
    fields[k] = v;
  }
  if (fields.id !== null && !fields.id.trim()) return 'empty "id"';
  let date = defaultDate;
  if (fields.date !== null) {
    date = toIsoDate(fields.date);
    if (date === null) return `bad "date" '${fields.date}' (expected YYYY-MM-DD)`;
  }
  return { id: fields.id, text: tidyText(r.text), title: fields.title, date, url: fields.url, publisher: fields.publisher };
}

async function fetchOrFail(url: string, ctx: Ctx): Promise<Fetched | string> {
  try {
    return await ctx.fetcher.get(url);
  } catch (e) {
    return (e as Error).message.split('\n')[0];
  }
}

function remoteKind(f: Fetched): 'html' | 'text' | 'jsonl' | 'feed' | 'other' {
  const t = f.type;
  if (t === 'text/html' || t === 'application/xhtml+xml') return 'html';
  if (/(rss|atom)\+xml$/.test(t) || t === 'application/xml' || t === 'text/xml') return 'feed';
  if (t === 'application/x-ndjson' || t === 'application/jsonl' || t === 'application/x-jsonlines') return 'jsonl';
  if (t.startsWith('text/') || t === '') return 'text';
  return 'other';
}

async function* readUrl(url: string, ctx: Ctx): AsyncGenerator<SourceItem> {
  const f = await fetchOrFail(url, ctx);
  if (typeof f === 'string') {
    yield failed(url, f);
    return;
  }
  const kind = remoteKind(f);
  if (kind === 'other') {
    yield failed(url, `not text (content type ${f.type})`);
    return;
  }
  if (kind === 'jsonl') {
    yield* readJsonl(url, (async function* () { yield f.bytes; })(), url, ctx, true);
    return;
  }
  if (binaryReason(f.bytes)) {
    yield failed(url, 'binary content, not text');
    return;
  }
  const text = decodeCharset(f.bytes, f.charset);
  if (!text.trim()) {
    yield failed(url, 'empty page');
    return;
  }
  if (kind === 'feed' || looksLikeFeed(text)) {
    yield* feedItems(url, text, f.url, ctx);
    return;
  }
  const publisher = hostOf(f.url) ?? hostOf(url) ?? url;
  yield* singleArticle(f.bytes, kind === 'html' ? 'html' : 'auto', { id: url, source: url, url: f.url, feed: null, publisher, name: url }, ctx, text);
}

async function* readFeed(location: string, ctx: Ctx): AsyncGenerator<SourceItem> {
  if (/^https?:\/\//i.test(location)) {
    const f = await fetchOrFail(location, ctx);
    if (typeof f === 'string') {
      yield failed(location, f);
      return;
    }
    yield* feedItems(location, decodeCharset(f.bytes, f.charset), f.url, ctx);
    return;
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(location);
  } catch (e) {
    yield failed(location, fsReason(e));
    return;
  }
  ctx.onBytes(bytes.length);
  const text = checkText(bytes);
  if (typeof text !== 'string') yield failed(location, text.reason);
  else yield* feedItems(location, text, undefined, ctx);
}

/** The items of a feed: each link fetched and read as an article; links already stored are not fetched. */
async function* feedItems(feedName: string, xml: string, base: string | undefined, ctx: Ctx): AsyncGenerator<SourceItem> {
  let feed;
  try {
    feed = parseFeed(xml, base);
  } catch (e) {
    yield failed(feedName, (e as Error).message);
    return;
  }
  if (!feed.items.length) {
    yield failed(feedName, 'feed has no items with links');
    return;
  }
  for (const item of feed.items) {
    if (await ctx.isStored(item.link)) {
      yield { kind: 'known', name: item.link, id: item.link };
      continue;
    }
    const f = await fetchOrFail(item.link, ctx);
    if (typeof f === 'string') {
      yield failed(item.link, f);
      continue;
    }
    const kind = remoteKind(f);
    if (kind !== 'html' && kind !== 'text') {
      yield failed(item.link, `not an article page (content type ${f.type})`);
      continue;
    }
    const text = decodeCharset(f.bytes, f.charset);
    const origin: Origin = { id: item.link, source: item.link, url: f.url, feed: feedName, publisher: hostOf(f.url) ?? feedName, name: item.link };
    for await (const got of singleArticle(f.bytes, kind, origin, ctx, text)) {
      if (got.kind === 'article') {
        got.article.title ??= item.title;
        if (!got.article.date || got.article.date === ctx.defaultDate) got.article.date = item.date ?? got.article.date;
      }
      yield got;
    }
  }
}

async function* readStdin(ctx: Ctx): AsyncGenerator<SourceItem> {
  const chunks: Buffer[] = [];
  let size = 0;
  const it = ctx.stdin[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  // Look at the start: jsonl streams line by line, anything else is one article.
  let jsonl = ctx.format === 'jsonl';
  if (ctx.format === 'auto') {
    for (;;) {
      const r = await it.next();
      if (r.done) break;
      const c = typeof r.value === 'string' ? Buffer.from(r.value) : r.value;
      chunks.push(c);
      size += c.length;
      const head = Buffer.concat(chunks);
      if (head.toString('latin1').trim()) {
        jsonl = isJsonlStart(head);
        break;
      }
    }
  }
  const rest = (async function* () {
    for (const c of chunks) yield c;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      yield typeof r.value === 'string' ? Buffer.from(r.value) : r.value;
    }
  })();
  if (jsonl) {
    yield* readJsonl('stdin', rest, 'stdin', ctx);
    return;
  }
  const all: Buffer[] = [];
  size = 0;
  for await (const c of rest) {
    size += c.length;
    ctx.onBytes(c.length);
    if (size > ctx.maxBytes) {
      yield failed('stdin', `too large (more than ${formatBytes(ctx.maxBytes)})`);
      return;
    }
    all.push(c);
  }
  const bytes = Buffer.concat(all);
  const text = checkText(bytes);
  if (typeof text !== 'string') {
    yield failed('stdin', text.reason === 'empty file' ? 'empty input' : text.reason);
    return;
  }
  const id = `stdin:${contentHash(text).slice(0, 16)}`;
  yield* singleArticle(bytes, ctx.format, { id, source: 'stdin', url: null, feed: null, publisher: 'stdin', name: 'stdin' }, ctx, text);
}
