/**
 * The read API: articles, events (with csv/gdelt/plover downloads), dyads,
 * actors, quotes, stats. Every route only calls the Store it is given.
 */
import { Hono } from 'hono';
import { csvRow, EVENT_COLUMNS, eventCells, eventPlover, gdeltRow } from '../export/index.ts';
import { groupDyads, isCounted, type DyadFilter, type EventFilter, type EventRow, type Store, type StoredArticle } from '../store/index.ts';
import {
  actorParam,
  BadRequest,
  boolParam,
  countryParam,
  dateParam,
  intParam,
  matchParam,
  oneOfParam,
  paging,
} from './params.ts';

type Query = (name: string) => string | undefined;

/** One line of the article list. */
export interface ArticleSummary {
  id: string;
  title: string | null;
  /** The title, else the text's first line (at most 120 characters). */
  headline: string;
  date: string | null;
  source: string;
  url: string | null;
  publisher: string;
  events: number;
  numArticles: number;
  /** With `q`: an excerpt, matches in [brackets]. */
  snippet?: string;
}

function headline(a: StoredArticle): string {
  const line = a.title?.trim() || a.text.trimStart().split('\n', 1)[0].trim();
  return line.length > 120 ? `${line.slice(0, 119)}…` : line || a.id;
}

function summary(a: StoredArticle): ArticleSummary {
  return {
    id: a.id,
    title: a.title,
    headline: headline(a),
    date: a.date,
    source: a.source,
    url: a.url,
    publisher: a.publisher,
    events: a.coded ? a.coded.events.filter(isCounted).length : 0,
    numArticles: a.numArticles,
  };
}

/**
 * The list of coded articles, newest first (by publication date, then id).
 * The Store has no listing query yet, so ids are collected once through
 * `articlesToRecode` and cached until the article count changes.
 */
class ArticleIndex {
  private cache: { count: number; ids: string[] } | null = null;
  constructor(private readonly store: Store) {}

  async ids(): Promise<string[]> {
    const count = (await this.store.stats()).articles;
    if (this.cache && this.cache.count === count) return this.cache.ids;
    const rows: Array<{ id: string; date: string | null }> = [];
    let after: string | null = null;
    for (;;) {
      const page = await this.store.articlesToRecode(after, 500);
      for (const r of page) rows.push({ id: r.id, date: r.date });
      if (page.length < 500) break;
      after = page[page.length - 1].id;
    }
    rows.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.id.localeCompare(b.id));
    this.cache = { count, ids: rows.map((r) => r.id) };
    return this.cache.ids;
  }
}

export function eventFilter(q: Query): EventFilter {
  const filter: EventFilter = {
    source: actorParam(q, 'source'),
    target: actorParam(q, 'target'),
    actor: actorParam(q, 'actor'),
    root: matchParam(q, 'root', /^\d{1,2}$/, 'a CAMEO root, 01 to 20'),
    code: matchParam(q, 'code', /^\d{2,4}$/, 'a CAMEO code such as 112'),
    from: dateParam(q, 'from'),
    to: dateParam(q, 'to'),
    text: q('text') || undefined,
    all: boolParam(q, 'all') || undefined,
  };
  if (filter.root && filter.root.length === 1) filter.root = `0${filter.root}`;
  for (const k of Object.keys(filter) as Array<keyof EventFilter>) if (filter[k] === undefined) delete filter[k];
  return filter;
}

function dyadFilter(q: Query): DyadFilter {
  const f: DyadFilter = { source: countryParam(q, 'source'), target: countryParam(q, 'target'), from: dateParam(q, 'from'), to: dateParam(q, 'to') };
  for (const k of Object.keys(f) as Array<keyof DyadFilter>) if (f[k] === undefined) delete f[k];
  return f;
}

const EVENT_FORMATS = ['json', 'csv', 'gdelt', 'plover'] as const;

/** Events as downloadable text: one line per event (csv has a header). */
async function eventDownload(rows: AsyncIterable<EventRow>, format: 'csv' | 'gdelt' | 'plover', max: number): Promise<string> {
  const lines: string[] = format === 'csv' ? [csvRow(EVENT_COLUMNS)] : [];
  let n = 0;
  for await (const r of rows) {
    if (n++ >= max) break;
    if (format === 'csv') lines.push(csvRow(eventCells(r)));
    else if (format === 'gdelt') lines.push(gdeltRow(r));
    else {
      const rec = eventPlover(r);
      if (rec) lines.push(JSON.stringify(rec));
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

const DOWNLOAD: Record<'csv' | 'gdelt' | 'plover', { type: string; ext: string }> = {
  csv: { type: 'text/csv; charset=utf-8', ext: 'csv' },
  gdelt: { type: 'text/tab-separated-values; charset=utf-8', ext: 'tsv' },
  plover: { type: 'application/x-ndjson; charset=utf-8', ext: 'jsonl' },
};

/**
 * Paged lists count matching rows up to this many past the page; beyond it
 * `total` is a lower bound (and `totalIsLowerBound` is set).
 */
export const MAX_COUNT = 100_000;

/** Search results considered for paging (best first). */
export const MAX_SEARCH_HITS = 1000;

/** Downloads are capped so one request cannot stream a whole large store into memory. */
export const MAX_DOWNLOAD_EVENTS = 100_000;

export function readRoutes(store: Store): Hono {
  const app = new Hono();
  const index = new ArticleIndex(store);

  app.get('/stats', async (c) => {
    const s = await store.stats();
    return c.json({ ...s, kind: store.kind });
  });

  app.get('/articles', async (c) => {
    const q: Query = (n) => c.req.query(n);
    const { limit, offset } = paging(q, 20, 200);
    const text = q('q')?.trim();
    if (text) {
      const hits = await store.search(text, MAX_SEARCH_HITS);
      const items: ArticleSummary[] = [];
      for (const h of hits.slice(offset, offset + limit)) {
        const a = await store.getArticle(h.id);
        if (a) items.push({ ...summary(a), snippet: h.snippet });
      }
      return c.json({ items, total: hits.length });
    }
    const ids = await index.ids();
    const items: ArticleSummary[] = [];
    for (const id of ids.slice(offset, offset + limit)) {
      const a = await store.getArticle(id);
      if (a) items.push(summary(a));
    }
    return c.json({ items, total: ids.length });
  });

  app.get('/articles/:id', async (c) => {
    const id = c.req.param('id');
    const a = await store.getArticle(id);
    if (!a) return c.json({ error: `no article with id '${id}'` }, 404);
    const coded = a.coded;
    return c.json({
      id: a.id,
      title: a.title,
      date: a.date,
      source: a.source,
      url: a.url,
      publisher: a.publisher,
      duplicateOf: a.duplicateOf,
      numArticles: a.numArticles,
      numSources: a.numSources,
      addedAt: a.addedAt,
      dictionaryVersion: a.dictionaryVersion,
      text: a.text,
      sentences: coded?.sentences ?? [],
      events: (coded?.events ?? []).map((e, index) => ({ ...e, index, counted: isCounted(e) })),
      quotes: coded?.quotes ?? [],
      entities: coded?.entities ?? [],
      places: coded?.places ?? [],
      tone: coded?.tone ?? null,
      discarded: coded?.discarded ?? null,
    });
  });

  app.get('/events', async (c) => {
    const q: Query = (n) => c.req.query(n);
    const filter = eventFilter(q);
    const format = oneOfParam(q, 'format', EVENT_FORMATS, 'json');
    if (format !== 'json') {
      const max = intParam(q, 'limit', MAX_DOWNLOAD_EVENTS, 1, MAX_DOWNLOAD_EVENTS);
      const body = await eventDownload(store.events(filter), format, max);
      const d = DOWNLOAD[format];
      return c.body(body, 200, { 'Content-Type': d.type, 'Content-Disposition': `attachment; filename="dyad-events.${d.ext}"` });
    }
    const { limit, offset } = paging(q, 50, 1000);
    const items: EventRow[] = [];
    let seen = 0;
    // the page is read, the total counted by the database: never every matching row
    for await (const r of store.events({ ...filter, limit: offset + limit })) if (seen++ >= offset) items.push(r);
    return c.json({ items, total: await store.countEvents(filter) });
  });

  app.get('/dyads', async (c) => {
    const q: Query = (n) => c.req.query(n);
    const by = oneOfParam(q, 'by', ['day', 'week', 'month', 'year', 'all'] as const, 'all');
    const sort = oneOfParam(q, 'sort', ['pair', 'events'] as const, 'pair');
    const limit = intParam(q, 'limit', 10_000, 1, 100_000);
    const rows = groupDyads(await store.dyadDays(dyadFilter(q)), by);
    if (sort === 'events') rows.sort((a, b) => b.events - a.events);
    return c.json({ items: rows.slice(0, limit), total: rows.length });
  });

  app.get('/actors', async (c) => {
    const q: Query = (n) => c.req.query(n);
    const actor = countryParam(q, 'actor');
    const limit = intParam(q, 'limit', 20, 1, 1000);
    const f: DyadFilter = {};
    const from = dateParam(q, 'from');
    const to = dateParam(q, 'to');
    if (from) f.from = from;
    if (to) f.to = to;
    let edges = groupDyads(await store.dyadDays(f), 'all').map((d) => ({
      source: d.source,
      target: d.target,
      events: d.events,
      goldsteinMean: d.goldsteinMean,
      quad: d.quad,
    }));
    if (actor) edges = edges.filter((e) => e.source === actor || e.target === actor);
    const totals = new Map<string, { code: string; events: number; asSource: number; asTarget: number; goldsteinSum: number }>();
    const bump = (code: string, n: number, gold: number, side: 'asSource' | 'asTarget') => {
      let t = totals.get(code);
      if (!t) totals.set(code, (t = { code, events: 0, asSource: 0, asTarget: 0, goldsteinSum: 0 }));
      t.events += n;
      t[side] += n;
      t.goldsteinSum += gold;
    };
    for (const e of edges) {
      bump(e.source, e.events, e.goldsteinMean * e.events, 'asSource');
      if (e.target !== e.source) bump(e.target, e.events, e.goldsteinMean * e.events, 'asTarget');
    }
    const actors = [...totals.values()]
      .map((t) => ({ code: t.code, events: t.events, asSource: t.asSource, asTarget: t.asTarget, goldsteinMean: t.events ? Math.round((t.goldsteinSum / t.events) * 1000) / 1000 : 0 }))
      .sort((a, b) => b.events - a.events || a.code.localeCompare(b.code))
      .slice(0, limit);
    const shown = new Set(actors.map((a) => a.code));
    if (actor) shown.add(actor);
    edges = edges.filter((e) => shown.has(e.source) && shown.has(e.target)).sort((a, b) => b.events - a.events);
    return c.json({ actors, edges });
  });

  app.get('/quotes', async (c) => {
    const q: Query = (n) => c.req.query(n);
    const { limit, offset } = paging(q, 50, 1000);
    const speaker = q('speaker') || undefined;
    const from = dateParam(q, 'from');
    const to = dateParam(q, 'to');
    const items = [];
    let total = 0;
    const stop = offset + limit + MAX_COUNT;
    for await (const r of store.quotes({ speaker, from, to })) {
      if (total >= offset && items.length < limit) items.push(r);
      if (++total >= stop) break;
    }
    return c.json(total >= stop ? { items, total, totalIsLowerBound: true } : { items, total });
  });

  app.get('/search', async (c) => {
    const text = c.req.query('q')?.trim();
    if (!text) throw new BadRequest('missing q (the words to search for)', 'q');
    return c.json({ items: await store.search(text, intParam((n) => c.req.query(n), 'limit', 20, 1, 200)) });
  });

  return app;
}
