/**
 * PLOVER: every event's CAMEO code translated to a PLOVER event type, with
 * mode and context, from Dyad's own table (data/codes/cameo-plover.tsv,
 * format in data/codes/README.md). CAMEO roots 01 (make statement) and 02
 * (appeal) have no PLOVER equivalent: those events get no `plover` field.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DyadError, type EventRecord, type PloverCoding } from '../model/index.ts';
import type { Stage } from '../pipeline/index.ts';
import { PLOVER_CONTEXTS, PLOVER_TYPES } from './ontology.ts';

export { PLOVER_CONTEXTS, PLOVER_TYPES, type PloverType } from './ontology.ts';

export interface PloverTable {
  /** The PLOVER coding of a CAMEO code (or of its nearest listed parent), or null when it has none. */
  lookup(code: string): PloverCoding | null;
  readonly size: number;
}

const COLUMNS = ['code', 'type', 'mode', 'context', 'note'];
const DEFAULT_PATH = fileURLToPath(new URL('../../data/codes/cameo-plover.tsv', import.meta.url));

/** Parse and check the table text; a bad row throws DICT_SYNTAX naming file and line. */
export function parsePloverTable(text: string, file = 'cameo-plover.tsv'): PloverTable {
  const rows = new Map<string, PloverCoding>();
  const lines = text.split(/\r?\n/);
  const fail = (line: number, msg: string) => new DyadError('DICT_SYNTAX', msg, { file, line });
  if (lines[0] !== COLUMNS.join('\t')) throw fail(1, `header must be "${COLUMNS.join('\\t')}"`);
  for (let n = 1; n < lines.length; n++) {
    if (!lines[n].trim()) continue;
    const cells = lines[n].split('\t');
    if (cells.length !== COLUMNS.length) throw fail(n + 1, `expected ${COLUMNS.length} tab-separated columns, got ${cells.length}`);
    const [code, type, mode, context] = cells;
    if (!/^\d{2,4}$/.test(code)) throw fail(n + 1, `bad CAMEO code "${code}"`);
    if (rows.has(code)) throw fail(n + 1, `code ${code} is listed twice`);
    const def = PLOVER_TYPES[type];
    if (!def) throw fail(n + 1, `unknown PLOVER type "${type}"`);
    if (mode && !def.modes.includes(mode)) throw fail(n + 1, `"${mode}" is not a mode of ${type}`);
    const contexts = context ? context.split(',') : [];
    for (const c of contexts) if (!PLOVER_CONTEXTS.has(c)) throw fail(n + 1, `unknown PLOVER context "${c}"`);
    rows.set(code, { type, ...(mode ? { mode } : {}), ...(context ? { context } : {}) });
  }
  return {
    size: rows.size,
    lookup(code: string): PloverCoding | null {
      // exact code, then its three-digit parent, then the root's general code ("040"), then the root
      const digits = code.replace(/\D.*$/, '');
      if (digits.length < 2) return null;
      const candidates = [digits, digits.slice(0, 3), `${digits.slice(0, 2)}0`, digits.slice(0, 2)];
      for (const c of candidates) {
        const hit = rows.get(c);
        if (hit) return { ...hit };
      }
      return null;
    },
  };
}

let defaultTable: PloverTable | undefined;

/** The built-in table, read once. */
export function loadPloverTable(path?: string): PloverTable {
  if (path === undefined && defaultTable) return defaultTable;
  const file = path ?? DEFAULT_PATH;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new DyadError('DICT_MISSING', `cannot read the CAMEO→PLOVER table: ${(err as Error).message}`, { file });
  }
  const table = parsePloverTable(text, file);
  if (path === undefined) defaultTable = table;
  return table;
}

/** PLOVER: future-tense CONSULT, SUPPORT, COOPERATE and AID are promises, coded AGREE. */
const FUTURE_AS_AGREE = new Set(['CONSULT', 'SUPPORT', 'COOPERATE', 'AID']);

/** The PLOVER coding of one event, or null when its CAMEO code has none. */
export function ploverCoding(event: Pick<EventRecord, 'code' | 'modality'>, table: PloverTable = loadPloverTable()): PloverCoding | null {
  const coding = table.lookup(event.code);
  if (!coding) return null;
  if (event.modality === 'future' && FUTURE_AS_AGREE.has(coding.type)) {
    return { type: 'AGREE', ...(coding.context ? { context: coding.context } : {}) };
  }
  return coding;
}

/** The quad class of a PLOVER type (1–4), or null for an unknown type. */
export function ploverQuad(type: string): 1 | 2 | 3 | 4 | null {
  return PLOVER_TYPES[type]?.quad ?? null;
}

export const ploverStage: Stage = {
  name: 'plover',
  assigns: ['events.plover'],
  run(ctx) {
    const table = loadPloverTable();
    for (const e of ctx.article.events) {
      const coding = ploverCoding(e, table);
      if (coding) e.plover = coding;
    }
  },
};
