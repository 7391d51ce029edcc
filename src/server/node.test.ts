/** startServer on loopback (port 0): the API and the static web app over a real socket. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../store/index.ts';
import { startServer, type RunningServer } from './index.ts';

let dir: string;
let store: Store;
let server: RunningServer;
const TOKEN = 'loopback-token';
// a stand-in coder: this test is about HTTP, not coding
const coder = { code: (a: { id?: string; text: string; date?: string }) => ({ id: a.id ?? 'x', date: a.date ?? null, sentences: [], events: [] }) };

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dyad-serve-'));
  await mkdir(join(dir, 'web', 'assets'), { recursive: true });
  await writeFile(join(dir, 'web', 'index.html'), '<!doctype html><title>Dyad</title>');
  await writeFile(join(dir, 'web', 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(dir, 'secret.txt'), 'secret');
  store = await openStore(join(dir, 'db.sqlite'));
  server = await startServer({ store, coder, token: TOKEN, port: 0, webDir: join(dir, 'web') });
});

after(async () => {
  try {
    await server.close();
    await store.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('serve_loopback: API, web app with a content policy, no path escapes', async () => {
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  const stats = await fetch(`${server.url}/api/stats`);
  assert.equal(stats.status, 200);
  assert.equal((await stats.json()).articles, 0);
  const index = await fetch(`${server.url}/`);
  assert.equal(index.status, 200);
  assert.match(index.headers.get('content-type')!, /text\/html/);
  assert.match(index.headers.get('content-security-policy')!, /script-src 'self'/);
  assert.match(await index.text(), /<title>Dyad/);
  assert.match((await fetch(`${server.url}/assets/app.js`)).headers.get('content-type')!, /javascript/);
  for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
    const r = await fetch(`${server.url}${p}`);
    assert.notEqual(await r.text(), 'secret', p);
  }
  const unknown = await fetch(`${server.url}/api/nothing`);
  assert.equal(unknown.status, 404);
  assert.match((await unknown.json()).error, /no route/);
});

test('serve_loopback: writes with the token over a socket', async () => {
  const body = JSON.stringify({ id: 'one', text: 'Some text to store.', date: '2026-01-02' });
  const denied = await fetch(`${server.url}/api/articles`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
  assert.equal(denied.status, 401);
  const ok = await fetch(`${server.url}/api/articles`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` }, body });
  assert.equal(ok.status, 201);
  const big = await fetch(`${server.url}/api/code`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({ text: 'x'.repeat(2 * 1024 * 1024) }),
  });
  assert.equal(big.status, 413);
  assert.equal((await (await fetch(`${server.url}/api/articles/one`)).json()).date, '2026-01-02');
});
