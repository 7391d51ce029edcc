/**
 * `npm run bench:ingest`: ingest speed into a fresh SQLite file, then dyad
 * query latency on a store of about a million events.
 *
 * Corpus: articles generated from the texts of ../shared/eval/polnear-dev
 * (2016 US political news): each is a headline and 3 to 6 paragraphs drawn
 * from those texts with a seeded generator, with its own id and a date in
 * 2016, so no two are copies (DYAD_BENCH_ARTICLES, default 20000). They are
 * written to one JSON Lines file and ingested as `dyad ingest` does it, in
 * one process on one core: read, hash, fingerprint, near-duplicate lookup,
 * code (Dyad's built-in dictionaries and every pipeline stage), store each
 * article in its own transaction. Dictionary loading is timed apart.
 *
 * Query latency: synthetic events are then added until the store holds
 * DYAD_BENCH_EVENTS events (default 1000000; 0 skips this part), spread over
 * 60 countries and the year 2016, and one dyad over that year is asked for
 * (dyadDays and the events themselves); medians of 15 runs.
 *
 * The process runs with the `dyad` CLI's garbage-collector setting (src/cli/heap.ts).
 *
 * The last line is parsed by scripts and must keep its form:
 *   ingest: <N> articles in <T> s, <R> articles/s, <E> events/s
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tuneHeapForBatch } from '../src/cli/heap.ts';
import { createCoder } from '../src/index.ts';
import { ingest, readSources } from '../src/ingest/index.ts';
import type { CodedArticle, EventRecord } from '../src/model/index.ts';
import { openStore, type Store } from '../src/store/index.ts';
import { envInt, median, rng } from './support.ts';

const CORPUS = fileURLToPath(new URL('../../shared/eval/polnear-dev/records.jsonl', import.meta.url));
const ARTICLES = envInt('DYAD_BENCH_ARTICLES', 20_000);
const EVENTS = envInt('DYAD_BENCH_EVENTS', 1_000_000, { zeroOk: true });
const log = (line: string) => void process.stdout.write(`${line}\n`);
tuneHeapForBatch();

if (!existsSync(CORPUS)) {
  log(`bench: ../shared is not present (looked for ${CORPUS}); nothing to measure.`);
  process.exit(0);
}

// ---- corpus
const texts = new Map<string, { title: string; text: string }>();
for (const line of readFileSync(CORPUS, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const r = JSON.parse(line) as { article: string; title: string; text: string };
  texts.set(r.article, { title: r.title, text: r.text });
}
const sources = [...texts.values()];
const paragraphs = sources.flatMap((s) => s.text.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p.split(/\s+/).length >= 8));
const random = rng(2016);
const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];

const dir = mkdtempSync(join(tmpdir(), 'dyad-bench-ingest-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const jsonl = join(dir, 'articles.jsonl');
const lines: string[] = [];
let chars = 0;
for (let i = 0; i < ARTICLES; i++) {
  const n = 3 + Math.floor(random() * 4);
  const body = Array.from({ length: n }, () => pick(paragraphs)).join('\n\n');
  const title = pick(sources).title;
  const day = new Date(Date.UTC(2016, 0, 1 + Math.floor(random() * 366))).toISOString().slice(0, 10);
  const text = `${title}\n\n${body}`;
  chars += text.length;
  lines.push(JSON.stringify({ id: `polnear-bench-${i.toString(36)}-${Math.floor(random() * 1e9).toString(36)}`, title, date: day, text }));
}
writeFileSync(jsonl, lines.join('\n') + '\n');
log(`bench: ${ARTICLES} articles generated from ${sources.length} PolNeAR texts (${paragraphs.length} paragraphs), mean ${Math.round(chars / ARTICLES)} characters, ${(statSync(jsonl).size / 1e6).toFixed(1)} MB of JSON Lines`);

// ---- ingest
const dbPath = join(dir, 'bench.db');
const t0 = performance.now();
const coder = await createCoder({});
const loadMs = performance.now() - t0;
const store = await openStore(dbPath);
const t1 = performance.now();
const summary = await ingest(readSources([{ kind: 'path', path: jsonl }]), { store, coder });
const seconds = (performance.now() - t1) / 1000;
const stats = await store.stats();
log(
  `bench: dictionaries loaded in ${Math.round(loadMs)} ms; stored ${summary.stored}, duplicates ${summary.duplicates}, ` +
    `near-duplicates ${summary.nearDuplicates}, failed ${summary.failed.length}; ${stats.events} events; ` +
    `database ${(statSync(dbPath).size / 1e6).toFixed(0)} MB (+WAL); peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
);
const ingestLine = `ingest: ${summary.stored + summary.nearDuplicates} articles in ${seconds.toFixed(1)} s, ${Math.round((summary.stored + summary.nearDuplicates) / seconds)} articles/s, ${Math.round(summary.events / seconds)} events/s`;

// ---- query latency on ~1M events
if (EVENTS > stats.events) await addSyntheticEvents(store, EVENTS - stats.events);
if (EVENTS > 0) {
  const total = (await store.stats()).events;
  const filter = { source: 'ISR', target: 'RUS', from: '2016-01-01', to: '2016-12-31' };
  const dyadMs = median(await timeRuns(15, async () => (await store.dyadDays(filter)).length));
  const eventsMs = median(
    await timeRuns(15, async () => {
      let n = 0;
      for await (const _ of store.events(filter)) n++;
      return n;
    }),
  );
  let dyadEvents = 0;
  for (const d of await store.dyadDays(filter)) dyadEvents += d.events;
  log(`query: ${total} events stored; one dyad (ISR→RUS) over 2016: ${dyadEvents} events, dyad summary ${dyadMs.toFixed(1)} ms, event rows ${eventsMs.toFixed(1)} ms (medians of 15)`);
}
await store.close();
log(ingestLine);

async function timeRuns(n: number, fn: () => Promise<number>): Promise<number[]> {
  await fn(); // warm
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

/** Synthetic articles of 1000 events each: 60 countries, random codes, dates over 2016. */
async function addSyntheticEvents(store: Store, count: number): Promise<void> {
  const t = performance.now();
  const countries = 'ISR RUS USA UKR CHN IRN SYR TUR DEU FRA GBR JPN IND PAK AFG IRQ SAU EGY LBY YEM PSE LBN JOR QAT ARE KOR PRK VEN COL MEX BRA ARG NGA ETH KEN SOM SDN SSD COD ZAF POL HUN ITA ESP GRC SRB BLR GEO ARM AZE KAZ UZB IDN PHL MMR THA VNM AUS CAN CUB'.split(' ');
  const codes: Array<[string, string, 1 | 2 | 3 | 4, number]> = [
    ['042', '04', 1, 1.9], ['043', '04', 1, 2.8], ['051', '05', 1, 3.4], ['061', '06', 2, 6.4], ['071', '07', 2, 7.4],
    ['112', '11', 3, -2], ['120', '12', 3, -4], ['130', '13', 3, -4.4], ['173', '17', 4, -5], ['190', '19', 4, -10],
  ];
  const r = rng(61);
  const span = { text: 'x', start: 0, end: 1 };
  const PER = 1000;
  for (let a = 0; a * PER < count; a++) {
    const events: EventRecord[] = [];
    for (let i = 0; i < Math.min(PER, count - a * PER); i++) {
      const [code, root, quadClass, goldstein] = codes[Math.floor(r() * codes.length)];
      const s = countries[Math.floor(r() * countries.length)];
      const tg = countries[Math.floor(r() * countries.length)];
      const date = new Date(Date.UTC(2016, 0, 1 + Math.floor(r() * 366))).toISOString().slice(0, 10);
      events.push({ sentence: 0, source: { code: s + 'GOV', ...span }, target: { code: tg, ...span }, code, root, quadClass, goldstein, verb: span, negated: false, date });
    }
    const text = `Synthetic article ${a} for query timing.`;
    const coded: CodedArticle = { id: `synthetic-${a}`, date: '2016-07-01', sentences: [{ start: 0, end: text.length, text }], events };
    await store.putArticle({ id: coded.id, hash: `synthetic-${a}`, source: 'bench', publisher: 'bench', text, date: coded.date, coded });
  }
  log(`bench: added ${count} synthetic events in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}
