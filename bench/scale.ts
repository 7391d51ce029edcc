/**
 * bench:scale: end-to-end throughput of the scale-out path, NATS publish to
 * PostgreSQL commit, with 1 and with 2 worker processes, against the embedded
 * single-process path (ingest() into the same PostgreSQL, no queue).
 *
 * Corpus: DYAD_BENCH_ARTICLES (default 3000) articles, each a headline and 3-6
 * paragraphs drawn from ../shared/eval/polnear-dev (synthetic one-paragraph
 * wire stories when ../shared is absent). Workers are started and have loaded
 * their dictionaries before the clock starts; the clock stops when the last
 * article is committed. Every run has its own queue and schema, removed after.
 *
 * Servers: DYAD_TEST_NATS (default nats://127.0.0.1:4222), DYAD_TEST_PG
 * (default postgres://postgres@127.0.0.1:5432/test). Last line:
 *   scale: 1 worker <A> articles/s, 2 workers <B> articles/s, ratio <B/A>
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createCoder } from '../src/index.ts';
import { ingest, type SourceItem } from '../src/ingest/index.ts';
import { connectNats, deleteQueue, publishArticles, queueNames } from '../src/queue/index.ts';
import { openStore } from '../src/store/index.ts';
import { rng } from './support.ts';

const NATS = process.env.DYAD_TEST_NATS ?? 'nats://127.0.0.1:4222';
const PG = process.env.DYAD_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const ARTICLES = Number(process.env.DYAD_BENCH_ARTICLES ?? 3000);
const CORPUS = fileURLToPath(new URL('../../shared/eval/polnear-dev/records.jsonl', import.meta.url));
const bin = fileURLToPath(new URL('../bin/dyad.js', import.meta.url));
const run = randomBytes(3).toString('hex');
const log = (s: string) => process.stdout.write(`${s}\n`);

function corpus(): { items: SourceItem[]; meanChars: number; from: string } {
  const random = rng(2026);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
  let titles: string[] = [];
  let paragraphs: string[] = [];
  let from = 'synthetic wire stories';
  if (existsSync(CORPUS)) {
    for (const line of readFileSync(CORPUS, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const r = JSON.parse(line) as { title: string; text: string };
      titles.push(r.title);
      paragraphs.push(...r.text.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p.split(/\s+/).length >= 8));
    }
    from = `PolNeAR paragraphs (${paragraphs.length})`;
  } else {
    const c = ['Russia', 'Ukraine', 'Israel', 'Egypt', 'France', 'China', 'Iran', 'Turkey'];
    const v = ['accused', 'praised', 'threatened', 'met', 'criticized', 'urged'];
    titles = c.map((x) => `${x} in talks`);
    for (let i = 0; i < 400; i++) paragraphs.push(`${pick(c)} ${pick(v)} ${pick(c)} over the border dispute, officials said on Tuesday.`);
  }
  const items: SourceItem[] = [];
  let chars = 0;
  for (let i = 0; i < ARTICLES; i++) {
    const n = 3 + Math.floor(random() * 4);
    const text = `${pick(titles)}\n\n${Array.from({ length: n }, () => pick(paragraphs)).join('\n\n')}\n\n(ref ${run}-${i})`;
    chars += text.length;
    items.push({ kind: 'article', article: { id: `scale-${i}`, text, title: null, date: '2016-06-01', source: 'bench', url: null, feed: null, publisher: `wire${i % 4}`, name: `scale-${i}` } });
  }
  return { items, meanChars: Math.round(chars / ARTICLES), from };
}

function dbUrl(schema: string): string {
  const u = new URL(PG);
  u.searchParams.set('schema', schema);
  return u.toString();
}

async function sql(q: string): Promise<pg.QueryResult> {
  const c = new pg.Client({ connectionString: PG, connectionTimeoutMillis: 3000 });
  c.on('error', () => {});
  try {
    await c.connect();
    return await c.query(q);
  } finally {
    await c.end().catch(() => {});
  }
}

async function stored(schema: string): Promise<number> {
  return (await sql(`SELECT count(*)::int AS n FROM "${schema}".articles`)).rows[0].n;
}

/** Starts a worker process; resolves once it consumes (dictionaries loaded). */
function startWorker(queue: string, db: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [bin, 'worker', '--nats', NATS, '--queue', queue, '--db', db, '--batch', '64'], { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let err = '';
    child.stderr!.setEncoding('utf8').on('data', (d: string) => {
      err += d;
      if (/consuming/.test(err)) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`worker exited (${code}): ${err}`)));
  });
}

/** Busy and total CPU time of the whole machine so far, in clock ticks (Linux /proc/stat; zeros elsewhere). */
function machineTicks(): { busy: number; total: number } {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const total = f.slice(0, 8).reduce((a, b) => a + b, 0);
    return { busy: total - f[3] - f[4], total };
  } catch {
    return { busy: 0, total: 0 };
  }
}

/** Cores kept busy (all processes: workers, PostgreSQL, NATS, this one) between two readings. */
function coresBusy(a: { busy: number; total: number }, b: { busy: number; total: number }): number {
  return b.total > a.total ? ((b.busy - a.busy) / (b.total - a.total)) * cpus().length : 0;
}

/** CPU seconds a process has used (Linux /proc; 0 elsewhere). */
function cpuSeconds(pid: number | undefined): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return 0;
  }
}

/** Cores the whole machine kept busy during each scale run, by number of workers. */
const machineCores = new Map<number, number>();

async function scaleRun(workers: number, items: SourceItem[]): Promise<number> {
  const queue = `bench${run}w${workers}`;
  const schema = `dyad_bench_${run}_w${workers}`;
  const db = dbUrl(schema);
  const names = queueNames(queue);
  await (await openStore(db)).close(); // migrate once, before the workers start
  const nc = await connectNats(NATS, 'dyad-bench');
  const procs: ChildProcess[] = [];
  try {
    for (let i = 0; i < workers; i++) procs.push(await startWorker(queue, db));
    const cpu0 = procs.map((p) => cpuSeconds(p.pid));
    const m0 = machineTicks();
    const t0 = performance.now();
    const pub = await publishArticles(nc, names, items);
    const publishS = (performance.now() - t0) / 1000;
    if (pub.published !== items.length) throw new Error(`published ${pub.published} of ${items.length}`);
    while ((await stored(schema)) < items.length) await new Promise((r) => setTimeout(r, 100));
    const s = (performance.now() - t0) / 1000;
    const rate = items.length / s;
    const cpu = procs.reduce((sum, p, i) => sum + cpuSeconds(p.pid) - cpu0[i], 0);
    const busy = coresBusy(m0, machineTicks());
    machineCores.set(workers, busy);
    log(
      `bench: ${workers} worker${workers > 1 ? 's' : ''}: ${items.length} articles in ${s.toFixed(1)} s (published in ${publishS.toFixed(1)} s), ${rate.toFixed(0)} articles/s; ` +
        `workers used ${cpu.toFixed(1)} CPU-s, ${(items.length / cpu).toFixed(0)} articles per worker CPU-second; the machine kept ${busy.toFixed(2)} of ${cpus().length} cores busy`,
    );
    if (workers === 1) {
      const r = await sql(
        `SELECT (SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = '${schema}' AND c.relkind = 'r')::bigint AS bytes,
                (SELECT count(*) FROM "${schema}".events)::int AS events`,
      );
      const bytes = Number(r.rows[0].bytes);
      log(`bench: PostgreSQL holds ${(bytes / items.length / 1024).toFixed(1)} KB per article (tables, indexes, TOAST), ${(r.rows[0].events / items.length).toFixed(2)} events per article`);
    }
    return rate;
  } finally {
    for (const p of procs) p.kill('SIGTERM');
    await Promise.all(procs.map((p) => new Promise((r) => (p.exitCode !== null ? r(null) : p.once('exit', r)))));
    await deleteQueue(nc, names);
    await nc.close();
    await sql(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  }
}

async function embeddedRun(items: SourceItem[]): Promise<number> {
  const schema = `dyad_bench_${run}_embedded`;
  const coder = await createCoder();
  const store = await openStore(dbUrl(schema));
  try {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const summary = await ingest(
      (async function* () {
        yield* items;
      })(),
      { store, coder },
    );
    const s = (performance.now() - t0) / 1000;
    const rate = (summary.stored + summary.nearDuplicates) / s;
    const c = process.cpuUsage(cpu0);
    const cpu = (c.user + c.system) / 1e6;
    log(
      `bench: embedded (one process, no queue): ${summary.stored + summary.nearDuplicates} articles in ${s.toFixed(1)} s, ${rate.toFixed(0)} articles/s; ` +
        `${cpu.toFixed(1)} CPU-s, ${(items.length / cpu).toFixed(0)} articles per CPU-second`,
    );
    return rate;
  } finally {
    await store.close();
    await sql(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  }
}

try {
  await sql('SELECT 1');
  (await connectNats(NATS, 'dyad-bench-probe')).close();
} catch (e) {
  log(`bench: NATS (${NATS}) or PostgreSQL (${PG}) not reachable: ${(e as Error).message}; nothing to measure.`);
  process.exit(0);
}

const { items, meanChars, from } = corpus();
const load = loadavg()[0];
log(`bench: ${items.length} articles from ${from}, mean ${meanChars} characters; ${cpus().length} cores (shared with NATS and PostgreSQL), load average ${load.toFixed(1)}`);
if (load > cpus().length * 0.5) log(`bench: warning: the machine is busy (load ${load.toFixed(1)} on ${cpus().length} cores); wall-clock rates and the ratio understate what idle cores give`);
const embedded = await embeddedRun(items);
const one = await scaleRun(1, items);
const two = await scaleRun(2, items);
log(`bench: queue overhead, 1 worker against embedded: ${((1 - one / embedded) * 100).toFixed(1)}% (${one.toFixed(0)} vs ${embedded.toFixed(0)} articles/s)`);
const oneCores = machineCores.get(1) ?? 0;
if (oneCores > 0) {
  // with one worker the machine (worker, PostgreSQL, NATS, publisher) already keeps oneCores busy;
  // two workers can at most use every core, so the ratio cannot pass cores / oneCores here
  log(`bench: ceiling on this machine: ${cpus().length} cores / ${oneCores.toFixed(2)} cores busy with one worker = ratio ${(cpus().length / oneCores).toFixed(2)} at most`);
}
log(`scale: 1 worker ${one.toFixed(0)} articles/s, 2 workers ${two.toFixed(0)} articles/s, ratio ${(two / one).toFixed(2)}`);
