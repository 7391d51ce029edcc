/**
 * `npm run bench:server`: HTTP API latency on a store of about a million events.
 *
 * Store: a fresh SQLite file in a temporary directory (removed at the end),
 * created by openStore and filled in bulk with the SQLite adapter's own
 * statements and column mapping (see generateBulk; DYAD_BENCH_CHECK=1 first
 * checks it stores the same rows as Store.putArticle, which would take about
 * 3 minutes for a million events) with synthetic coded articles:
 * DYAD_BENCH_EVENTS events (default 1000000),
 * 1 to 15 per article, dated over 2021–2024, between 60 countries whose
 * shares fall off like news coverage does (Zipf: the first country is in
 * about a fifth of the events), with role codes (ISRGOV, RUSMIL…), some
 * events without a target and some negated ones.
 *
 * Server: the real one (startServer, the API only) in a child process on
 * 127.0.0.1, port 0, over the store opened read-only, as `dyad serve` does;
 * autocannon (programmatic, in this process) drives it for
 * DYAD_BENCH_SECONDS seconds per endpoint (default 10) with
 * DYAD_BENCH_CONNECTIONS connections (default 4). Requests go round a set
 * of the busiest dyads:
 *   /api/events?source=S&target=T&from=Y-01-01&to=Y-12-31&limit=50
 *   /api/dyads?source=S&target=T&by=month
 *
 * The last line is parsed by scripts and must keep its form:
 *   server: events p99 <A> ms, dyads p99 <B> ms, <R> req/s
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import type { CodedArticle, EventRecord } from '../src/model/index.ts';
import { eventColumns, nowIso, packCoded } from '../src/store/shared.ts';
import { openStore, type ArticleWrite } from '../src/store/index.ts';
import { envInt, rng } from './support.ts';

const log = (line: string) => void process.stdout.write(`${line}\n`);

const COUNTRIES =
  'USA RUS CHN UKR ISR IRN GBR FRA DEU TUR PSE SYR IND JPN SAU PAK AFG IRQ KOR PRK EGY LBN YEM QAT ARE VEN MEX BRA COL ARG NGA ETH KEN SOM SDN SSD COD ZAF POL HUN ITA ESP GRC SRB BLR GEO ARM AZE KAZ UZB IDN PHL MMR THA VNM AUS CAN CUB LBY JOR'.split(
    ' ',
  );
const ROLES = ['', '', '', 'GOV', 'GOV', 'MIL', 'COP', 'OPP', 'BUS', 'CVL', 'LEG', 'JUD'];
const CODES: Array<[string, string, 1 | 2 | 3 | 4, number, string]> = [
  ['010', '01', 1, 0, 'said'], ['036', '03', 1, 4, 'offered'], ['042', '04', 1, 1.9, 'visited'], ['043', '04', 1, 2.8, 'hosted'],
  ['046', '04', 1, 7, 'negotiated with'], ['051', '05', 1, 3.4, 'praised'], ['057', '05', 1, 8, 'signed an agreement with'],
  ['061', '06', 2, 6.4, 'cooperated with'], ['071', '07', 2, 7.4, 'sent aid to'], ['0874', '08', 2, 10, 'withdrew troops from'],
  ['111', '11', 3, -2, 'criticized'], ['112', '11', 3, -2, 'accused'], ['120', '12', 3, -4, 'rejected'], ['130', '13', 3, -4.4, 'threatened'],
  ['163', '16', 3, -8, 'imposed sanctions on'], ['173', '17', 4, -5, 'arrested'], ['190', '19', 4, -10, 'attacked'], ['195', '19', 4, -10, 'bombed'],
];
const DAY0 = Date.UTC(2021, 0, 1);
const DAYS = 4 * 365 + 1; // 2021–2024

interface Synthetic {
  id: string;
  date: string;
  text: string;
  publisher: string;
  coded: CodedArticle;
}

/** Synthetic coded articles holding `total` events in all (seeded: the same every run). */
function* articles(total: number): Generator<Synthetic> {
  const r = rng(2021);
  // Zipf weights: country i is picked with probability ∝ 1/(i+1)
  const cumulative: number[] = [];
  let sum = 0;
  for (let i = 0; i < COUNTRIES.length; i++) cumulative.push((sum += 1 / (i + 1)));
  const country = () => {
    const x = r() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return COUNTRIES[lo];
  };
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const day = (d: number) => new Date(DAY0 + d * 86_400_000).toISOString().slice(0, 10);
  let events = 0;
  for (let a = 0; events < total; a++) {
    const d = Math.floor(r() * DAYS);
    const date = day(d);
    const n = Math.min(1 + Math.floor(r() * 15), total - events);
    const sentences: CodedArticle['sentences'] = [];
    const records: EventRecord[] = [];
    let text = `Report ${a} of ${date}\n\n`;
    for (let i = 0; i < n; i++) {
      const s = country();
      let t: string | null = r() < 0.1 ? null : country();
      if (t === s && r() < 0.7) t = country(); // mostly between two countries
      const [code, root, quadClass, goldstein, verb] = pick(CODES);
      const sourceCode = s + pick(ROLES);
      const targetCode = t === null ? null : t + pick(ROLES);
      const prefix = `Officials of ${sourceCode} `;
      const sentence = `${prefix}${verb}${targetCode ? ` ${targetCode}` : ''} on ${date}, according to sources.`;
      const start = text.length;
      text += sentence + ' ';
      sentences.push({ text: sentence, start, end: start + sentence.length });
      const srcSpan = { text: sourceCode, start: start + 13, end: start + 13 + sourceCode.length };
      const verbSpan = { text: verb, start: start + prefix.length, end: start + prefix.length + verb.length };
      const tgtSpan = targetCode ? { code: targetCode, text: targetCode, start: verbSpan.end + 1, end: verbSpan.end + 1 + targetCode.length } : null;
      const back = r() < 0.2 ? Math.floor(r() * 7) : 0; // some events happened a few days before publication
      records.push({
        sentence: i,
        source: { code: sourceCode, ...srcSpan },
        target: tgtSpan,
        code,
        root,
        quadClass,
        goldstein,
        verb: verbSpan,
        negated: r() < 0.03,
        date: day(Math.max(0, d - back)),
        dateSource: back ? 'text' : 'published',
      } as EventRecord);
    }
    const id = `bench-server-${a.toString(36)}`;
    yield { id, date, text, publisher: `publisher-${a % 40}`, coded: { id, date, sentences, events: records } };
    events += n;
  }
}

const write = (x: Synthetic): ArticleWrite => ({ id: x.id, hash: `h-${x.id}`, source: 'bench', publisher: x.publisher, title: `Report ${x.id}`, text: x.text, date: x.date, coded: x.coded });

/** Through Store.putArticle, one transaction per article (as dyad ingest writes): about 10,000 events/s here. */
async function generateWithStore(path: string, total: number): Promise<number> {
  const store = await openStore(path);
  let n = 0;
  for (const x of articles(total)) {
    await store.putArticle(write(x));
    n++;
  }
  await store.close();
  return n;
}

/**
 * The same rows in bulk: the store is created (and migrated) by openStore,
 * then the articles are inserted with the SQLite adapter's own statements and
 * column mapping (shared.ts), 5,000 articles per transaction. With
 * DYAD_BENCH_CHECK set, the bench first checks that both paths store
 * identical rows for a small corpus.
 */
async function generateBulk(path: string, total: number): Promise<number> {
  await (await openStore(path)).close();
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  const insert = db.prepare(`INSERT INTO articles
    (id, hash, source, feed, url, publisher, title, date, text, dict_version, fingerprint,
     duplicate_of, coded, num_events, tone, added_at)
    VALUES (@id, @hash, @source, @feed, @url, @publisher, @title, @date, @text, @dictVersion, @fingerprint,
     @duplicateOf, @coded, @numEvents, @tone, @addedAt)`);
  const insertEvent = db.prepare(`INSERT INTO events
    (doc, n, date, source_code, source_country, target_code, target_country, code, root, quad_class, goldstein, counted, record, sentence, sent_start, sent_end)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const batch = db.transaction((xs: ArticleWrite[]) => {
    for (const w of xs) {
      const coded = w.coded!;
      const doc = Number(
        insert.run({
          id: w.id, hash: w.hash, source: w.source, feed: null, url: null, publisher: w.publisher, title: w.title ?? null, date: w.date ?? null,
          text: w.text, dictVersion: coded.dictionaryVersion ?? null, fingerprint: null, duplicateOf: null, coded: packCoded(coded, w.text),
          numEvents: coded.events.length, tone: coded.tone ?? null, addedAt: nowIso(),
        }).lastInsertRowid,
      );
      coded.events.forEach((e, n) => {
        const c = eventColumns(e, w.date ?? coded.date ?? null, coded);
        insertEvent.run(doc, n, c.date, c.sourceCode, c.sourceCountry, c.targetCode, c.targetCountry, c.code, c.root, c.quadClass, c.goldstein, c.counted ? 1 : 0, c.record, c.sentence, c.sentStart, c.sentEnd);
      });
    }
  });
  let n = 0;
  let pending: ArticleWrite[] = [];
  for (const x of articles(total)) {
    pending.push(write(x));
    n++;
    if (pending.length === 5000) {
      batch(pending);
      pending = [];
    }
  }
  batch(pending);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return n;
}

/** Both paths give the same rows (added_at aside): checked on a small corpus. */
async function checkBulk(dir: string): Promise<void> {
  const a = join(dir, 'check-store.db');
  const b = join(dir, 'check-bulk.db');
  await generateWithStore(a, 5000);
  await generateBulk(b, 5000);
  const dump = (p: string) => {
    const db = new Database(p, { readonly: true });
    const out = JSON.stringify([
      db.prepare('SELECT * FROM articles ORDER BY doc').all().map((r) => ({ ...(r as object), added_at: null })),
      db.prepare('SELECT * FROM events ORDER BY eid').all(),
      db.prepare('SELECT * FROM quotes ORDER BY qid').all(),
      db.prepare("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'officials' ORDER BY rowid").all(),
    ]);
    db.close();
    return out;
  };
  if (dump(a) !== dump(b)) throw new Error('bench: the bulk path stores other rows than Store.putArticle');
  log('bench: check: the bulk path and Store.putArticle store identical rows (5,000 events)');
}

// ---- child: the real server over the store, read-only
if (process.argv[2] === '--serve') {
  const { startServer } = await import('../src/server/index.ts');
  const store = await openStore(process.argv[3], { readonly: true });
  const coder = {
    code(): never {
      throw new Error('bench server: no coder');
    },
  };
  const server = await startServer({ store, coder, port: 0, host: '127.0.0.1', webDir: null });
  process.send!({ url: server.url });
  process.on('disconnect', () => process.exit(0));
  process.on('message', async () => {
    await server.close();
    await store.close();
    process.exit(0);
  });
} else {
  await main();
}

async function main(): Promise<void> {
  const EVENTS = envInt('DYAD_BENCH_EVENTS', 1_000_000);
  const SECONDS = envInt('DYAD_BENCH_SECONDS', 10);
  const CONNECTIONS = envInt('DYAD_BENCH_CONNECTIONS', 4);
  const { default: autocannon } = await import('autocannon');

  const dir = mkdtempSync(join(tmpdir(), 'dyad-bench-server-'));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  process.on('exit', cleanup);
  const dbPath = join(dir, 'bench.db');

  if (process.env.DYAD_BENCH_CHECK) await checkBulk(dir);
  const t0 = performance.now();
  const count = await generateBulk(dbPath, EVENTS);
  log(
    `bench: ${EVENTS} events in ${count} articles (2021–2024, ${COUNTRIES.length} countries) stored in ${((performance.now() - t0) / 1000).toFixed(1)} s (bulk inserts, the SQLite adapter's schema and rows); ` +
      `database ${(statSync(dbPath).size / 1e6).toFixed(0)} MB`,
  );

  const child = fork(fileURLToPath(import.meta.url), ['--serve', dbPath], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  process.on('exit', () => child.kill());
  const url = await new Promise<string>((ok, fail) => {
    child.once('message', (m) => ok((m as { url: string }).url));
    child.once('exit', (code) => fail(new Error(`bench server exited (${code})`)));
  });

  // the busiest dyads (the first countries are the most covered), each over one year
  const pairs: Array<[string, string]> = [];
  for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) if (i !== j) pairs.push([COUNTRIES[i], COUNTRIES[j]]);
  const years = [2021, 2022, 2023, 2024];
  const eventPaths = pairs.flatMap(([s, t]) => years.map((y) => `/api/events?source=${s}&target=${t}&from=${y}-01-01&to=${y}-12-31&limit=50`));
  const dyadPaths = pairs.map(([s, t]) => `/api/dyads?source=${s}&target=${t}&by=month`);

  // what one request returns (sanity check and context for the figures)
  const first = (await (await fetch(url + eventPaths[0])).json()) as { items: unknown[]; total: number };
  const dyads = (await (await fetch(url + dyadPaths[0])).json()) as { items: Array<{ events: number }>; total: number };
  if (first.items.length !== 50 || dyads.total < 1) throw new Error('bench: the server answered without data');
  log(`bench: ${eventPaths[0]} → ${first.items.length} of ${first.total} events; ${dyadPaths[0]} → ${dyads.total} months, ${dyads.items.reduce((n, d) => n + d.events, 0)} events`);

  const run = async (name: string, paths: string[]) => {
    let k = 0;
    const result = await autocannon({
      url,
      connections: CONNECTIONS,
      duration: SECONDS,
      requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[k++ % paths.length] }) }],
    });
    const bad = result.errors + result.timeouts + result.non2xx;
    if (bad) throw new Error(`bench: ${name}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx answers`);
    log(
      `${name}: p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms, ` +
        `${Math.round(result.requests.average)} req/s (${result.requests.total} requests, ${CONNECTIONS} connections, ${SECONDS} s, ${paths.length} queries in turn)`,
    );
    return result;
  };
  const events = await run('/api/events', eventPaths);
  const dyadRun = await run('/api/dyads', dyadPaths);

  child.send('stop');
  await new Promise((ok) => child.once('exit', ok));
  cleanup();
  log(`server: events p99 ${events.latency.p99} ms, dyads p99 ${dyadRun.latency.p99} ms, ${Math.round(events.requests.average)} req/s`);
}
