/**
 * Scale-out end to end, on the real NATS (JetStream) and PostgreSQL servers on
 * loopback (DYAD_TEST_NATS, DYAD_TEST_PG override the addresses). Each test
 * has its own queue name (streams, consumers) and PostgreSQL schema, removed
 * afterwards. Skipped, with a message, when either server does not answer.
 *
 * - two workers code 2,000 articles: each stored exactly once with its events;
 *   a re-published article is dropped by the server; a malformed message lands
 *   in dead letters after the retry limit without stalling the queue; status;
 * - a worker process killed with SIGKILL mid-batch: its articles are
 *   redelivered to the other worker, still each stored exactly once;
 * - the database goes away during a run (a TCP proxy in front of PostgreSQL is
 *   cut and restarted, so the shared server itself is never restarted): the
 *   worker backs off, reconnects and loses nothing.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { jetstream } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { createCoder } from '../../src/index.ts';
import type { SourceItem } from '../../src/ingest/index.ts';
import { openStore } from '../../src/store/index.ts';
import { cliInProcess } from '../helpers/cli.ts';
import {
  articleSubject,
  connectNats,
  deleteQueue,
  publishArticles,
  queueNames,
  queueStatus,
  startWorker,
  type QueueNames,
  type WorkerEvent,
} from '../../src/queue/index.ts';

const NATS = process.env.DYAD_TEST_NATS ?? 'nats://127.0.0.1:4222';
const PG = process.env.DYAD_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin', 'dyad.js');
const run = randomBytes(4).toString('hex');

async function pgQuery(sql: string, params: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: PG, connectionTimeoutMillis: 3000 });
  client.on('error', () => {});
  try {
    await client.connect();
    return await client.query(sql, params);
  } finally {
    await client.end().catch(() => {});
  }
}

async function reachable(): Promise<string | false> {
  try {
    await pgQuery('SELECT 1');
  } catch (e) {
    return `PostgreSQL not reachable at ${PG} (${(e as Error).message}); set DYAD_TEST_PG to run these tests`;
  }
  try {
    const nc = await Promise.race([
      connectNats(NATS, 'dyad-test-probe'),
      new Promise<never>((_, rej) => setTimeout(() => rej(new Error('timed out')), 3000)),
    ]);
    const { jetstreamManager } = await import('@nats-io/jetstream');
    await (await jetstreamManager(nc)).getAccountInfo();
    await nc.close();
  } catch (e) {
    return `NATS with JetStream not reachable at ${NATS} (${(e as Error).message}); set DYAD_TEST_NATS to run these tests`;
  }
  return false;
}

const skip = await reachable();
if (skip) console.log(`# skipped: ${skip}`);

const cleanups: Array<() => Promise<unknown>> = [];
after(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => {});
});

/** A fresh queue and schema for one test, removed after the run. */
async function fixture(tag: string): Promise<{ nc: NatsConnection; names: QueueNames; schema: string; db: string }> {
  const nc = await connectNats(NATS, `dyad-test-${tag}`);
  const names = queueNames(`t${run}${tag}`);
  const schema = `dyad_q_${run}_${tag}`;
  const u = new URL(PG);
  u.searchParams.set('schema', schema);
  cleanups.push(async () => {
    await deleteQueue(nc, names);
    await nc.close();
    await pgQuery(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  });
  return { nc, names, schema, db: u.toString() };
}

const COUNTRIES = ['Russia', 'Ukraine', 'Israel', 'Egypt', 'France', 'China', 'Iran', 'Turkey'];
const VERBS = ['accused', 'praised', 'threatened', 'met', 'criticized'];

function articles(tag: string, n: number): SourceItem[] {
  return Array.from({ length: n }, (_, i) => {
    const text = `${COUNTRIES[i % 8]} ${VERBS[i % 5]} ${COUNTRIES[(i + 3) % 8]} on ${tag} day ${i}, officials said.`;
    return {
      kind: 'article' as const,
      article: { id: `${tag}-${i}`, text, title: null, date: '2026-05-01', source: 'test', url: null, feed: null, publisher: `wire${i % 3}`, name: `${tag}-${i}` },
    };
  });
}

/** Articles stored, distinct hashes, and articles whose event rows differ from their event count. */
async function census(schema: string): Promise<{ articles: number; hashes: number; badEvents: number }> {
  const r = await pgQuery(
    `SELECT count(*)::int AS articles, count(DISTINCT hash)::int AS hashes,
       count(*) FILTER (WHERE num_events <> (SELECT count(*) FROM "${schema}".events e WHERE e.doc = a.doc))::int AS bad
     FROM "${schema}".articles a`,
  ).catch(() => ({ rows: [{ articles: 0, hashes: 0, bad: 0 }] }));
  return { articles: r.rows[0].articles, hashes: r.rows[0].hashes, badEvents: r.rows[0].bad };
}

// most commands run in this process to save start-up time; a few spawn the real binary
const cli = cliInProcess;

async function waitFor(what: string, cond: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

test('queue: two workers store 2,000 articles exactly once; re-publish dropped; malformed message to dead letters; status', { skip }, async () => {
  const { nc, names, schema, db } = await fixture('two');
  const items = articles('two', 2000);
  const first = await publishArticles(nc, names, items);
  assert.deepEqual([first.published, first.duplicates, first.failed.length], [2000, 0, 0]);
  const again = await publishArticles(nc, names, items.slice(0, 100));
  assert.deepEqual([again.published, again.duplicates], [0, 100], 'the server drops a re-published article');
  await jetstream(nc).publish(articleSubject(names, 'broken'), '{"v":1,"article":{not json');

  const coder = await createCoder();
  const events: WorkerEvent[] = [];
  const workers = await Promise.all(
    [1, 2].map((i) =>
      startWorker({ nc, names, coder, openStore: () => openStore(db), maxDeliver: 3, ackWaitMs: 5000, workerId: `w${i}`, heartbeatMs: 200, onEvent: (e) => events.push(e) }),
    ),
  );
  try {
    await waitFor('2,000 articles and 1 dead letter', async () => workers.reduce((n, w) => n + w.stats().processed, 0) >= 2001, 50_000);
    const st = await queueStatus(nc, names);
    assert.equal(st.stream?.messages, 2001);
    assert.equal(st.deadLetters.count, 1);
    assert.match(st.deadLetters.recent[0].error, /not valid JSON/);
    assert.equal(st.deadLetters.recent[0].deliveries, 3);
    const c = st.consumers.find((x) => x.name === workers[0].consumer);
    assert.ok(c, 'the consumer is listed');
    assert.equal(c.pending, 0);
    assert.deepEqual(st.workers.map((w) => w.workerId), ['w1', 'w2']);
    const shown = await cli(['status', '--nats', NATS, '--queue', names.queue]);
    assert.equal(shown.code, 0, shown.stderr);
    assert.match(shown.stdout, /2001 articles/);
    assert.match(shown.stdout, /dead letters: 1\n  seq \d+ \(no id\) after 3 deliveries: not valid JSON/);
    assert.match(shown.stdout, /workers: 2\n/);
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
  }
  for (const w of workers) assert.ok(w.stats().stored > 100, `${w.workerId} did its share (${w.stats().stored})`);
  assert.equal(events.filter((e) => e.kind === 'retry').length, 2);
  assert.deepEqual(await census(schema), { articles: 2000, hashes: 2000, badEvents: 0 });
  // Stored events are the coder's.
  const store = await openStore(db, { readonly: true });
  try {
    for (const i of [0, 1, 2, 3, 4, 777, 1999]) {
      const a = items[i].kind === 'article' ? items[i].article : null;
      const stored = await store.getArticle(a!.id);
      const expected = coder.code({ id: a!.id, text: a!.text, date: a!.date ?? undefined });
      assert.deepEqual(stored?.coded?.events, expected.events, a!.id);
    }
  } finally {
    await store.close();
  }
});

function spawnWorker(names: QueueNames, db: string): ChildProcess {
  const child = spawn(process.execPath, [bin, 'worker', '--nats', NATS, '--queue', names.queue, '--db', db, '--ack-wait', '2', '--max-deliver', '3', '--batch', '64'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.resume();
  let err = '';
  child.stderr!.setEncoding('utf8').on('data', (d) => (err += d));
  (child as ChildProcess & { err: () => string }).err = () => err;
  cleanups.push(async () => child.kill('SIGKILL'));
  return child;
}

test('queue: a worker killed with SIGKILL mid-batch loses nothing and stores nothing twice', { skip }, async () => {
  const { nc, names, schema, db } = await fixture('kill');
  const n = 1000;
  const dir = mkdtempSync(join(tmpdir(), 'dyad-e2e-queue-'));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'kill.jsonl');
  writeFileSync(file, articles('kill', n).map((x) => (x.kind === 'article' ? JSON.stringify({ id: x.article.id, text: x.article.text, date: x.article.date }) : '')).join('\n'));
  const published = await cli(['ingest', file, '--nats', NATS, '--queue', names.queue, '--json']);
  assert.equal(published.code, 0, published.stderr);
  assert.equal(JSON.parse(published.stdout).published, n);
  const a = spawnWorker(names, db);
  const b = spawnWorker(names, db);
  const exitA = new Promise((r) => a.once('exit', (code, signal) => r(signal ?? code)));
  const exitB = new Promise((r) => b.once('exit', (code, signal) => r(signal ?? code)));
  await waitFor('200 articles stored', async () => (await census(schema)).articles >= 200, 40_000);
  a.kill('SIGKILL');
  assert.equal(await exitA, 'SIGKILL');
  const atKill = (await census(schema)).articles;
  assert.ok(atKill < n, 'killed mid-run');
  await waitFor(`all ${n} articles stored`, async () => (await census(schema)).articles >= n, 45_000);
  await waitFor('the queue drained', async () => {
    const c = (await queueStatus(nc, names)).consumers[0];
    return c.pending === 0 && c.ackPending === 0;
  }, 15_000);
  b.kill('SIGTERM');
  assert.equal(await exitB, 0, (b as ChildProcess & { err: () => string }).err());
  assert.deepEqual(await census(schema), { articles: n, hashes: n, badEvents: 0 });
});

/** A TCP proxy in front of PostgreSQL that can be cut (every connection dropped, new ones refused) and restored. */
async function pgProxy(): Promise<{ port: number; cut(): Promise<void>; restore(): Promise<void>; close(): Promise<void> }> {
  const target = new URL(PG);
  const sockets = new Set<net.Socket>();
  const make = () =>
    net.createServer((client) => {
      const upstream = net.connect(Number(target.port || 5432), target.hostname);
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on('error', () => {});
        s.on('close', () => sockets.delete(s));
      }
      client.pipe(upstream).pipe(client);
    });
  let server = make();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  const cut = async () => {
    const closed = new Promise<void>((r) => server.close(() => r()));
    for (const s of sockets) s.destroy();
    await closed;
  };
  return {
    port,
    cut,
    async restore() {
      server = make();
      await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
    },
    async close() {
      if (server.listening) await cut();
    },
  };
}

test('queue: the database going away mid-run: the worker backs off, reconnects, loses nothing', { skip }, async () => {
  const { nc, names, schema } = await fixture('pgdown');
  const proxy = await pgProxy();
  cleanups.push(() => proxy.close());
  const u = new URL(PG);
  u.port = String(proxy.port);
  u.searchParams.set('schema', schema);
  const n = 600;
  await publishArticles(nc, names, articles('pgdown', n));
  const coder = await createCoder();
  const events: WorkerEvent[] = [];
  const worker = await startWorker({ nc, names, coder, openStore: () => openStore(u.toString()), ackWaitMs: 5000, backoffMs: 100, maxBackoffMs: 1000, onEvent: (e) => events.push(e) });
  try {
    await waitFor('150 articles stored', async () => (await census(schema)).articles >= 150, 30_000);
    await proxy.cut();
    await new Promise((r) => setTimeout(r, 2000));
    assert.ok(events.some((e) => e.kind === 'store-down'), 'the worker saw the outage');
    const during = (await census(schema)).articles;
    assert.ok(during < n, 'cut mid-run');
    await proxy.restore();
    await waitFor(`all ${n} articles stored`, async () => (await census(schema)).articles >= n, 40_000);
    assert.ok(events.some((e) => e.kind === 'store-up'), 'the worker reconnected');
    assert.equal(events.filter((e) => e.kind === 'dead').length, 0, 'no article was given up');
  } finally {
    await worker.stop();
  }
  assert.deepEqual(await census(schema), { articles: n, hashes: n, badEvents: 0 });
});

test('queue: recoding the article log with new dictionaries stages codings; the old ones stay queryable until the switch', { skip }, async () => {
  const { nc, names, schema, db } = await fixture('recode');
  const items = articles('recode', 100);
  await publishArticles(nc, names, items);
  const v1 = await createCoder();
  const first = await startWorker({ nc, names, coder: v1, openStore: () => openStore(db), workerId: 'v1' });
  try {
    await waitFor('100 articles coded with v1', async () => first.stats().processed >= 100, 30_000);
  } finally {
    await first.stop();
  }
  const countEvents = async () => {
    const store = await openStore(db, { readonly: true });
    try {
      return { events: await store.countEvents(), staged: await store.stagedCodings() };
    } finally {
      await store.close();
    }
  };
  const before = await countEvents();
  assert.ok(before.events >= 60, `v1 coded most articles (${before.events} events)`);

  // v2 codes accusations only
  const dir = mkdtempSync(join(tmpdir(), 'dyad-v2-'));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'accuse.verbs.txt'), '--- ACCUSE [112] ---\nACCUSE\n');
  const started = await cli(['recode', '--nats', NATS, '--queue', names.queue, '--dict', dir, '--json']);
  assert.equal(started.code, 0, started.stderr);
  const v2 = await createCoder({ dictDirs: [dir] });
  assert.equal(JSON.parse(started.stdout).consumer, `code_${v2.dictionaryVersion}`);
  const second = await startWorker({ nc, names, coder: v2, openStore: () => openStore(db), workerId: 'v2' });
  try {
    await waitFor('100 codings staged', async () => second.stats().recoded >= 100, 30_000);
  } finally {
    await second.stop();
  }
  const during = await countEvents();
  assert.equal(during.events, before.events, 'queries read the v1 coding until the switch');
  assert.deepEqual(during.staged, [{ version: v2.dictionaryVersion, articles: 100 }]);
  const shown = await cli(['status', '--nats', NATS, '--queue', names.queue, '--db', db]);
  assert.equal(shown.code, 0, shown.stderr);
  assert.match(shown.stdout, new RegExp(`staged codings \\(dyad recode --switch\\): ${v2.dictionaryVersion} 100 articles`));

  const switched = await cli(['recode', '--switch', '--dict', dir, '--db', db, '--json']);
  assert.equal(switched.code, 0, switched.stderr);
  assert.equal(JSON.parse(switched.stdout).switched, 100);
  const after = await countEvents();
  assert.equal(after.events, 20, 'one article in five accuses: only those have events under v2');
  assert.deepEqual(after.staged, []);
  const versions = await pgQuery(`SELECT DISTINCT dict_version FROM "${schema}".articles`);
  assert.deepEqual(versions.rows.map((r) => r.dict_version), [v2.dictionaryVersion]);
  assert.deepEqual(await census(schema), { articles: 100, hashes: 100, badEvents: 0 });
});
