/**
 * Publishing articles to the ARTICLES stream: one message per article, on
 * its source's subject, with the content hash as message id, so the server
 * drops an article published again within the duplicate window (and the
 * workers' store drops it after that).
 */
import { jetstream } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { contentHash, type RawArticle, type SourceItem } from '../ingest/index.ts';
import { ensureStreams } from './setup.ts';
import { articleSubject, type QueueNames } from './subjects.ts';

/** The message body: the article as read, and its content hash. */
export interface ArticleMessage {
  v: 1;
  hash: string;
  article: RawArticle;
}

export type PublishOutcome =
  | { status: 'published'; id: string; name: string; seq: number }
  /** The server already holds this content (same hash within the duplicate window). */
  | { status: 'duplicate'; id: string; name: string }
  | { status: 'failed'; name: string; reason: string };

export interface PublishSummary {
  published: number;
  duplicates: number;
  failed: Array<{ name: string; reason: string }>;
}

export interface PublishOptions {
  /** Publishes awaiting the server's ack at once (default 256). */
  window?: number;
  onOutcome?: (o: PublishOutcome) => void;
}

export function encodeArticle(article: RawArticle): { hash: string; data: string } {
  const hash = contentHash(article.text);
  const body: ArticleMessage = { v: 1, hash, article };
  return { hash, data: JSON.stringify(body) };
}

/** Publishes every article (creating the streams when missing); resolves when the server has acknowledged all of them. */
export async function publishArticles(
  nc: NatsConnection,
  names: QueueNames,
  items: AsyncIterable<SourceItem> | Iterable<SourceItem>,
  opts: PublishOptions = {},
): Promise<PublishSummary> {
  await ensureStreams(nc, names);
  const js = jetstream(nc);
  const summary: PublishSummary = { published: 0, duplicates: 0, failed: [] };
  const report = (o: PublishOutcome) => {
    if (o.status === 'published') summary.published++;
    else if (o.status === 'duplicate') summary.duplicates++;
    else summary.failed.push({ name: o.name, reason: o.reason });
    opts.onOutcome?.(o);
  };
  const inFlight = new Set<Promise<void>>();
  const limit = opts.window ?? 256;
  for await (const item of items) {
    if (item.kind === 'failed') {
      report({ status: 'failed', name: item.name, reason: item.reason });
      continue;
    }
    if (item.kind === 'known') continue;
    const a = item.article;
    const { hash, data } = encodeArticle(a);
    const p: Promise<void> = js
      .publish(articleSubject(names, a.publisher), data, { msgID: hash })
      .then(
        (ack) => report(ack.duplicate ? { status: 'duplicate', id: a.id, name: a.name } : { status: 'published', id: a.id, name: a.name, seq: ack.seq }),
        (e) => report({ status: 'failed', name: a.name, reason: `not published: ${(e as Error).message}` }),
      )
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
    if (inFlight.size >= limit) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  return summary;
}
