/**
 * Dyad's HTTP API: `createApp({ store, coder })` returns a Hono app serving
 * `/api/*`. It never opens a database or listens on a port: the caller
 * passes the Store and the coder (see startServer in ./node.ts, used by
 * `dyad serve`). Routes: read.ts (queries), write.ts (code, ingest),
 * openapi.ts (the OpenAPI 3 document describing both). Docs: docs/server.md.
 */
import { timingSafeEqual, createHash } from 'node:crypto';
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { IngestCoder } from '../ingest/index.ts';
import type { Store } from '../store/index.ts';
import { OPENAPI } from './openapi.ts';
import { BadRequest } from './params.ts';
import { readRoutes } from './read.ts';
import { writeRoutes } from './write.ts';

export { startServer, type ServerOptions, type RunningServer } from './node.ts';
export { OPENAPI } from './openapi.ts';
export type { ArticleSummary } from './read.ts';

export interface AppOptions {
  store: Store;
  /** Codes text for POST /api/code and /api/articles (createCoder()). */
  coder: IngestCoder;
  /** Bearer token required by write routes (usually $DYAD_TOKEN). */
  token?: string | null;
  /** Allow writes without a token (local use only). */
  open?: boolean;
  /** Largest accepted request body in bytes (default 1 MiB). */
  maxBodyBytes?: number;
}

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

function sameToken(a: string, b: string): boolean {
  // hash first so lengths match and timing does not reveal the token's length
  const h = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(h(a), h(b));
}

/** Write routes: open, or `Authorization: Bearer <token>`. */
function requireToken(token: string | null | undefined, open: boolean): MiddlewareHandler {
  return async (c, next) => {
    if (!open) {
      if (!token) return c.json({ error: 'writes are disabled: start the server with DYAD_TOKEN set (then send Authorization: Bearer <token>), or with --open' }, 403);
      const m = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('Authorization') ?? '');
      if (!m || !sameToken(m[1], token)) {
        c.header('WWW-Authenticate', 'Bearer realm="dyad"');
        return c.json({ error: 'missing or wrong token: send Authorization: Bearer <DYAD_TOKEN>' }, 401);
      }
    }
    await next();
  };
}

/**
 * Write bodies must be declared JSON: a cross-site form or `text/plain` post
 * cannot set this type without a CORS preflight, which this API never grants.
 */
const requireJson: MiddlewareHandler = async (c, next) => {
  if (!/^application\/json\b/i.test(c.req.header('Content-Type') ?? '')) {
    return c.json({ error: 'send the body as JSON with Content-Type: application/json' }, 415);
  }
  await next();
};

export function createApp(options: AppOptions): Hono {
  const { store, coder } = options;
  const maxSize = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const app = new Hono();

  app.use('*', async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
  });

  app.onError((err, c) => {
    if (err instanceof BadRequest) return c.json({ error: err.message, ...(err.param ? { param: err.param } : {}) }, 400);
    if (err instanceof HTTPException) return c.json({ error: err.message || 'request failed' }, err.status);
    const e = err as { code?: string; message?: string };
    // DyadError on bad input (e.g. a malformed full-text query) is the client's fault
    if (e.code === 'INPUT' || e.code === 'USAGE') return c.json({ error: e.message }, 400);
    console.error(err);
    return c.json({ error: 'internal error' }, 500);
  });
  app.notFound((c) => c.json({ error: `no route ${c.req.method} ${c.req.path} (see /api/openapi.json)` }, 404));

  app.get('/api/openapi.json', (c) => c.json(OPENAPI));

  app.on(
    ['POST', 'PUT', 'PATCH', 'DELETE'],
    '/api/*',
    requireToken(options.token, options.open ?? false),
    requireJson,
    bodyLimit({ maxSize, onError: (c) => c.json({ error: `request body too large (the limit is ${maxSize} bytes)` }, 413) }),
  );
  app.route('/api', writeRoutes(store, coder));
  app.route('/api', readRoutes(store));
  return app;
}
