/**
 * `npm run bench`: coding speed on real news text, against wink-nlp tokenisation alone.
 *
 * Corpus: the article texts of ../shared/eval/polnear-dev/records.jsonl, repeated
 * until they hold at least DYAD_BENCH_SENTENCES sentences (default 200000, counted
 * by wink-nlp). Coder: the full PETRARCH2 dictionaries (../shared/dictionaries/petrarch2).
 * One process: warm-up, then up to 3 passes of tokenizer-only and coding over the
 * same documents, as many as fit in DYAD_BENCH_BUDGET_S seconds (default 150);
 * rates are medians over the passes. Tokens are counted by wink-nlp for both.
 *
 * The process runs with the garbage-collector setting of the `dyad` CLI (src/cli/heap.ts), so
 * speed and peak RSS are what `dyad code` gets.
 *
 * The last line is parsed by scripts and must keep its form:
 *   bench: coding <S> sentences/s, tokenizer <T> sentences/s, ratio <S/T>, load <L> ms, peak RSS <M> MB
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { tuneHeapForBatch } from '../src/cli/heap.ts';
import { createCoder } from '../src/events/index.ts';
import { WINK_PIPE } from '../src/text/index.ts';
import { envInt, median } from './support.ts';

const SHARED = fileURLToPath(new URL('../../shared/', import.meta.url));
const CORPUS = `${SHARED}eval/polnear-dev/records.jsonl`;
const DICTS = `${SHARED}dictionaries/petrarch2`;
const TARGET_SENTENCES = envInt('DYAD_BENCH_SENTENCES', 200_000);
const BUDGET_MS = envInt('DYAD_BENCH_BUDGET_S', 150) * 1000;
const MAX_PASSES = 3;

interface Doc {
  id: string;
  date: string | undefined;
  text: string;
}

interface PassResult {
  ms: number;
  sentences: number;
  tokens: number;
}

tuneHeapForBatch();

// ---- peak memory: sampled inside the (synchronous) loops, plus the OS high-water mark
let sampledPeak = 0;
const sampleRss = (): void => {
  const rss = process.memoryUsage.rss();
  if (rss > sampledPeak) sampledPeak = rss;
};

const started = performance.now();
const log = (line: string): void => void process.stdout.write(`${line}\n`);

if (!existsSync(CORPUS) || !existsSync(DICTS)) {
  log(`bench: ../shared is not present (looked for ${CORPUS} and ${DICTS}).`);
  log('bench: the benchmark needs the shared corpus and the PETRARCH2 dictionaries next to the project; nothing to measure.');
  process.exit(0);
}

// ---- corpus
// the same wink-nlp pipeline as Dyad's text layer, so the ratio measures Dyad's own work
const nlp = winkNLP(model, WINK_PIPE);
const its = nlp.its;

const unique = new Map<string, Doc>();
for (const line of readFileSync(CORPUS, 'utf8').split('\n')) {
  if (line.trim() === '') continue;
  const r = JSON.parse(line) as { article?: string; id?: string; date?: string; text?: string };
  if (typeof r.text !== 'string' || r.text.trim() === '' || unique.has(r.text)) continue;
  unique.set(r.text, { id: r.article ?? r.id ?? `doc${unique.size}`, date: r.date, text: r.text });
}
const articles = [...unique.values()];
if (articles.length === 0) {
  log(`bench: no article texts in ${CORPUS}; nothing to measure.`);
  process.exit(0);
}
const sentencesPerArticle = articles.map((a) => nlp.readDoc(a.text).sentences().length());
const docs: Doc[] = [];
let corpusSentences = 0;
for (let copy = 0; corpusSentences < TARGET_SENTENCES; copy++) {
  for (let i = 0; i < articles.length && corpusSentences < TARGET_SENTENCES; i++) {
    docs.push({ ...articles[i]!, id: `${articles[i]!.id}#${copy}` });
    corpusSentences += sentencesPerArticle[i]!;
  }
}
const chars = docs.reduce((n, d) => n + d.text.length, 0);
log(`bench: corpus ${articles.length} PolNeAR articles repeated to ${fmt(docs.length)} documents, ` +
  `${fmt(corpusSentences)} sentences (wink-nlp), ${(chars / 1e6).toFixed(1)} M characters`);

// ---- coder
sampleRss();
// The event coder alone (issue #2's measure); the later stages (entities, quotes, dates,
// places, tone) are measured once at the end, on a quarter of the corpus.
const coder = await createCoder({ dictDirs: [DICTS], stages: [] });
sampleRss();
const stub = coder.dictionaryVersion === 'stub';
log(`bench: PETRARCH2 dictionaries loaded in ${Math.round(coder.loadMs)} ms (version ${coder.dictionaryVersion})`);
if (stub) log('bench: the coder is still the stub: coding figures are meaningless');

function tokenizePass(list: readonly Doc[]): PassResult {
  const t0 = performance.now();
  let sentences = 0;
  let tokens = 0;
  for (let i = 0; i < list.length; i++) {
    const doc = nlp.readDoc(list[i]!.text);
    sentences += doc.sentences().length();
    tokens += doc.tokens().out(its.value).length;
    doc.tokens().out(its.pos);
    if ((i & 15) === 0) sampleRss();
  }
  sampleRss();
  return { ms: performance.now() - t0, sentences, tokens };
}

let eventsCoded = 0;
function codingPass(list: readonly Doc[], tokensInList: number): PassResult {
  const t0 = performance.now();
  let sentences = 0;
  let events = 0;
  for (let i = 0; i < list.length; i++) {
    const d = list[i]!;
    const result = coder.code({ id: d.id, text: d.text, date: d.date });
    sentences += result.sentences.length;
    events += result.events.length;
    if ((i & 15) === 0) sampleRss();
  }
  sampleRss();
  eventsCoded = events;
  return { ms: performance.now() - t0, sentences, tokens: tokensInList };
}

// ---- warm-up: every distinct article through both, twice
for (let i = 0; i < 2; i++) {
  tokenizePass(articles);
  codingPass(articles, 0);
}

// ---- measured passes, alternating, as many as the time budget allows
const tok: PassResult[] = [];
const cod: PassResult[] = [];
for (let pass = 1; pass <= MAX_PASSES; pass++) {
  const t = tokenizePass(docs);
  const c = codingPass(docs, t.tokens);
  tok.push(t);
  cod.push(c);
  log(`pass ${pass}: tokenizer ${(t.ms / 1000).toFixed(1)} s, ${fmt(rate(t.sentences, t.ms))} sentences/s, ${fmt(rate(t.tokens, t.ms))} tokens/s; ` +
    `coding ${(c.ms / 1000).toFixed(1)} s, ${fmt(rate(c.sentences, c.ms))} sentences/s, ${fmt(rate(c.tokens, c.ms))} tokens/s, ${fmt(eventsCoded)} events`);
  const elapsed = performance.now() - started;
  if (elapsed + t.ms + c.ms > BUDGET_MS) break;
}

// ---- the full pipeline, after the coder's figures are taken (its peak RSS is reported apart)
const coderPeak = Math.max(sampledPeak, process.resourceUsage().maxRSS * 1024);
const pipeline = await createCoder({ dictDirs: [DICTS] });
const quarter = docs.slice(0, Math.max(1, docs.length >> 2));
const pipelineTok = tokenizePass(quarter);
const p0 = performance.now();
let pipelineSentences = 0;
for (let i = 0; i < quarter.length; i++) {
  pipelineSentences += pipeline.code({ id: quarter[i]!.id, text: quarter[i]!.text, date: quarter[i]!.date }).sentences.length;
  if ((i & 15) === 0) sampleRss();
}
const pipelineSps = rate(pipelineSentences, performance.now() - p0);
const pipelineTokSps = rate(pipelineTok.sentences, pipelineTok.ms);

// ---- results
const codingSps = median(cod.map((c) => rate(c.sentences, c.ms)));
const codingTps = median(cod.map((c) => rate(c.tokens, c.ms)));
const tokSps = median(tok.map((t) => rate(t.sentences, t.ms)));
const tokTps = median(tok.map((t) => rate(t.tokens, t.ms)));
const ratio = tokSps === 0 ? 0 : codingSps / tokSps;
const peakMb = coderPeak / 2 ** 20;
const pipelinePeakMb = Math.max(sampledPeak, process.resourceUsage().maxRSS * 1024) / 2 ** 20;
const loadMs = Math.round(coder.loadMs);

log('');
log(`results (median of ${cod.length} pass${cod.length === 1 ? '' : 'es'}, ${((performance.now() - started) / 1000).toFixed(0)} s in all):`);
log(`  dictionary load     ${fmt(loadMs)} ms`);
log(`  coding              ${fmt(codingSps)} sentences/s, ${fmt(codingTps)} tokens/s (coder's sentences, wink-nlp tokens)`);
log(`  tokenizer only      ${fmt(tokSps)} sentences/s, ${fmt(tokTps)} tokens/s (wink-nlp readDoc with Dyad's pipeline ${WINK_PIPE.join(', ')}: sentences, tokens, POS)`);
log(`  coding / tokenizer  ${ratio.toFixed(2)}`);
log(`  peak RSS            ${Math.round(peakMb)} MB`);
log(`  full pipeline       ${fmt(pipelineSps)} sentences/s on ${fmt(pipelineSentences)} sentences (all stages: entities, quotes, dates, places, PLOVER, tone), ` +
  `ratio ${(pipelineTokSps === 0 ? 0 : pipelineSps / pipelineTokSps).toFixed(2)} to the tokenizer, peak RSS ${Math.round(pipelinePeakMb)} MB`);
if (stub) log('  (stub coder: coding figures are meaningless)');
log(`bench: coding ${Math.round(codingSps)} sentences/s, tokenizer ${Math.round(tokSps)} sentences/s, ` +
  `ratio ${ratio.toFixed(2)}, load ${loadMs} ms, peak RSS ${Math.round(peakMb)} MB`);

// ---- helpers
function rate(n: number, ms: number): number {
  return ms <= 0 ? 0 : (n * 1000) / ms;
}

function fmt(x: number): string {
  return Math.round(x).toLocaleString('en-US');
}

