/** The HTTP API through app.request, on a temporary SQLite store seeded by coding our own sentences. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCoder, type Coder } from '../events/index.ts';
import { ingestArticle } from '../ingest/index.ts';
import { openStore, type Store } from '../store/index.ts';
import { createApp, OPENAPI } from './index.ts';

const ARTICLES = [
  {
    id: 'talks',
    title: 'Russia and Ukraine meet in Geneva',
    date: '2026-03-02',
    text: 'Russian negotiators met Ukrainian officials in Geneva on Monday. Ukraine accused Russia of shelling civilians. "We want a ceasefire now," said Ukrainian Foreign Minister Andrii Sybiha.',
  },
  {
    id: 'sanctions',
    title: 'France criticises Iran',
    date: '2026-03-05',
    text: 'France criticized Iran over its nuclear programme. Germany praised France for its firm stance.',
  },
  {
    id: 'visit',
    title: 'Turkey hosts talks',
    date: '2026-03-09',
    text: 'Turkey hosted Ukrainian and Russian delegations in Istanbul. Russia accused Ukraine of attacking a power plant.',
  },
];

let dir: string;
let store: Store;
let coder: Coder;
const TOKEN = 'test-token-123';

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dyad-server-'));
  store = await openStore(join(dir, 'test.db'));
  coder = await createCoder();
  for (const a of ARTICLES) {
    const r = await ingestArticle({ ...a, source: 'test', url: null, feed: null, publisher: 'test', name: a.id }, { store, coder });
    assert.equal(r.status, 'stored');
  }
});

after(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const app = () => createApp({ store, coder, token: TOKEN });
const get = async (path: string) => {
  const res = await app().request(path);
  return { status: res.status, body: res.headers.get('content-type')?.includes('json') ? await res.json() : await res.text(), res };
};
const post = (path: string, body: unknown, headers: Record<string, string> = { Authorization: `Bearer ${TOKEN}` }, a = app()) =>
  a.request(path, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

test('server_stats: counts from the store', async () => {
  const { status, body } = await get('/api/stats');
  assert.equal(status, 200);
  assert.equal(body.articles, 3);
  assert.ok(body.events >= 3);
});

test('server_articles: paged list, newest first, and search', async () => {
  const { body } = await get('/api/articles?limit=2');
  assert.equal(body.total, 3);
  assert.deepEqual(body.items.map((a: { id: string }) => a.id), ['visit', 'sanctions']);
  assert.equal(body.items[0].headline, 'Turkey hosts talks');
  const p2 = await get('/api/articles?limit=2&offset=2');
  assert.deepEqual(p2.body.items.map((a: { id: string }) => a.id), ['talks']);
  const s = await get('/api/articles?q=nuclear');
  assert.equal(s.body.total, 1);
  assert.equal(s.body.items[0].id, 'sanctions');
  assert.match(s.body.items[0].snippet, /nuclear/);
  for (const q of ['"', 'AND OR', '*', 'a:b']) assert.ok([200, 400].includes((await get(`/api/articles?q=${encodeURIComponent(q)}`)).status), q);
});

test('server_article: text, sentences, events with offsets into the text, quotes', async () => {
  const { status, body } = await get('/api/articles/talks');
  assert.equal(status, 200);
  assert.equal(body.title, 'Russia and Ukraine meet in Geneva');
  assert.ok(body.sentences.length >= 3);
  assert.ok(body.events.length >= 1);
  for (const e of body.events) {
    assert.equal(body.text.slice(e.verb.start, e.verb.end), e.verb.text);
    assert.equal(body.text.slice(e.source.start, e.source.end), e.source.text);
    assert.equal(typeof e.counted, 'boolean');
  }
  assert.ok(body.quotes.length >= 1);
  assert.ok(body.quotes.some((q: { text: string }) => /ceasefire/.test(q.text)));
  assert.ok(Array.isArray(body.entities));
  const missing = await get('/api/articles/nope');
  assert.equal(missing.status, 404);
  assert.match(missing.body.error, /nope/);
});

test('server_events: filters as dyad events, paging, downloads', async () => {
  const all = await get('/api/events');
  assert.ok(all.body.total >= 3);
  const rus = await get('/api/events?source=rus');
  assert.ok(rus.body.items.length >= 1);
  for (const r of rus.body.items) assert.equal(r.sourceCountry, 'RUS');
  const paged = await get('/api/events?limit=1&offset=1');
  assert.equal(paged.body.items.length, 1);
  assert.equal(paged.body.total, all.body.total);
  assert.equal(paged.body.items[0].eventId, all.body.items[1].eventId);
  const dated = await get('/api/events?from=2026-03-06');
  for (const r of dated.body.items) assert.ok(r.date >= '2026-03-06');
  const csv = await get('/api/events?format=csv&source=RUS');
  assert.equal(csv.status, 200);
  assert.match(csv.res.headers.get('content-type')!, /text\/csv/);
  assert.match(csv.res.headers.get('content-disposition')!, /attachment/);
  const lines = (csv.body as string).trim().split('\n');
  assert.match(lines[0], /^event_id,date,article_id/);
  assert.equal(lines.length, rus.body.total + 1);
  const gdelt = await get('/api/events?format=gdelt');
  assert.equal((gdelt.body as string).trim().split('\n')[0].split('\t').length, 61);
});

test('server_params: bad parameters are 400 with a JSON error naming them', async () => {
  for (const [path, param] of [
    ['/api/events?from=2026-13-01', 'from'],
    ['/api/events?root=abc', 'root'],
    ['/api/events?source=R%20US', 'source'],
    ['/api/events?limit=0', 'limit'],
    ['/api/events?format=xml', 'format'],
    ['/api/dyads?by=decade', 'by'],
    ['/api/articles?offset=-1', 'offset'],
    ['/api/actors?actor=RUSGOV', 'actor'],
  ] as const) {
    const { status, body } = await get(path);
    assert.equal(status, 400, path);
    assert.equal(body.param, param, path);
    assert.match(body.error, new RegExp(`bad ${param}`), path);
  }
});

test('server_dyads_actors: pairs with counts and mean Goldstein; network edges', async () => {
  const { body } = await get('/api/dyads?sort=events');
  assert.ok(body.items.length >= 2);
  assert.ok(body.items[0].events >= body.items[1].events);
  const day = await get('/api/dyads?source=UKR&target=RUS&by=day');
  for (const r of day.body.items) assert.match(r.period, /^\d{4}-\d{2}-\d{2}$/);
  const net = await get('/api/actors');
  const codes = net.body.actors.map((a: { code: string }) => a.code);
  assert.ok(codes.includes('RUS') && codes.includes('UKR'));
  assert.ok(net.body.edges.some((e: { source: string; target: string }) => e.source === 'RUS' && e.target === 'UKR'));
  const partners = await get('/api/actors?actor=FRA');
  for (const e of partners.body.edges) assert.ok(e.source === 'FRA' || e.target === 'FRA');
});

test('server_quotes: quotes with speakers', async () => {
  const { body } = await get('/api/quotes?speaker=sybiha');
  assert.equal(body.total, 1);
  assert.equal(body.items[0].articleId, 'talks');
});

test('server_code: codes text and stores nothing; same JSON as dyad code', async () => {
  const before = (await get('/api/stats')).body.articles;
  const res = await post('/api/code', { text: 'Israel criticized Russia on Tuesday.', date: '2026-04-01' });
  assert.equal(res.status, 200);
  const coded = await res.json();
  const direct = coder.code({ id: 'api', text: 'Israel criticized Russia on Tuesday.', date: '2026-04-01' });
  assert.deepEqual(coded, JSON.parse(JSON.stringify(direct)));
  assert.equal(coded.events[0].source.code.slice(0, 3), 'ISR');
  assert.equal((await get('/api/stats')).body.articles, before);
});

test('server_auth: writes need the bearer token; 403 when no token is configured', async () => {
  const body = { text: 'Israel criticized Russia.' };
  assert.equal((await post('/api/code', body, {})).status, 401);
  assert.equal((await post('/api/code', body, { Authorization: 'Bearer wrong' })).status, 401);
  const none = await post('/api/code', body, {}, createApp({ store, coder }));
  assert.equal(none.status, 403);
  assert.match((await none.json()).error, /DYAD_TOKEN/);
  assert.equal((await post('/api/code', body, {}, createApp({ store, coder, open: true }))).status, 200);
});

test('server_limits: oversize bodies are 413, bad bodies 400', async () => {
  const small = createApp({ store, coder, token: TOKEN, maxBodyBytes: 100 });
  assert.equal((await post('/api/code', { text: 'x'.repeat(500) }, undefined, small)).status, 413);
  const bad = await post('/api/code', '{not json');
  assert.equal(bad.status, 400);
  assert.match((await bad.json()).error, /JSON/);
  const noText = await post('/api/code', { date: '2026-01-01' });
  assert.equal(noText.status, 400);
  assert.equal((await noText.json()).param, 'text');
  const badDate = await post('/api/code', { text: 'x', date: 'yesterday' });
  assert.equal((await badDate.json()).param, 'date');
});

test('server_ingest: POST /api/articles codes and stores; the same content again is a duplicate', async () => {
  const a = { id: 'posted', title: 'Posted', date: '2026-03-10', text: 'Egypt condemned Israel for the air strike. Israel rejected the criticism.' };
  const r1 = await post('/api/articles', a);
  assert.equal(r1.status, 201);
  assert.equal((await r1.json()).status, 'stored');
  const got = await get('/api/articles/posted');
  assert.equal(got.body.title, 'Posted');
  const r2 = await post('/api/articles', a);
  assert.equal(r2.status, 200);
  assert.equal((await r2.json()).status, 'duplicate');
  const r3 = await post('/api/articles', { ...a, text: 'Something else entirely about Chile.' });
  assert.equal(r3.status, 409);
  assert.equal((await get('/api/articles')).body.items[0].id, 'posted');
});

test('server_openapi: every route is described', async () => {
  const { body } = await get('/api/openapi.json');
  assert.equal(body.openapi, OPENAPI.openapi);
  const described = new Set(Object.keys(body.paths));
  const app_ = app();
  for (const r of app_.routes) {
    if (!r.path.startsWith('/api/') || r.path.includes('*')) continue;
    assert.ok(described.has(r.path.replace(/:(\w+)/g, '{$1}')), `${r.method} ${r.path} is not in openapi.ts`);
  }
  const unknown = await get('/api/nothing');
  assert.equal(unknown.status, 404);
});

test('server_csrf: a write that is not declared JSON is refused (415)', async () => {
  const res = await createApp({ store, coder, open: true }).request('/api/code', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{"text":"Israel criticized Russia."}' });
  assert.equal(res.status, 415);
});
