/**
 * A worker: pulls articles from the durable consumer of its dictionary
 * version, codes each one, writes it with all its annotations in one store
 * transaction, and acks only after the commit. Everything it talks to is
 * injected: the NATS connection, a function opening the store, the coder.
 *
 * - Idempotent: an article whose content hash is stored is not written again,
 *   so a redelivery after a crash (or a publish twice) stores nothing twice.
 *   When it is stored with another dictionary version, the new coding is staged
 *   beside the live one (Store.stageCoding): queries read the old version until
 *   `dyad recode --switch` makes every staged coding live in one transaction.
 * - Store down (connection refused or dropped): the worker keeps the message,
 *   backs off (doubling up to `maxBackoffMs`), reopens the store and retries;
 *   it tells the server it is still working so the message is not redelivered.
 * - Poison article (unparseable, uncodable, refused by the store): nak'ed and
 *   redelivered; at delivery `maxDeliver` it is published to the dead-letter
 *   subject with its error and terminated.
 */
import { jetstream, type ConsumerMessages, type JsMsg } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { hostname } from 'node:os';
import { contentHash, ingestArticle, type IngestCoder, type RawArticle } from '../ingest/index.ts';
import type { Store } from '../store/index.ts';
import { DEFAULT_ACK_WAIT_MS, DEFAULT_MAX_DELIVER, ensureConsumer, ensureStreams } from './setup.ts';
import { consumerName, deadSubject, workerSubject, type QueueNames } from './subjects.ts';

export interface WorkerCoder extends IngestCoder {
  readonly dictionaryVersion: string;
}

export interface WorkerOptions {
  nc: NatsConnection;
  names: QueueNames;
  /** Opens the store; called at start and again after the connection to it is lost. */
  openStore: () => Promise<Store>;
  coder: WorkerCoder;
  /** Durable consumer name (default from the coder's dictionary version). */
  consumer?: string;
  /** Deliveries before an article becomes a dead letter (default 5). */
  maxDeliver?: number;
  ackWaitMs?: number;
  /** Messages pulled ahead (default 32). */
  batch?: number;
  /** Articles in hand at once (default 2): one is coded while another's transaction commits. */
  concurrency?: number;
  /** Heartbeat and rate interval (default 1000 ms). */
  heartbeatMs?: number;
  /** First store back-off (default 250 ms), doubled up to maxBackoffMs (default 10 s). */
  backoffMs?: number;
  maxBackoffMs?: number;
  workerId?: string;
  /** Told about each article and each store outage; for logs. */
  onEvent?: (e: WorkerEvent) => void;
}

export type WorkerEvent =
  /** "recoded": stored before with another dictionary version; the new coding is staged. */
  | { kind: 'stored' | 'duplicate' | 'near-duplicate' | 'recoded'; id: string; events: number }
  | { kind: 'retry'; id: string | null; delivery: number; reason: string }
  | { kind: 'dead'; id: string | null; delivery: number; reason: string }
  | { kind: 'store-down'; reason: string; waitMs: number }
  | { kind: 'store-up' };

export interface WorkerStats {
  workerId: string;
  consumer: string;
  processed: number;
  stored: number;
  duplicates: number;
  recoded: number;
  retried: number;
  dead: number;
  startedAt: string;
}

export interface Worker {
  readonly workerId: string;
  readonly consumer: string;
  stats(): WorkerStats;
  /** Stops pulling, finishes the article in hand, closes the store. */
  stop(): Promise<void>;
  /** Settles when the worker has stopped (rejects on a fatal error). */
  readonly done: Promise<WorkerStats>;
}

/** Heartbeat body, read by queueStatus. */
export interface WorkerHeartbeat extends WorkerStats {
  at: string;
  /** Articles processed per second over the last interval. */
  rate: number;
}

/** Dead-letter body. */
export interface DeadLetter {
  consumer: string;
  workerId: string;
  subject: string;
  streamSeq: number;
  deliveries: number;
  error: string;
  articleId: string | null;
  at: string;
  /** The message as received (truncated to 64 KiB). */
  data: string;
}

class PoisonError extends Error {}

// Connection failures, server shutting down or starting, too many clients; and
// 42P06/42P07/23505, raised when two workers migrate a fresh schema at once
// (the second attempt finds it migrated).
const TRANSIENT_CODES = new Set(['42P06', '42P07', '23505', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006', '53300']);

/** Whether a store error means "the database is unreachable now" rather than "this article is bad". */
export function isTransientStoreError(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  if (err?.code && TRANSIENT_CODES.has(err.code)) return true;
  return /cannot connect|connection (terminated|refused|reset|closed)|not queryable|terminating connection|the database system is|ECONNREFUSED|ECONNRESET|timeout/i.test(err?.message ?? '');
}

function firstLine(e: unknown): string {
  return ((e as Error)?.message ?? String(e)).split('\n')[0];
}

function parseMessage(m: JsMsg): { hash: string; article: RawArticle } {
  let body: unknown;
  try {
    body = JSON.parse(m.string());
  } catch (e) {
    throw new PoisonError(`not valid JSON (${firstLine(e)})`);
  }
  const b = body as { v?: unknown; hash?: unknown; article?: Record<string, unknown> };
  const a = b?.article;
  if (!a || typeof a !== 'object') throw new PoisonError('no article in the message');
  if (typeof a.id !== 'string' || !a.id) throw new PoisonError('article has no id');
  if (typeof a.text !== 'string' || !a.text.trim()) throw new PoisonError(`article "${a.id}" has no text`);
  const str = (k: string) => (typeof a[k] === 'string' ? (a[k] as string) : null);
  const article: RawArticle = {
    id: a.id,
    text: a.text,
    title: str('title'),
    date: str('date'),
    source: str('source') ?? m.subject,
    url: str('url'),
    feed: str('feed'),
    publisher: str('publisher') ?? m.subject,
    name: str('name') ?? a.id,
  };
  const hash = contentHash(article.text);
  if (typeof b.hash === 'string' && b.hash !== hash) throw new PoisonError(`article "${a.id}": content hash does not match its text`);
  return { hash, article };
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Starts a worker; it runs until stop() (or a fatal NATS error). */
export async function startWorker(opts: WorkerOptions): Promise<Worker> {
  const { nc, names, coder } = opts;
  const consumer = opts.consumer ?? consumerName(coder.dictionaryVersion);
  const maxDeliver = opts.maxDeliver ?? DEFAULT_MAX_DELIVER;
  const workerId = opts.workerId ?? `${hostname()}-${process.pid}-${Math.random().toString(36).slice(2, 6)}`;
  const heartbeatMs = opts.heartbeatMs ?? 1000;
  const baseBackoff = opts.backoffMs ?? 250;
  const maxBackoff = opts.maxBackoffMs ?? 10_000;
  await ensureStreams(nc, names);
  await ensureConsumer(nc, names, consumer, { ackWaitMs: opts.ackWaitMs ?? DEFAULT_ACK_WAIT_MS, maxDeliver });
  const js = jetstream(nc);
  let stopping = false;
  let store: Store | null = null;
  for (let wait = baseBackoff; ; wait = Math.min(wait * 2, maxBackoff)) {
    try {
      store = await opts.openStore();
      break;
    } catch (e) {
      if (!isTransientStoreError(e)) throw e;
      opts.onEvent?.({ kind: 'store-down', reason: firstLine(e), waitMs: wait });
      await sleep(wait);
    }
  }
  const stats: WorkerStats = { workerId, consumer, processed: 0, stored: 0, duplicates: 0, recoded: 0, retried: 0, dead: 0, startedAt: new Date().toISOString() };
  const emit = (e: WorkerEvent) => opts.onEvent?.(e);

  const messages: ConsumerMessages = await (await js.consumers.get(names.articlesStream, consumer)).consume({ max_messages: opts.batch ?? 32 });

  /** Store work, with back-off while the database is unreachable. Null when stopping. */
  async function withStore<T>(m: JsMsg, fn: (s: Store) => Promise<T>): Promise<T | null> {
    let wait = baseBackoff;
    let down = false;
    for (;;) {
      try {
        if (!store) store = await opts.openStore();
        const r = await fn(store);
        if (down) emit({ kind: 'store-up' });
        return r;
      } catch (e) {
        if (!isTransientStoreError(e)) throw e;
        down = true;
        const s = store;
        store = null;
        await s?.close().catch(() => {});
        emit({ kind: 'store-down', reason: firstLine(e), waitMs: wait });
        if (stopping) return null;
        m.working();
        await sleep(wait);
        m.working();
        wait = Math.min(wait * 2, maxBackoff);
      }
    }
  }

  async function deadLetter(m: JsMsg, articleId: string | null, reason: string): Promise<void> {
    const letter: DeadLetter = {
      consumer,
      workerId,
      subject: m.subject,
      streamSeq: m.info.streamSequence,
      deliveries: m.info.deliveryCount,
      error: reason,
      articleId,
      at: new Date().toISOString(),
      data: m.string().slice(0, 65536),
    };
    await js.publish(deadSubject(names, consumer), JSON.stringify(letter), { msgID: `${consumer}:${m.info.streamSequence}` });
  }

  async function handle(m: JsMsg): Promise<void> {
    let articleId: string | null = null;
    try {
      const { article } = parseMessage(m);
      articleId = article.id;
      const outcome = await withStore(m, (s) => ingestArticle(article, { store: s, coder }));
      if (outcome === null) return m.nak(); // stopping while the store is down
      if (outcome.status === 'failed') throw new PoisonError(outcome.reason);
      let kind: WorkerEvent['kind'] = outcome.status;
      let events = outcome.status === 'stored' ? outcome.events : 0;
      if (outcome.status === 'duplicate') {
        // Stored before with another dictionary version: stage the new coding for the switch.
        const recoded = await withStore(m, async (s) => {
          const stored = await s.getArticle(outcome.of);
          if (!stored?.coded || stored.dictionaryVersion === coder.dictionaryVersion) return null;
          const coded = coder.code({ id: stored.id, text: stored.text, date: stored.date ?? undefined });
          await s.stageCoding(stored.id, coded);
          return coded.events.length;
        });
        if (recoded !== null) {
          kind = 'recoded';
          events = recoded;
        }
      }
      m.ack();
      stats.processed++;
      if (kind === 'stored' || kind === 'near-duplicate') stats.stored++;
      else if (kind === 'recoded') stats.recoded++;
      else stats.duplicates++;
      emit({ kind, id: articleId, events } as WorkerEvent);
    } catch (e) {
      const reason = firstLine(e);
      const delivery = m.info.deliveryCount;
      if (delivery >= maxDeliver) {
        try {
          await deadLetter(m, articleId, reason);
        } catch {
          m.nak(1000); // the dead-letter stream is unreachable: keep the article, try again later
          return;
        }
        m.term(reason.slice(0, 200));
        stats.dead++;
        stats.processed++;
        emit({ kind: 'dead', id: articleId, delivery, reason });
      } else {
        m.nak(Math.min(100 * 2 ** delivery, 5000));
        stats.retried++;
        emit({ kind: 'retry', id: articleId, delivery, reason });
      }
    }
  }

  let lastCount = 0;
  let lastAt = performance.now();
  async function heartbeat(): Promise<void> {
    const now = performance.now();
    const rate = ((stats.processed - lastCount) * 1000) / Math.max(1, now - lastAt);
    lastCount = stats.processed;
    lastAt = now;
    const hb: WorkerHeartbeat = { ...stats, at: new Date().toISOString(), rate: Math.round(rate * 10) / 10 };
    await js.publish(workerSubject(names, workerId), JSON.stringify(hb)).catch(() => {});
  }
  const timer = setInterval(() => void heartbeat(), heartbeatMs);
  timer.unref();
  void heartbeat();

  const done = (async () => {
    try {
      const limit = Math.max(1, opts.concurrency ?? 2);
      const active = new Set<Promise<void>>();
      for await (const m of messages) {
        const p: Promise<void> = handle(m).finally(() => active.delete(p));
        active.add(p);
        if (active.size >= limit) await Promise.race(active);
        if (stopping) break;
      }
      await Promise.all(active);
    } finally {
      clearInterval(timer);
      await heartbeat();
      await store?.close().catch(() => {});
      store = null;
    }
    return { ...stats };
  })();

  return {
    workerId,
    consumer,
    stats: () => ({ ...stats }),
    async stop() {
      stopping = true;
      messages.stop();
      await done.catch(() => {});
    },
    done,
  };
}
