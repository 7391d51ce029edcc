/**
 * Ingest's public entry: read sources into articles (`readSources`), then
 * store them coded and de-duplicated (`ingest`).
 */
export {
  readSources,
  localBytes,
  parseJsonlRecord,
  DEFAULT_MAX_BYTES,
  INPUT_FORMATS,
  type SourceSpec,
  type SourceItem,
  type RawArticle,
  type ReadOptions,
  type InputFormat,
} from './sources.ts';
export { ingest, ingestArticle, type IngestCoder, type IngestOptions, type IngestOutcome, type IngestSummary } from './ingest.ts';
export { createFetcher, FetchError, DEFAULT_USER_AGENT, type Fetcher, type FetchOptions, type Fetched } from './fetch.ts';
export { extractHtml, looksLikeHtml, type HtmlArticle } from './html.ts';
export { parseFeed, looksLikeFeed, type Feed, type FeedItem } from './feed.ts';
export { fingerprint, similarity, MIN_SIMILARITY, MIN_WORDS } from './dedupe.ts';
export { contentHash } from './text.ts';
export { toIsoDate } from './dates.ts';
