/**
 * The write API: `POST /api/code` codes text and stores nothing; `POST
 * /api/articles` codes one article and stores it (with the same duplicate
 * handling as `dyad ingest`). Auth and body limits are applied by the app.
 */
import { Hono, type Context } from 'hono';
import { normalizeDate, type ArticleInput, type CodedArticle } from '../model/index.ts';
import { contentHash, ingestArticle, type IngestCoder } from '../ingest/index.ts';
import { isCounted, type Store } from '../store/index.ts';
import { BadRequest } from './params.ts';

async function jsonBody(c: Context): Promise<Record<string, unknown>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new BadRequest('the body must be a JSON object, e.g. {"text": "…", "date": "2026-11-20"}');
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new BadRequest('the body must be a JSON object, e.g. {"text": "…"}');
  return body as Record<string, unknown>;
}

function str(body: Record<string, unknown>, name: string, required = false): string | undefined {
  const v = body[name];
  if (v === undefined || v === null) {
    if (required) throw new BadRequest(`missing "${name}"`, name);
    return undefined;
  }
  if (typeof v !== 'string') throw new BadRequest(`"${name}" must be a string`, name);
  return v;
}

function dateField(body: Record<string, unknown>): string | undefined {
  const v = str(body, 'date');
  if (v === undefined || v === '') return undefined;
  const d = normalizeDate(v);
  if (!d) throw new BadRequest(`bad "date" '${v}' (expected YYYY-MM-DD or YYYYMMDD)`, 'date');
  return d;
}

function textField(body: Record<string, unknown>): string {
  const text = str(body, 'text', true)!;
  if (!text.trim()) throw new BadRequest('"text" is empty', 'text');
  return text;
}

export function writeRoutes(store: Store, coder: IngestCoder): Hono {
  const app = new Hono();

  app.post('/code', async (c) => {
    const body = await jsonBody(c);
    const input: ArticleInput = { id: str(body, 'id') || 'api', text: textField(body), date: dateField(body) };
    if (body.all !== undefined && typeof body.all !== 'boolean') throw new BadRequest('"all" must be true or false', 'all');
    const coded: CodedArticle = coder.code(input);
    // as `dyad code`: negated and hypothetical events only with "all"
    return c.json(body.all ? coded : { ...coded, events: coded.events.filter(isCounted) });
  });

  app.post('/articles', async (c) => {
    const body = await jsonBody(c);
    const text = textField(body);
    const id = str(body, 'id')?.trim() || `api:${contentHash(text).slice(0, 16)}`;
    if (id.length > 500) throw new BadRequest('"id" is longer than 500 characters', 'id');
    const url = str(body, 'url') || null;
    if (url !== null && !/^https?:\/\//i.test(url)) throw new BadRequest('"url" must be an http(s) URL', 'url');
    const outcome = await ingestArticle(
      {
        id,
        text,
        title: str(body, 'title') || null,
        date: dateField(body) ?? null,
        source: url ?? 'api',
        url,
        feed: null,
        publisher: str(body, 'publisher') || (url ? new URL(url).host : 'api'),
        name: id,
      },
      { store, coder },
    );
    switch (outcome.status) {
      case 'stored':
        return c.json({ status: 'stored', id: outcome.id, events: outcome.events }, 201);
      case 'duplicate':
        return c.json({ status: 'duplicate', id: outcome.of });
      case 'near-duplicate':
        return c.json({ status: 'near-duplicate', id: outcome.id, of: outcome.of, similarity: outcome.similarity }, 201);
      case 'failed':
        return c.json({ error: outcome.reason }, /already stored/.test(outcome.reason) ? 409 : 422);
    }
  });

  return app;
}
