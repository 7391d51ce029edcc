/**
 * Running the API on Node: `startServer` listens with @hono/node-server and
 * serves the prebuilt web app (web/dist) beside `/api`. The store and coder
 * are the caller's; closing the server does not close the store.
 */
import { readFile, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createApp, type AppOptions } from './index.ts';

export interface ServerOptions extends AppOptions {
  /** Default 8080; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** The built web app; default web/dist in this package; null serves the API only. */
  webDir?: string | null;
}

export interface RunningServer {
  /** http://host:port */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** web/dist of this package. */
export const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../web/dist/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/** The web app's content policy: no inline scripts, nothing from elsewhere. */
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** GET handler for the static files of `dir` (index.html for "/"). */
export function staticFiles(dir: string): Hono {
  const root = resolve(dir);
  const app = new Hono();
  app.get('/*', async (c) => {
    if (c.req.path.startsWith('/api/')) return c.json({ error: `no route GET ${c.req.path} (see /api/openapi.json)` }, 404);
    let path: string;
    try {
      path = decodeURIComponent(c.req.path);
    } catch {
      return c.text('bad path', 400);
    }
    if (path.endsWith('/')) path += 'index.html';
    const file = resolve(root, '.' + path);
    if (file !== root && !file.startsWith(root + sep)) return c.text('not found', 404);
    try {
      if (!(await stat(file)).isFile()) return c.text('not found', 404);
      const body = await readFile(file);
      const headers: Record<string, string> = {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy': CSP,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      };
      return c.body(body, 200, headers);
    } catch {
      return c.text(path === '/index.html' ? 'the web app is not built: run npm run build:web' : 'not found', 404);
    }
  });
  return app;
}

/** How long close() lets requests in flight finish before cutting their connections. */
const CLOSE_GRACE_MS = 2000;

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const api = createApp(options);
  const app = new Hono();
  app.route('/', api);
  const webDir = options.webDir === undefined ? DEFAULT_WEB_DIR : options.webDir;
  if (webDir) app.route('/', staticFiles(webDir));
  const host = options.host ?? '127.0.0.1';
  const server = await new Promise<ReturnType<typeof serve>>((ok, fail) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? 8080, hostname: host }, () => ok(s));
    s.once('error', fail);
  });
  const port = (server.address() as AddressInfo).port;
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shown}:${port}`,
    port,
    close: () =>
      new Promise<void>((ok) => {
        // idle keep-alive connections would hold close() open until clients drop them; requests in flight
        // get a grace period, then their connections are cut too (a client still sending a refused upload)
        const http1 = 'closeIdleConnections' in server;
        const cut = http1 ? setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS) : undefined;
        server.close(() => {
          clearTimeout(cut);
          ok();
        });
        if (http1) server.closeIdleConnections();
      }),
  };
}
