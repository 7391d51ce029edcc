/**
 * Loading an evaluation suite: `<dir>/records.jsonl`, one record a line, in the
 * format of ../shared/README.md (petrarch-validation, afp-gsr).
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DyadError, normalizeDate } from '../model/index.ts';
import { normaliseTriple, type Triple } from './score.ts';

export const RECORDS_FILE = 'records.jsonl';

export interface SuiteRecord {
  id: string;
  /** As written in the suite, normally YYYYMMDD. */
  date: string;
  text: string;
  expected: Triple[];
  category: string;
  /** False: the record tests something outside CAMEO coding; skipped, but counted. */
  inScope: boolean;
  /** True: the correct output is no event. */
  expectNoEvents: boolean;
  /** PETRARCH options the record assumes, e.g. `{ require_dyad: 'false' }`. */
  config: Record<string, string>;
  /** 1-based line in records.jsonl. */
  line: number;
}

/** Reads and checks `<dir>/records.jsonl`; throws DyadError 'INPUT' naming the folder, file or line. */
export async function loadSuite(dir: string): Promise<SuiteRecord[]> {
  const info = await stat(dir).catch(() => null);
  if (!info) {
    throw new DyadError('INPUT', `evaluation suite folder not found: ${dir}. Give the folder that holds ${RECORDS_FILE}, e.g. ../shared/eval/petrarch-validation`);
  }
  if (!info.isDirectory()) {
    throw new DyadError('INPUT', `${dir} is not a folder. Give the suite folder that holds ${RECORDS_FILE}, not a file`);
  }
  const file = join(dir, RECORDS_FILE);
  const content = await readFile(file, 'utf8').catch(() => null);
  if (content === null) {
    throw new DyadError('INPUT', `no ${RECORDS_FILE} in ${dir}: an evaluation suite folder holds ${RECORDS_FILE}, one JSON record a line`);
  }
  const records: SuiteRecord[] = [];
  const lines = content.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.trim();
    if (raw === '') continue;
    records.push(parseRecord(raw, file, i + 1));
  }
  if (records.length === 0) {
    throw new DyadError('INPUT', 'the file holds no records', { file });
  }
  return records;
}

/** Parses one line of records.jsonl. Exported for tests. */
export function parseRecord(raw: string, file: string, line: number): SuiteRecord {
  const fail = (why: string): never => {
    throw new DyadError('INPUT', `malformed record on line ${line}: ${why}`, { file, line });
  };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (err) {
    fail(`not valid JSON (${(err as Error).message})`);
  }
  if (!isObject(value)) return fail('expected a JSON object');
  const { id, date, text, expected, notes } = value;
  if (typeof id !== 'string' || id === '') fail('"id" must be a non-empty string');
  if (typeof date !== 'string') fail('"date" must be a string, YYYYMMDD');
  if (typeof text !== 'string') fail('"text" must be a string');
  if (!Array.isArray(expected)) return fail('"expected" must be an array of {source, target, code}');
  const triples = expected.map((e: unknown, k) => {
    if (!isObject(e) || typeof e.source !== 'string' || typeof e.target !== 'string' || typeof e.code !== 'string') {
      return fail(`"expected"[${k}] must be {source, target, code}, all strings`);
    }
    return normaliseTriple({ source: e.source, target: e.target, code: e.code });
  });
  if (notes !== undefined && !isObject(notes)) fail('"notes" must be an object');
  const n = (notes ?? {}) as Record<string, unknown>;
  const expectNoEvents = n.expect_no_events === true;
  if (expectNoEvents && triples.length > 0) fail('"notes.expect_no_events" is true but "expected" lists events');
  const config: Record<string, string> = {};
  if (isObject(n.config_in_effect)) {
    for (const [k, v] of Object.entries(n.config_in_effect)) config[k] = String(v);
  }
  return {
    id: id as string,
    date: date as string,
    text: text as string,
    expected: triples,
    category: typeof n.category === 'string' && n.category !== '' ? n.category : 'NONE',
    inScope: n.in_scope !== false,
    expectNoEvents,
    config,
    line,
  };
}

/** YYYYMMDD → YYYY-MM-DD; YYYY-MM-DD kept; anything else → undefined (coded without a date). */
export function isoDate(date: string): string | undefined {
  return normalizeDate(date) ?? undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
