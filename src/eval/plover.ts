/**
 * `dyad eval plover-dev DIR`: how much of today's news the dictionaries cover, on real
 * sentences (mostly 2010s wire copy) each labelled with one PLOVER event type and its
 * source and target as text.
 *
 * Scoring, per sentence, on the events that count (not negated, not hypothetical):
 * - coverage: the sentence has at least one event;
 * - type recall: an event has the labelled type (the suite's older labels: YIELD is
 *   today's CONCEDE or RETREAT; ACCUSE includes CAMEO 09, investigate, as PLOVER maps it);
 * - type precision: among sentences with events, those where one has the labelled type;
 * - dyad: among sentences with the right type, an event of that type whose source span
 *   overlaps the labelled source text and whose target overlaps the labelled target.
 *
 * No date is given; sentences are coded as of DEFAULT_DATE, so dated roles of that time apply.
 */
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createCoder, type Coder } from '../events/index.ts';
import { DyadError, type EventRecord } from '../model/index.ts';
import { isCounted, modalityStage } from '../modality/index.ts';
import { ploverStage } from '../plover/index.ts';
import type { EvalIO } from './run.ts';
import { ratio } from './score.ts';

/** The suite's news is from the 2010s: dated roles are read as of this day. */
export const DEFAULT_DATE = '2016-01-01';

export interface PloverRecord {
  id: string;
  text: string;
  label: string;
  sourceText: string;
  targetText: string;
}

/** Labels of the suite's older label set and the PLOVER types that satisfy them. */
const LABEL_TYPES: Record<string, readonly string[]> = { YIELD: ['CONCEDE', 'RETREAT'] };
const typesFor = (label: string): readonly string[] => LABEL_TYPES[label] ?? [label];

export interface LabelScore {
  records: number;
  withEvents: number;
  typeFound: number;
}

export interface PloverReport {
  suite: 'plover-dev';
  records: number;
  /** Sentences with at least one counted event. */
  withEvents: number;
  /** Sentences with a counted event of the labelled type. */
  typeFound: number;
  /** Of those, sentences where that event's source and target overlap the labelled ones. */
  dyadFound: number;
  coverage: number;
  typeRecall: number;
  typePrecision: number;
  f1: number;
  dyadAccuracy: number;
  byLabel: Record<string, LabelScore>;
  date: string;
  dictionaryVersion: string;
  loadMs: number;
  codingMs: number;
  /** Only with `verbose`: sentences whose labelled type was not found. */
  misses?: Array<{ id: string; label: string; text: string; predicted: string[] }>;
}

/** Reads `<dir>/records.jsonl`; throws DyadError 'INPUT' naming the folder, file or line. */
export async function loadPloverSuite(dir: string): Promise<PloverRecord[]> {
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) throw new DyadError('INPUT', `suite folder not found: ${dir}. Give the folder that holds records.jsonl, e.g. ../shared/eval/plover-dev`);
  const file = join(dir, 'records.jsonl');
  const content = await readFile(file, 'utf8').catch(() => null);
  if (content === null) throw new DyadError('INPUT', `no records.jsonl in ${dir}`);
  const records: PloverRecord[] = [];
  content.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '') return;
    const fail = (why: string): never => {
      throw new DyadError('INPUT', `malformed record on line ${i + 1}: ${why}`, { file, line: i + 1 });
    };
    let r: Record<string, unknown>;
    try {
      r = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return fail('not valid JSON');
    }
    for (const key of ['id', 'text', 'label', 'source_text', 'target_text']) if (typeof r[key] !== 'string') fail(`"${key}" must be a string`);
    records.push({ id: r.id as string, text: r.text as string, label: (r.label as string).toUpperCase(), sourceText: r.source_text as string, targetText: r.target_text as string });
  });
  if (records.length === 0) throw new DyadError('INPUT', 'the file holds no records', { file });
  return records;
}

/** Does the event's actor span overlap the first occurrence of `written` in the text? */
function overlaps(text: string, span: { start: number; end: number } | null | undefined, written: string): boolean {
  if (!span || written.trim() === '') return false;
  const at = text.indexOf(written);
  return at >= 0 && span.start < at + written.length && at < span.end;
}

export function evaluatePlover(records: readonly PloverRecord[], coder: Pick<Coder, 'code' | 'dictionaryVersion' | 'loadMs'>, options: { verbose?: boolean; date?: string } = {}): PloverReport {
  const date = options.date ?? DEFAULT_DATE;
  const byLabel: Record<string, LabelScore> = {};
  const misses: NonNullable<PloverReport['misses']> = [];
  let [withEvents, typeFound, dyadFound, codingMs] = [0, 0, 0, 0];
  for (const r of records) {
    const t0 = performance.now();
    const events: EventRecord[] = coder.code({ id: r.id, text: r.text, date }).events.filter(isCounted);
    codingMs += performance.now() - t0;
    const score = (byLabel[r.label] ??= { records: 0, withEvents: 0, typeFound: 0 });
    score.records++;
    if (events.length === 0) {
      if (options.verbose) misses.push({ id: r.id, label: r.label, text: r.text, predicted: [] });
      continue;
    }
    withEvents++;
    score.withEvents++;
    const accepted = typesFor(r.label);
    const right = events.filter((e) => e.plover && accepted.includes(e.plover.type));
    if (right.length === 0) {
      if (options.verbose) misses.push({ id: r.id, label: r.label, text: r.text, predicted: events.map((e) => `${e.source.code} ${e.target?.code ?? '---'} ${e.code} ${e.plover?.type ?? '-'} "${e.verb.text}"`) });
      continue;
    }
    typeFound++;
    score.typeFound++;
    if (right.some((e) => overlaps(r.text, e.source, r.sourceText) && overlaps(r.text, e.target, r.targetText))) dyadFound++;
  }
  const typeRecall = ratio(typeFound, records.length);
  const typePrecision = ratio(typeFound, withEvents);
  const round = (x: number) => Math.round(x * 10000) / 10000;
  return {
    suite: 'plover-dev',
    records: records.length,
    withEvents,
    typeFound,
    dyadFound,
    coverage: round(ratio(withEvents, records.length)),
    typeRecall: round(typeRecall),
    typePrecision: round(typePrecision),
    f1: round(typeRecall + typePrecision === 0 ? 0 : (2 * typeRecall * typePrecision) / (typeRecall + typePrecision)),
    dyadAccuracy: round(ratio(dyadFound, typeFound)),
    byLabel,
    date,
    dictionaryVersion: coder.dictionaryVersion,
    loadMs: Math.round(coder.loadMs),
    codingMs: Math.round(codingMs),
    ...(options.verbose ? { misses } : {}),
  };
}

const two = (x: number) => x.toFixed(2);

export function renderPlover(report: PloverReport, dir: string): string {
  const out: string[] = [];
  if (report.misses?.length) {
    out.push(`sentences without an event of the labelled type (${report.misses.length}):`, '');
    for (const m of report.misses) {
      out.push(`✗ ${m.id} [${m.label}] ${m.text.replace(/\s+/g, ' ')}`);
      out.push(`  predicted: ${m.predicted.length ? m.predicted.join(', ') : '(none)'}`);
    }
    out.push('');
  }
  const r = report;
  out.push(`dyad eval plover-dev: ${dir}`);
  out.push(`${r.records} labelled sentences, coded as of ${r.date}`, '');
  out.push('label      sentences  with events  right type  type recall');
  out.push('---------  ---------  -----------  ----------  -----------');
  for (const [label, s] of Object.entries(r.byLabel).sort((a, b) => b[1].records - a[1].records)) {
    out.push(`${label.padEnd(9)}  ${String(s.records).padStart(9)}  ${String(s.withEvents).padStart(11)}  ${String(s.typeFound).padStart(10)}  ${two(ratio(s.typeFound, s.records)).padStart(11)}`);
  }
  out.push('');
  out.push(`coverage: ${two(r.coverage)} (${r.withEvents}/${r.records} sentences with an event)`);
  out.push(`event type: recall ${two(r.typeRecall)}, precision ${two(r.typePrecision)}, F1 ${two(r.f1)} (${r.typeFound} sentences with the labelled type)`);
  out.push(`source and target: ${two(r.dyadAccuracy)} (${r.dyadFound}/${r.typeFound} of those with both actors on the labelled spans)`);
  out.push(`coding: ${r.codingMs} ms; dictionaries loaded in ${r.loadMs} ms (version ${r.dictionaryVersion})`);
  return `${out.join('\n')}\n`;
}

export interface PloverOptions {
  dir: string;
  dictDirs?: string[];
  json?: boolean;
  verbose?: boolean;
  /** Also code events whose target is not an actor (PLOVER records may have no recipient). */
  oneSided?: boolean;
}

/** Loads the suite, codes with the modality and PLOVER stages, scores and prints; returns the report. */
export async function runPlover(options: PloverOptions, io: EvalIO): Promise<PloverReport> {
  const dir = resolve(options.dir);
  const records = await loadPloverSuite(dir);
  const coder = await createCoder({
    dictDirs: (options.dictDirs ?? []).map((d) => resolve(d)),
    stages: [modalityStage, ploverStage],
    ...(options.oneSided && { requireDyad: false }),
  });
  const report = evaluatePlover(records, coder, { verbose: options.verbose && !options.json });
  io.stdout.write(options.json ? `${JSON.stringify(report)}\n` : renderPlover(report, dir));
  return report;
}
