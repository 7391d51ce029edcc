/**
 * Creating (or finding) the streams and consumers a queue needs. Idempotent:
 * every publisher and worker calls these at start.
 */
import { AckPolicy, DeliverPolicy, jetstreamManager, RetentionPolicy, StorageType, type JetStreamManager } from '@nats-io/jetstream';
import { nanos, type NatsConnection } from '@nats-io/transport-node';
import type { QueueNames } from './subjects.ts';

export interface StreamOptions {
  /** Stream replicas (3 on a 3-node cluster; 1 on a single server). Default 1. */
  replicas?: number;
  /** How long the server remembers message ids to drop re-published articles (default 1 h). */
  duplicateWindowMs?: number;
}

export interface ConsumerOptions {
  /** Unacked messages are redelivered after this long (default 30 s). */
  ackWaitMs?: number;
  /** Deliveries before an article is a dead letter (default 5). */
  maxDeliver?: number;
}

export const DEFAULT_ACK_WAIT_MS = 30_000;
export const DEFAULT_MAX_DELIVER = 5;

function notFound(e: unknown): boolean {
  const err = e as { code?: unknown; api_error?: { err_code?: number }; message?: string };
  return /not found/i.test(err.message ?? '') || err.api_error?.err_code === 10059 || err.api_error?.err_code === 10014;
}

async function ensureStream(jsm: JetStreamManager, config: { name: string; subjects: string[] } & Record<string, unknown>): Promise<void> {
  try {
    await jsm.streams.info(config.name);
  } catch (e) {
    if (!notFound(e)) throw e;
    try {
      await jsm.streams.add(config);
    } catch (e2) {
      // Another process may have created it in between.
      await jsm.streams.info(config.name).catch(() => {
        throw e2;
      });
    }
  }
}

/** The articles, dead-letter and heartbeat streams. */
export async function ensureStreams(nc: NatsConnection, names: QueueNames, opts: StreamOptions = {}): Promise<void> {
  const jsm = await jetstreamManager(nc);
  const replicas = opts.replicas ?? 1;
  await ensureStream(jsm, {
    name: names.articlesStream,
    subjects: [`${names.articlesPrefix}.>`],
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    num_replicas: replicas,
    duplicate_window: nanos(opts.duplicateWindowMs ?? 3_600_000),
  });
  await ensureStream(jsm, {
    name: names.deadStream,
    subjects: [`${names.deadPrefix}.>`],
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    num_replicas: replicas,
  });
  await ensureStream(jsm, {
    name: names.workersStream,
    subjects: [`${names.workersPrefix}.>`],
    retention: RetentionPolicy.Limits,
    storage: StorageType.Memory,
    num_replicas: replicas,
    max_msgs_per_subject: 1,
    max_age: nanos(24 * 3_600_000),
  });
}

/**
 * The durable pull consumer that codes the whole article log (from its first
 * message) with one dictionary version; all workers of that version share it.
 */
export async function ensureConsumer(nc: NatsConnection, names: QueueNames, durable: string, opts: ConsumerOptions = {}): Promise<void> {
  const jsm = await jetstreamManager(nc);
  try {
    await jsm.consumers.info(names.articlesStream, durable);
    return;
  } catch (e) {
    if (!notFound(e)) throw e;
  }
  try {
    await jsm.consumers.add(names.articlesStream, {
      durable_name: durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      ack_wait: nanos(opts.ackWaitMs ?? DEFAULT_ACK_WAIT_MS),
      // The worker moves an article to dead letters itself at the last delivery;
      // one more lets it do so even when it was killed during that delivery.
      max_deliver: (opts.maxDeliver ?? DEFAULT_MAX_DELIVER) + 1,
      max_ack_pending: 10_000,
    });
  } catch (e) {
    await jsm.consumers.info(names.articlesStream, durable).catch(() => {
      throw e;
    });
  }
}

/** Deletes a queue's streams (and so its consumers). For tests and benchmarks. */
export async function deleteQueue(nc: NatsConnection, names: QueueNames): Promise<void> {
  const jsm = await jetstreamManager(nc);
  for (const s of [names.articlesStream, names.deadStream, names.workersStream]) {
    await jsm.streams.delete(s).catch(() => {});
  }
}
