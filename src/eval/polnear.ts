/**
 * `dyad eval polnear DIR`: quote attribution scored on PolNeAR (2016 US news,
 * every attribution annotated with its source, cue and content spans).
 *
 * Matching rules:
 * - Words are runs of letters and digits; a span holds the words that start
 *   inside it. A gold content is the union of its spans; a predicted content is
 *   the quote's `parts` when it has them, else [start, end).
 * - A predicted quote matches a gold attribution when it covers at least 50% of
 *   the gold content's words. Each gold and each prediction is matched at most
 *   once (greedy, best coverage first). Precision = matched / predicted, recall =
 *   matched / gold (gold contents without words are left out).
 * - Strict figures also require the prediction's words to be at least 50% gold.
 * - Speaker accuracy: among matched pairs, the predicted speaker span overlaps
 *   (by at least one character) a gold source span; when the gold has no
 *   source, a null speaker is right and any speaker wrong.
 *
 * Each annotated record is scored on its own (a few articles were annotated twice).
 */
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createCoder, type Coder } from '../events/index.ts';
import { DyadError, type QuoteRecord } from '../model/index.ts';
import { quotesStage } from '../quotes/index.ts';
import { analyze, lexicon } from '../text/index.ts';
import type { EvalIO } from './run.ts';

export interface CharSpan {
  start: number;
  end: number;
}

export interface PolnearAttribution {
  id: string;
  source: CharSpan[];
  cue: CharSpan[];
  content: CharSpan[];
  quoteMarks: boolean;
}

export interface PolnearRecord {
  id: string;
  article: string;
  /** YYYY-MM-DD, or undefined. */
  date?: string;
  text: string;
  attributions: PolnearAttribution[];
  /** 1-based line in records.jsonl. */
  line: number;
}

export interface PolnearOptions {
  dir: string;
  dictDirs?: string[];
  json?: boolean;
  /** Human output: also list every missed gold content and every unmatched prediction. */
  verbose?: boolean;
}

export interface Counts {
  gold: number;
  predicted: number;
  matched: number;
}

export interface PolnearMiss {
  record: string;
  /** "missed": a gold content nothing matched; "extra": a prediction matching no gold; "speaker": matched, wrong speaker. */
  type: 'missed' | 'extra' | 'speaker';
  content: string;
  speaker: string | null;
  cue: string;
  /** For "speaker": the gold source. */
  expected?: string | null;
}

export interface PolnearReport {
  suite: 'polnear';
  /** Annotated records scored (an article annotated twice counts twice). */
  records: number;
  articles: number;
  precision: number;
  recall: number;
  f1: number;
  speakerAccuracy: number;
  contentsGold: number;
  contentsPredicted: number;
  contentsMatched: number;
  speakersCorrect: number;
  speakersScored: number;
  /** Overlap of at least 50% both ways. */
  strict: { precision: number; recall: number; f1: number; matched: number };
  /** Recall by whether the gold content carries quotation marks. */
  recallByMarks: { quoted: Counts; unquoted: Counts };
  /**
   * Recall by the gold cue: a speech verb of data/lexicons/speech-cues.txt ("said", "told", "according to")
   * or anything else PolNeAR counts as attribution ("shows", "wants", "is frustrated", "'s claim").
   */
  recallByCue: { speech: Counts; other: Counts };
  /** Precision by predicted kind. */
  precisionByKind: Record<QuoteRecord['kind'], Counts>;
  recordsErrored: number;
  dictionaryVersion: string;
  loadMs: number;
  codingMs: number;
  /** Only with `verbose`. */
  errors?: PolnearMiss[];
}

export const POLNEAR_RECORDS = 'records.jsonl';

/** Reads `<dir>/records.jsonl`; throws DyadError 'INPUT' naming the folder, file or line. */
export async function loadPolnear(dir: string): Promise<PolnearRecord[]> {
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) {
    throw new DyadError('INPUT', `PolNeAR folder not found: ${dir}. Give the folder that holds ${POLNEAR_RECORDS}, e.g. ../shared/eval/polnear-dev`);
  }
  const file = join(dir, POLNEAR_RECORDS);
  const content = await readFile(file, 'utf8').catch(() => null);
  if (content === null) throw new DyadError('INPUT', `no ${POLNEAR_RECORDS} in ${dir}`);
  const records: PolnearRecord[] = [];
  const lines = content.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].trim();
    if (raw !== '') records.push(parsePolnearRecord(raw, file, i + 1));
  }
  if (records.length === 0) throw new DyadError('INPUT', 'the file holds no records', { file });
  return records;
}

/** Parses one line of PolNeAR's records.jsonl. Exported for tests. */
export function parsePolnearRecord(raw: string, file: string, line: number): PolnearRecord {
  const fail = (why: string): never => {
    throw new DyadError('INPUT', `malformed PolNeAR record on line ${line}: ${why}`, { file, line });
  };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (err) {
    return fail(`not valid JSON (${(err as Error).message})`);
  }
  if (!isObject(value)) return fail('expected a JSON object');
  const { id, article, date, text, attributions } = value;
  if (typeof id !== 'string' || id === '') fail('"id" must be a non-empty string');
  if (typeof text !== 'string') fail('"text" must be a string');
  if (!Array.isArray(attributions)) return fail('"attributions" must be an array');
  const spans = (v: unknown, where: string): CharSpan[] => {
    if (!Array.isArray(v)) return fail(`${where} must be an array of {start, end}`);
    return v.map((s: unknown, k) => {
      if (!isObject(s) || !Number.isInteger(s.start) || !Number.isInteger(s.end) || (s.start as number) > (s.end as number)) {
        return fail(`${where}[${k}] must be {start, end} with start <= end`);
      }
      if ((s.end as number) > (text as string).length) fail(`${where}[${k}] ends past the text`);
      return { start: s.start as number, end: s.end as number };
    });
  };
  const list = attributions.map((a: unknown, k): PolnearAttribution => {
    if (!isObject(a)) return fail(`"attributions"[${k}] must be an object`);
    return {
      id: typeof a.id === 'string' ? a.id : String(k),
      source: spans(a.source ?? [], `"attributions"[${k}].source`),
      cue: spans(a.cue ?? [], `"attributions"[${k}].cue`),
      content: spans(a.content ?? [], `"attributions"[${k}].content`),
      quoteMarks: a.has_quote_marks === true,
    };
  });
  return {
    id: id as string,
    article: typeof article === 'string' ? article : (id as string),
    ...(typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) && { date }),
    text: text as string,
    attributions: list,
    line,
  };
}

/** Word ranges [first, last) of each span, over one text's words. */
class Words {
  private readonly starts: number[] = [];
  constructor(text: string) {
    for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) this.starts.push(m.index);
  }
  /** Words starting in [start, end). */
  range(span: CharSpan): [number, number] {
    return [this.lowerBound(span.start), this.lowerBound(span.end)];
  }
  private lowerBound(x: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

type Ranges = Array<[number, number]>;
const size = (r: Ranges) => r.reduce((s, [a, b]) => s + (b - a), 0);
function overlap(x: Ranges, y: Ranges): number {
  let n = 0;
  for (const [a, b] of x) for (const [c, d] of y) n += Math.max(0, Math.min(b, d) - Math.max(a, c));
  return n;
}
const touches = (x: CharSpan, y: CharSpan) => x.start < y.end && y.start < x.end;

export interface RecordScore {
  gold: number;
  predicted: number;
  matched: number;
  strictMatched: number;
  speakersCorrect: number;
  quoted: Counts;
  unquoted: Counts;
  speechCue: Counts;
  otherCue: Counts;
  byKind: Record<QuoteRecord['kind'], Counts>;
  /** Indices of unmatched gold attributions and predictions. */
  missed: number[];
  extra: number[];
  /** Matched pairs [gold index, prediction index] whose speaker is wrong. */
  wrongSpeaker: Array<[number, number]>;
}

const emptyCounts = (): Counts => ({ gold: 0, predicted: 0, matched: 0 });

const speechCues = new Set([...lexicon('speech-cues')].map((e) => e.split(' ')[0]));
/** A cue with a speech verb ("has said", "told", "according to"), by lemma. */
function isSpeechCue(cue: string): boolean {
  return analyze(cue).tokens.some((t) => speechCues.has(t.lemma) || t.norm === 'ACCORDING');
}

/** Scores one article's predicted quotes against its gold attributions (rules in the file comment). */
export function scoreQuotes(text: string, gold: readonly PolnearAttribution[], predicted: readonly QuoteRecord[]): RecordScore {
  const words = new Words(text);
  const golds = gold
    .map((g, k) => ({ k, g, r: g.content.map((s) => words.range(s)) as Ranges }))
    .filter((x) => size(x.r) > 0);
  const preds = predicted
    .map((p, k) => ({ k, p, r: (p.parts ?? [p]).map((s) => words.range(s)) as Ranges }))
    .filter((x) => size(x.r) > 0);
  const match = (strict: boolean) => {
    const pairs: Array<{ gi: number; pi: number; cover: number; purity: number }> = [];
    golds.forEach((g, gi) => {
      const gs = size(g.r);
      preds.forEach((p, pi) => {
        const o = overlap(g.r, p.r);
        const cover = o / gs;
        const purity = o / size(p.r);
        if (cover >= 0.5 && (!strict || purity >= 0.5)) pairs.push({ gi, pi, cover, purity });
      });
    });
    pairs.sort((x, y) => y.cover - x.cover || y.purity - x.purity);
    const gUsed = new Map<number, number>();
    const pUsed = new Set<number>();
    for (const { gi, pi } of pairs) {
      if (gUsed.has(gi) || pUsed.has(pi)) continue;
      gUsed.set(gi, pi);
      pUsed.add(pi);
    }
    return { gUsed, pUsed };
  };
  const { gUsed, pUsed } = match(false);
  const strict = match(true);
  let speakersCorrect = 0;
  const speechCue = emptyCounts();
  const otherCue = emptyCounts();
  const wrongSpeaker: Array<[number, number]> = [];
  const quoted = emptyCounts();
  const unquoted = emptyCounts();
  const byKind = { direct: emptyCounts(), indirect: emptyCounts(), mixed: emptyCounts() };
  golds.forEach((g, gi) => {
    const bucket = g.g.quoteMarks ? quoted : unquoted;
    const byCue = isSpeechCue(g.g.cue.map((c) => text.slice(c.start, c.end)).join(' ')) ? speechCue : otherCue;
    bucket.gold++;
    byCue.gold++;
    const pi = gUsed.get(gi);
    if (pi === undefined) return;
    bucket.matched++;
    byCue.matched++;
    const speaker = preds[pi].p.speaker;
    const ok = g.g.source.length === 0 ? speaker === null : speaker !== null && g.g.source.some((s) => touches(s, speaker));
    if (ok) speakersCorrect++;
    else wrongSpeaker.push([g.k, preds[pi].k]);
  });
  preds.forEach((p, pi) => {
    byKind[p.p.kind].predicted++;
    if (pUsed.has(pi)) byKind[p.p.kind].matched++;
  });
  return {
    gold: golds.length,
    predicted: preds.length,
    matched: gUsed.size,
    strictMatched: strict.gUsed.size,
    speakersCorrect,
    quoted,
    unquoted,
    speechCue,
    otherCue,
    byKind,
    missed: golds.filter((_, gi) => !gUsed.has(gi)).map((g) => g.k),
    extra: preds.filter((_, pi) => !pUsed.has(pi)).map((p) => p.k),
    wrongSpeaker,
  };
}

const round4 = (x: number): number => Math.round(x * 10000) / 10000;
const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);
const f1 = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

/** Codes every record with only the quotes stage after event coding, and scores it. */
export function evaluatePolnear(
  records: readonly PolnearRecord[],
  coder: Pick<Coder, 'code' | 'dictionaryVersion' | 'loadMs'>,
  io: Pick<EvalIO, 'stderr'>,
  options: { verbose?: boolean } = {},
): PolnearReport {
  let [gold, predicted, matched, strictMatched, speakersCorrect, recordsErrored, codingMs] = [0, 0, 0, 0, 0, 0, 0];
  const quoted = emptyCounts();
  const unquoted = emptyCounts();
  const speech = emptyCounts();
  const other = emptyCounts();
  const byKind = { direct: emptyCounts(), indirect: emptyCounts(), mixed: emptyCounts() };
  const errors: PolnearMiss[] = [];
  const add = (into: Counts, from: Counts) => {
    into.gold += from.gold;
    into.predicted += from.predicted;
    into.matched += from.matched;
  };
  for (const record of records) {
    let quotes: QuoteRecord[] = [];
    const t0 = performance.now();
    try {
      quotes = coder.code({ id: record.id, text: record.text, date: record.date }).quotes ?? [];
    } catch (err) {
      recordsErrored++;
      io.stderr.write(`dyad eval: ${record.id}: the coder threw: ${err instanceof Error ? err.message : String(err)}\n`);
    }
    codingMs += performance.now() - t0;
    const s = scoreQuotes(record.text, record.attributions, quotes);
    gold += s.gold;
    predicted += s.predicted;
    matched += s.matched;
    strictMatched += s.strictMatched;
    speakersCorrect += s.speakersCorrect;
    add(quoted, s.quoted);
    add(unquoted, s.unquoted);
    add(speech, s.speechCue);
    add(other, s.otherCue);
    for (const k of ['direct', 'indirect', 'mixed'] as const) add(byKind[k], s.byKind[k]);
    if (options.verbose) {
      const slice = (spans: CharSpan[]) => spans.map((x) => record.text.slice(x.start, x.end)).join(' … ');
      for (const k of s.missed) {
        const g = record.attributions[k];
        errors.push({ record: record.id, type: 'missed', content: slice(g.content), speaker: g.source.length ? slice(g.source) : null, cue: slice(g.cue) });
      }
      for (const k of s.extra) {
        const q = quotes[k];
        errors.push({ record: record.id, type: 'extra', content: q.text, speaker: q.speaker?.text ?? null, cue: q.cue.text });
      }
      for (const [gk, pk] of s.wrongSpeaker) {
        const q = quotes[pk];
        const g = record.attributions[gk];
        errors.push({ record: record.id, type: 'speaker', content: q.text, speaker: q.speaker?.text ?? null, cue: q.cue.text, expected: g.source.length ? slice(g.source) : null });
      }
    }
  }
  const precision = ratio(matched, predicted);
  const recall = ratio(matched, gold);
  const sp = ratio(strictMatched, predicted);
  const sr = ratio(strictMatched, gold);
  return {
    suite: 'polnear',
    records: records.length,
    articles: new Set(records.map((r) => r.article)).size,
    precision: round4(precision),
    recall: round4(recall),
    f1: round4(f1(precision, recall)),
    speakerAccuracy: round4(ratio(speakersCorrect, matched)),
    contentsGold: gold,
    contentsPredicted: predicted,
    contentsMatched: matched,
    speakersCorrect,
    speakersScored: matched,
    strict: { precision: round4(sp), recall: round4(sr), f1: round4(f1(sp, sr)), matched: strictMatched },
    recallByMarks: { quoted, unquoted },
    recallByCue: { speech, other },
    precisionByKind: byKind,
    recordsErrored,
    dictionaryVersion: coder.dictionaryVersion,
    loadMs: Math.round(coder.loadMs),
    codingMs: Math.round(codingMs),
    ...(options.verbose && { errors }),
  };
}

const two = (x: number) => x.toFixed(2);
/** The headline figures with three decimals: a target such as 0.85 should not be met by rounding. */
const three = (x: number) => x.toFixed(3);

export function renderPolnear(report: PolnearReport, dir: string): string {
  const out: string[] = [];
  if (report.errors && report.errors.length > 0) {
    out.push(`differences from the gold annotation (${report.errors.length}):`, '');
    const cut = (s: string) => (s.length > 160 ? `${s.slice(0, 157)}…` : s).replace(/\s+/g, ' ');
    const who = (s: string | null | undefined) => (s === null || s === undefined ? '(none)' : cut(s));
    const label = { missed: '✗ missed ', extra: '✗ extra  ', speaker: '✗ speaker' };
    for (const e of report.errors) {
      out.push(`${label[e.type]} ${e.record}`);
      out.push(`  content: ${cut(e.content)}`);
      out.push(`  speaker: ${who(e.speaker)}   cue: ${cut(e.cue)}${e.type === 'speaker' ? `   gold source: ${who(e.expected)}` : ''}`);
    }
    out.push('');
  }
  const r = report;
  const rate = (c: Counts, of: 'gold' | 'predicted') => `${two(ratio(c.matched, c[of]))} (${c.matched}/${c[of]})`;
  out.push(`dyad eval polnear: ${dir}`);
  out.push(`${r.records} annotated records (${r.articles} articles), ${r.contentsGold} gold contents, ${r.contentsPredicted} predicted quotes`);
  out.push('');
  out.push(`content: precision ${three(r.precision)}, recall ${three(r.recall)}, F1 ${three(r.f1)} (${r.contentsMatched} matched: ≥ 50% of the gold content's words covered)`);
  out.push(`content, strict: precision ${two(r.strict.precision)}, recall ${two(r.strict.recall)}, F1 ${two(r.strict.f1)} (≥ 50% overlap both ways)`);
  out.push(`speaker accuracy: ${three(r.speakerAccuracy)} (${r.speakersCorrect}/${r.speakersScored} matched contents with the speaker span on the gold source)`);
  out.push(`recall, gold in quotation marks: ${rate(r.recallByMarks.quoted, 'gold')}; without: ${rate(r.recallByMarks.unquoted, 'gold')}`);
  out.push(`recall, gold cue a speech verb ("said", "told", "according to"): ${rate(r.recallByCue.speech, 'gold')}; any other cue: ${rate(r.recallByCue.other, 'gold')}`);
  out.push(`precision by kind: direct ${rate(r.precisionByKind.direct, 'predicted')}, indirect ${rate(r.precisionByKind.indirect, 'predicted')}, mixed ${rate(r.precisionByKind.mixed, 'predicted')}`);
  if (r.recordsErrored > 0) out.push(`records on which the coder threw: ${r.recordsErrored}`);
  out.push(`coding: ${r.codingMs} ms for ${r.records} records; dictionaries loaded in ${r.loadMs} ms (version ${r.dictionaryVersion})`);
  return `${out.join('\n')}\n`;
}

/** Loads PolNeAR, codes with the quotes stage, scores and prints; returns the report. */
export async function runPolnear(options: PolnearOptions, io: EvalIO): Promise<PolnearReport> {
  const dir = resolve(options.dir);
  const records = await loadPolnear(dir);
  const coder = await createCoder({ dictDirs: (options.dictDirs ?? []).map((d) => resolve(d)), stages: [quotesStage] });
  const report = evaluatePolnear(records, coder, io, { verbose: options.verbose && !options.json });
  io.stdout.write(options.json ? `${JSON.stringify(report)}\n` : renderPolnear(report, dir));
  return report;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
