/**
 * Polite HTTP(S) fetching for ingest: Node's fetch with a timeout per
 * request, a cap on the body size, and at most one request per host per
 * interval. Errors are thrown as FetchError with a short reason.
 */
import { formatBytes } from './text.ts';

export interface FetchOptions {
  /** Milliseconds for the whole request, body included (default 20000). */
  timeoutMs?: number;
  /** Largest body accepted, in bytes (default 10 MiB). */
  maxBytes?: number;
  /** Minimum milliseconds between two requests to one host (default 1000). */
  perHostIntervalMs?: number;
  userAgent?: string;
  /** Injected for tests. */
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export interface Fetched {
  /** The URL after redirects. */
  url: string;
  bytes: Uint8Array;
  /** Media type, lower case, without parameters ("text/html"); "" when absent. */
  type: string;
  charset: string | null;
}

export class FetchError extends Error {
  override name = 'FetchError';
}

export interface Fetcher {
  get(url: string): Promise<Fetched>;
}

export const DEFAULT_USER_AGENT = 'dyad/0.1 (political event coder)';

export function createFetcher(options: FetchOptions = {}): Fetcher {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const maxBytes = options.maxBytes ?? 10 * 1024 * 1024;
  const interval = options.perHostIntervalMs ?? 1000;
  const doFetch = options.fetch ?? fetch;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = options.now ?? Date.now;
  /** Per host: the time the next request may start. */
  const nextSlot = new Map<string, number>();

  /** Reserves the host's next slot and waits for it; reservations are made synchronously, so concurrent calls queue. */
  async function politeWait(host: string): Promise<void> {
    const t = now();
    const slot = Math.max(t, nextSlot.get(host) ?? 0);
    nextSlot.set(host, slot + interval);
    if (slot > t) await sleep(slot - t);
  }

  async function readCapped(res: Response, signal: AbortSignal): Promise<Uint8Array> {
    const declared = Number(res.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > maxBytes) {
      await res.body?.cancel().catch(() => {});
      throw new FetchError(`too large (${formatBytes(declared)}; the limit is ${formatBytes(maxBytes)})`);
    }
    if (!res.body) return new Uint8Array();
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = res.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > maxBytes) {
          await reader.cancel().catch(() => {});
          throw new FetchError(`too large (more than ${formatBytes(maxBytes)})`);
        }
        chunks.push(value);
      }
    } catch (e) {
      if (signal.aborted) throw new FetchError(`timed out after ${timeoutMs / 1000} s`);
      throw e;
    }
    return Buffer.concat(chunks);
  }

  return {
    async get(url: string): Promise<Fetched> {
      let u: URL;
      try {
        u = new URL(url);
      } catch {
        throw new FetchError('not a valid URL');
      }
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new FetchError(`unsupported URL scheme '${u.protocol}'`);
      await politeWait(u.host);
      const signal = AbortSignal.timeout(timeoutMs);
      let res: Response;
      try {
        res = await doFetch(u, {
          signal,
          redirect: 'follow',
          headers: { 'user-agent': options.userAgent ?? DEFAULT_USER_AGENT, accept: 'text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml;q=0.9, text/plain;q=0.8, */*;q=0.5' },
        });
      } catch (e) {
        if (signal.aborted) throw new FetchError(`timed out after ${timeoutMs / 1000} s`);
        const cause = (e as { cause?: { code?: string; message?: string } }).cause;
        throw new FetchError(`cannot fetch (${cause?.code ?? cause?.message ?? (e as Error).message})`);
      }
      if (!res.ok) {
        await res.body?.cancel().catch(() => {});
        throw new FetchError(`HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`);
      }
      const bytes = await readCapped(res, signal);
      const ct = res.headers.get('content-type') ?? '';
      const [type, ...params] = ct.split(';').map((s) => s.trim());
      const charset = params.find((p) => /^charset=/i.test(p))?.slice(8).replace(/"/g, '') ?? null;
      return { url: res.url || u.toString(), bytes, type: (type ?? '').toLowerCase(), charset };
    },
  };
}
