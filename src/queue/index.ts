/**
 * The queue's public entry: scale-out over NATS JetStream. Publishers put raw
 * articles on the ARTICLES stream; workers code them into a Store; status
 * reports depth, consumers, dead letters and worker rates. The NATS
 * connection, the store and the coder are always passed in.
 */
import { DyadError } from '../model/index.ts';

export {
  queueNames,
  articleSubject,
  consumerName,
  deadSubject,
  workerSubject,
  subjectToken,
  type QueueNames,
} from './subjects.ts';
export {
  ensureStreams,
  ensureConsumer,
  deleteQueue,
  DEFAULT_ACK_WAIT_MS,
  DEFAULT_MAX_DELIVER,
  type StreamOptions,
  type ConsumerOptions,
} from './setup.ts';
export { publishArticles, encodeArticle, type ArticleMessage, type PublishOptions, type PublishOutcome, type PublishSummary } from './publisher.ts';
export {
  startWorker,
  isTransientStoreError,
  type Worker,
  type WorkerOptions,
  type WorkerCoder,
  type WorkerEvent,
  type WorkerStats,
  type WorkerHeartbeat,
  type DeadLetter,
} from './worker.ts';
export { queueStatus, formatStatus, type QueueStatus, type ConsumerStatus } from './status.ts';

/** Connects to NATS (lazy import, so the CLI loads no NATS code unless asked). */
export async function connectNats(servers: string, name = 'dyad'): Promise<import('@nats-io/transport-node').NatsConnection> {
  const { connect } = await import('@nats-io/transport-node');
  const list = servers.split(',').map((s) => s.trim().replace(/^nats:\/\//i, '')).filter(Boolean);
  try {
    return await connect({ servers: list, name, maxReconnectAttempts: -1 });
  } catch (e) {
    throw new DyadError('INPUT', `cannot connect to NATS at ${servers} (${(e as Error).message})`);
  }
}
