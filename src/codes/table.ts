/**
 * Parsing and querying the CAMEO event code table (data/codes/cameo-events.tsv).
 * Internal to src/codes: other modules use src/codes/index.ts.
 *
 * Pure: text in, table out. Reading the file and caching live in index.ts.
 */
import { DyadError, type QuadClass } from '../model/index.ts';

/** What Dyad knows about one CAMEO event code. */
export interface CameoCodeInfo {
  /** The code as asked for, e.g. "0231"; for a fallback, the original (unknown) code. */
  code: string;
  /** Two-digit root, e.g. "02". */
  root: string;
  quadClass: QuadClass;
  goldstein: number;
  label: string;
}

export interface CameoTable {
  /** Number of codes in the table. */
  readonly size: number;
  /** Every code in file order. */
  readonly codes: readonly CameoCodeInfo[];
  /** The exact code, or undefined when the table does not have it. */
  lookup(code: string): CameoCodeInfo | undefined;
  /**
   * Always answers, because dictionaries in the wild carry codes that are not CAMEO
   * (`075A`, `1951`, `0579`): see `describeCode` for the fallback rules.
   */
  describe(code: string): CameoCodeInfo;
}

export const HEADER = ['code', 'root', 'quad_class', 'goldstein', 'label'] as const;

const CODE_RE = /^\d{2,4}$/;
const NUMBER_RE = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** Quad class of a numeric root: 01–05 verbal coop, 06–08 material coop, 09–13 verbal conflict, 14+ material conflict. */
export function quadClassOfRoot(root: number): QuadClass {
  if (root >= 14) return 4;
  if (root >= 9) return 3;
  if (root >= 6) return 2;
  // Root 0 is not CAMEO; 1 keeps the type total without claiming conflict.
  return 1;
}

/** Parse the table's text. `file` is only used in error messages. */
export function parseCameoTable(text: string, file: string): CameoTable {
  const lines = text.split('\n');
  const header = (lines[0] ?? '').replace(/\r$/, '');
  if (header !== HEADER.join('\t')) {
    throw new DyadError('DICT_SYNTAX', `expected the header line "${HEADER.join('\\t')}", found "${header}"`, { file, line: 1 });
  }

  const rows: CameoCodeInfo[] = [];
  const firstLine = new Map<string, number>();
  for (let i = 1; i < lines.length; i++) {
    const raw = lines[i].replace(/\r$/, '');
    if (raw.trim() === '') continue;
    const line = i + 1;
    const fail = (problem: string): never => {
      throw new DyadError('DICT_SYNTAX', problem, { file, line });
    };

    const cols = raw.split('\t');
    if (cols.length !== HEADER.length) fail(`expected ${HEADER.length} tab-separated columns, found ${cols.length}`);
    const [code, root, quad, goldstein, label] = cols.map((c) => c.trim());

    if (!CODE_RE.test(code)) fail(`code "${code}" is not 2 to 4 digits`);
    if (root !== code.slice(0, 2)) fail(`root "${root}" does not match the first two digits of code "${code}"`);
    const rootNumber = Number(root);
    if (rootNumber < 1 || rootNumber > 20) fail(`root "${root}" is not a CAMEO root (01 to 20)`);
    if (!/^[1-4]$/.test(quad)) fail(`quad_class "${quad}" is not 1, 2, 3 or 4`);
    if (!NUMBER_RE.test(goldstein)) fail(`goldstein "${goldstein}" is not a number`);
    const g = Number(goldstein);
    if (g < -10 || g > 10) fail(`goldstein ${g} is outside [-10, 10]`);
    if (label === '') fail(`code "${code}" has an empty label`);
    const seen = firstLine.get(code);
    if (seen !== undefined) fail(`duplicate code "${code}" (first defined on line ${seen})`);

    firstLine.set(code, line);
    rows.push(Object.freeze({ code, root, quadClass: Number(quad) as QuadClass, goldstein: g, label }));
  }
  if (rows.length === 0) throw new DyadError('DICT_SYNTAX', 'the table has no rows', { file, line: 1 });

  return makeTable(rows);
}

function makeTable(rows: CameoCodeInfo[]): CameoTable {
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const codes = Object.freeze(rows.slice());
  return Object.freeze({
    size: byCode.size,
    codes,
    lookup: (code: string) => byCode.get(code),
    describe: (code: string) => describeCode(byCode, code),
  });
}

/**
 * Resolve any code string a dictionary may carry:
 * 1. the exact code;
 * 2. else the longest prefix (3, then 2 characters) that is a code in the table,
 *    e.g. `0579` → `057`, `1951` → `195`, `075A` → `075` (a root is itself a code,
 *    so this covers "else the root");
 * 3. else an unknown code: root = first two characters, goldstein 0, label
 *    "unknown code", and quad class by the numeric value of those two characters
 *    (01–05 → 1, 06–08 → 2, 09–13 → 3, 14 and above → 4; 1 when they are not digits
 *    or are 00). Goldstein 0 keeps such codes from moving any conflict score.
 * Steps 2 and 3 keep the caller's `code` string, so output shows what the dictionary said.
 */
export function describeCode(byCode: ReadonlyMap<string, CameoCodeInfo>, code: string): CameoCodeInfo {
  const exact = byCode.get(code);
  if (exact) return exact;

  for (let n = Math.min(code.length - 1, 3); n >= 2; n--) {
    const known = byCode.get(code.slice(0, n));
    if (known) return { ...known, code };
  }

  const root = code.slice(0, 2);
  const quadClass = /^\d\d$/.test(root) ? quadClassOfRoot(Number(root)) : 1;
  return { code, root, quadClass, goldstein: 0, label: 'unknown code' };
}
