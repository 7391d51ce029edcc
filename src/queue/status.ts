/**
 * What `dyad status` reports about a queue: the article stream's depth, each
 * consumer's pending and redelivered counts, dead letters, and each worker's
 * last heartbeat (articles/s).
 */
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { QueueNames } from './subjects.ts';
import type { DeadLetter, WorkerHeartbeat } from './worker.ts';

export interface ConsumerStatus {
  name: string;
  /** Messages not yet delivered to any worker. */
  pending: number;
  /** Delivered, not yet acked. */
  ackPending: number;
  /** Messages delivered more than once and not yet acked. */
  redelivered: number;
  /** Stream sequence of the last message acked in order (the ack floor). */
  ackFloor: number;
}

export interface QueueStatus {
  queue: string;
  /** null when the queue's streams do not exist (nothing published yet). */
  stream: { name: string; messages: number; bytes: number; firstSeq: number; lastSeq: number } | null;
  consumers: ConsumerStatus[];
  deadLetters: { count: number; recent: DeadLetter[] };
  /** Workers with a heartbeat in the last `staleMs`. */
  workers: Array<WorkerHeartbeat & { ageMs: number }>;
}

async function streamExists(jsm: JetStreamManager, name: string) {
  try {
    return await jsm.streams.info(name, { subjects_filter: '>' });
  } catch {
    return null;
  }
}

export async function queueStatus(nc: NatsConnection, names: QueueNames, opts: { recentDead?: number; staleMs?: number } = {}): Promise<QueueStatus> {
  const jsm = await jetstreamManager(nc);
  const status: QueueStatus = { queue: names.queue, stream: null, consumers: [], deadLetters: { count: 0, recent: [] }, workers: [] };
  const articles = await streamExists(jsm, names.articlesStream);
  if (!articles) return status;
  const s = articles.state;
  status.stream = { name: names.articlesStream, messages: s.messages, bytes: s.bytes, firstSeq: s.first_seq, lastSeq: s.last_seq };
  for await (const c of jsm.consumers.list(names.articlesStream)) {
    status.consumers.push({
      name: c.name,
      pending: c.num_pending,
      ackPending: c.num_ack_pending,
      redelivered: c.num_redelivered,
      ackFloor: c.ack_floor.stream_seq,
    });
  }
  status.consumers.sort((a, b) => a.name.localeCompare(b.name));

  const dead = await streamExists(jsm, names.deadStream);
  if (dead && dead.state.messages > 0) {
    status.deadLetters.count = dead.state.messages;
    const n = Math.min(opts.recentDead ?? 10, dead.state.messages);
    for (let seq = dead.state.last_seq; seq >= dead.state.first_seq && status.deadLetters.recent.length < n; seq--) {
      const m = await jsm.streams.getMessage(names.deadStream, { seq }).catch(() => null);
      if (m) status.deadLetters.recent.push(m.json<DeadLetter>());
    }
  }

  const workers = await streamExists(jsm, names.workersStream);
  const staleMs = opts.staleMs ?? 30_000;
  for (const subject of Object.keys(workers?.state.subjects ?? {})) {
    const m = await jsm.streams.getMessage(names.workersStream, { last_by_subj: subject }).catch(() => null);
    if (!m) continue;
    const hb = m.json<WorkerHeartbeat>();
    const ageMs = Date.now() - Date.parse(hb.at);
    if (ageMs <= staleMs) status.workers.push({ ...hb, ageMs });
  }
  status.workers.sort((a, b) => a.workerId.localeCompare(b.workerId));
  return status;
}

/** The status as lines for a terminal. */
export function formatStatus(st: QueueStatus): string {
  const out: string[] = [];
  if (!st.stream) return `queue ${st.queue}: no article stream yet (nothing published)\n`;
  out.push(`queue ${st.queue}: stream ${st.stream.name}, ${st.stream.messages} articles (${(st.stream.bytes / 1e6).toFixed(1)} MB), seq ${st.stream.firstSeq}..${st.stream.lastSeq}`);
  if (!st.consumers.length) out.push('consumers: none');
  for (const c of st.consumers) {
    out.push(`consumer ${c.name}: ${c.pending} pending, ${c.ackPending} in progress, ${c.redelivered} redelivered, acked through seq ${c.ackFloor}`);
  }
  out.push(`dead letters: ${st.deadLetters.count}`);
  for (const d of st.deadLetters.recent) {
    out.push(`  seq ${d.streamSeq} ${d.articleId ?? '(no id)'} after ${d.deliveries} deliveries: ${d.error}`);
  }
  out.push(`workers: ${st.workers.length}`);
  for (const w of st.workers) {
    out.push(`  ${w.workerId} (${w.consumer}): ${w.rate} articles/s, ${w.processed} processed, ${w.stored} stored, ${w.retried} retried, ${w.dead} dead`);
  }
  return out.join('\n') + '\n';
}
