/**
 * The ingest loop: each article read is hashed, checked against the store
 * (same content: a no-op; a near-copy of a stored article: linked to it, not
 * coded), coded, and written with all its annotations in one transaction.
 * A bad article is reported and skipped; the loop goes on.
 */
import { DyadError, type ArticleInput, type CodedArticle } from '../model/index.ts';
import type { Store } from '../store/index.ts';
import { fingerprint, MIN_SIMILARITY, similarity } from './dedupe.ts';
import type { RawArticle, SourceItem } from './sources.ts';
import { contentHash } from './text.ts';

/** What ingest needs of a coder (see createCoder). */
export interface IngestCoder {
  code(input: ArticleInput): CodedArticle;
}

export interface IngestOptions {
  store: Store;
  coder: IngestCoder;
  /** Link near-duplicates to their original instead of coding them (default true). */
  nearDuplicates?: boolean;
  /** Estimated Jaccard similarity from which an article is a near-duplicate (default 0.7). */
  minSimilarity?: number;
  /** Called after each item, for progress and reports. */
  onOutcome?: (outcome: IngestOutcome) => void;
}

export type IngestOutcome =
  | { status: 'stored'; id: string; name: string; events: number }
  /** The same content is already stored (under `of`); or a feed item whose link is stored. */
  | { status: 'duplicate'; id: string; name: string; of: string }
  | { status: 'near-duplicate'; id: string; name: string; of: string; similarity: number }
  | { status: 'failed'; name: string; reason: string };

export interface IngestSummary {
  stored: number;
  events: number;
  duplicates: number;
  nearDuplicates: number;
  failed: Array<{ name: string; reason: string }>;
}

function firstLine(e: unknown): string {
  return ((e as Error)?.message ?? String(e)).split('\n')[0];
}

/** Ingest one article; returns its outcome. Store errors that are not DyadErrors (bugs) are thrown. */
export async function ingestArticle(a: RawArticle, opts: IngestOptions): Promise<IngestOutcome> {
  const { store } = opts;
  const hash = contentHash(a.text);
  const same = await store.findHash(hash);
  if (same !== null) return { status: 'duplicate', id: a.id, name: a.name, of: same };
  if (await store.hasId(a.id)) {
    return { status: 'failed', name: a.name, reason: `id "${a.id}" is already stored with different content` };
  }
  const meta = {
    id: a.id,
    hash,
    source: a.source,
    feed: a.feed,
    url: a.url,
    publisher: a.publisher,
    title: a.title,
    date: a.date,
    text: a.text,
  };
  const fp = fingerprint(a.text);
  if (fp && opts.nearDuplicates !== false) {
    let best: { id: string; sim: number } | null = null;
    for (const c of await store.nearCandidates(fp.keys)) {
      const sim = similarity(fp.signature, c.signature);
      if (sim >= (opts.minSimilarity ?? MIN_SIMILARITY) && (!best || sim > best.sim)) best = { id: c.id, sim };
    }
    if (best) {
      const r = await store.putArticle({ ...meta, fingerprint: fp, duplicateOf: best.id });
      if (r.status === 'exists') return { status: 'duplicate', id: a.id, name: a.name, of: r.id };
      if (r.status === 'id-conflict') return { status: 'failed', name: a.name, reason: `id "${a.id}" is already stored with different content` };
      return { status: 'near-duplicate', id: a.id, name: a.name, of: best.id, similarity: best.sim };
    }
  }
  let coded: CodedArticle;
  try {
    coded = opts.coder.code({ id: a.id, text: a.text, date: a.date ?? undefined });
  } catch (e) {
    return { status: 'failed', name: a.name, reason: `cannot code: ${firstLine(e)}` };
  }
  const r = await store.putArticle({ ...meta, fingerprint: fp, coded });
  if (r.status === 'exists') return { status: 'duplicate', id: a.id, name: a.name, of: r.id };
  if (r.status === 'id-conflict') return { status: 'failed', name: a.name, reason: `id "${a.id}" is already stored with different content` };
  return { status: 'stored', id: a.id, name: a.name, events: coded.events.length };
}

/** Ingest every item; resolves to the summary. */
export async function ingest(items: AsyncIterable<SourceItem>, opts: IngestOptions): Promise<IngestSummary> {
  const summary: IngestSummary = { stored: 0, events: 0, duplicates: 0, nearDuplicates: 0, failed: [] };
  for await (const item of items) {
    let outcome: IngestOutcome;
    if (item.kind === 'failed') outcome = { status: 'failed', name: item.name, reason: item.reason };
    else if (item.kind === 'known') outcome = { status: 'duplicate', id: item.id, name: item.name, of: item.id };
    else {
      try {
        outcome = await ingestArticle(item.article, opts);
      } catch (e) {
        if (!(e instanceof DyadError)) throw e;
        outcome = { status: 'failed', name: item.article.name, reason: firstLine(e) };
      }
    }
    switch (outcome.status) {
      case 'stored':
        summary.stored++;
        summary.events += outcome.events;
        break;
      case 'duplicate':
        summary.duplicates++;
        break;
      case 'near-duplicate':
        summary.nearDuplicates++;
        break;
      case 'failed':
        summary.failed.push({ name: outcome.name, reason: outcome.reason });
        break;
    }
    opts.onOutcome?.(outcome);
  }
  return summary;
}
