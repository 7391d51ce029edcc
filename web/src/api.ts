/** The API client: typed fetches of /api (relative, so the app works under any prefix). */
import type { CodedArticle, EntityMention, EventRecord, QuoteRecord, SentenceRecord } from '../../src/model/records.ts';
import type { EventRow, QuoteRow } from '../../src/store/store.ts';
import type { DyadSummary } from '../../src/store/dyads.ts';
import type { ArticleSummary } from '../../src/server/read.ts';

export type { ArticleSummary, CodedArticle, EventRecord, QuoteRecord, EventRow, QuoteRow, SentenceRecord, EntityMention };

export interface Page<T> {
  items: T[];
  total: number;
  /** Set when the server stopped counting: there are at least `total`. */
  totalIsLowerBound?: boolean;
}


export interface ArticleView {
  id: string;
  title: string | null;
  date: string | null;
  source: string;
  url: string | null;
  publisher: string;
  duplicateOf: string | null;
  numArticles: number;
  numSources: number;
  text: string;
  sentences: SentenceRecord[];
  events: Array<EventRecord & { index: number; counted: boolean }>;
  quotes: QuoteRecord[];
  entities: EntityMention[];
}

export type DyadRow = DyadSummary;

export interface Network {
  actors: Array<{ code: string; events: number; asSource: number; asTarget: number; goldsteinMean: number }>;
  edges: Array<{ source: string; target: string; events: number; goldsteinMean: number }>;
}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** Query string from the defined, non-empty values. */
export function qs(params: Record<string, string | number | boolean | undefined | null>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '' && v !== false) u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : '';
}

async function parse<T>(res: Response): Promise<T> {
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError((body as { error?: string } | null)?.error ?? `HTTP ${res.status}`, res.status);
  return body as T;
}

export function apiUrl(path: string, params: Record<string, string | number | boolean | undefined | null> = {}): string {
  return `api/${path}${qs(params)}`;
}

export async function get<T>(path: string, params: Record<string, string | number | boolean | undefined | null> = {}): Promise<T> {
  return parse<T>(await fetch(apiUrl(path, params)));
}

export async function post<T>(path: string, body: unknown, token?: string): Promise<T> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  return parse<T>(await fetch(`api/${path}`, { method: 'POST', headers, body: JSON.stringify(body) }));
}

/** Only http(s) links are ever made clickable: no javascript:, data: or other schemes. */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}
