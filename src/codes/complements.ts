/**
 * The small code tables in data/codes/ that refine a coded event:
 * complement-codes.tsv (appeal/demand/threat by the verb they govern),
 * refusal-codes.tsv (a refusal as the rejection of the same thing) and
 * reciprocal-codes.txt (codes of mutual events). Each is a TSV read once
 * at start and checked against the CAMEO table.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DyadError } from '../model/index.ts';
import type { CameoTable } from './table.ts';

const dataFile = (name: string) => fileURLToPath(new URL(`../../data/codes/${name}`, import.meta.url));

export const CODE_TABLES = {
  complements: dataFile('complement-codes.tsv'),
  refusals: dataFile('refusal-codes.tsv'),
  reciprocal: dataFile('reciprocal-codes.txt'),
};

export interface ComplementCodes {
  /** The refined code for a governing verb of `upperRoot` over a governed verb coded `lowerCode`, or null. */
  combine(upperRoot: string, lowerCode: string): string | null;
}

/** A prefix table (refusal-codes.tsv): the code for `code`, by its longest listed prefix. */
export interface PrefixCodes {
  lookup(code: string): string | null;
}

/**
 * The data rows of a tab-separated table: "#" comments, blank lines and the header
 * (a first row in lower case) skipped; `check` says what a bad row is missing.
 */
function readRows(path: string, columns: number, check: (cells: string[]) => string | null): string[][] {
  const rows: string[][] = [];
  readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const line = raw.replace(/#.*/, '').trim();
      if (line === '' || /^[a-z_]+(\t|$)/.test(line)) return;
      const cells = line.split('\t').map((c) => c.trim());
      const problem = cells.length === columns ? check(cells) : `expected ${columns} tab-separated columns`;
      if (problem) throw new DyadError('DICT_SYNTAX', `${problem}, got "${line}"`, { file: basename(path), line: i + 1 });
      rows.push(cells);
    });
  return rows;
}

function longestPrefix(table: ReadonlyMap<string, string>, code: string): string | null {
  for (let n = code.length; n >= 2; n--) {
    const hit = table.get(code.slice(0, n));
    if (hit) return hit;
  }
  return null;
}

const isCode = /^\d{2,4}$/;

export function loadPrefixCodes(codes: CameoTable, path: string): PrefixCodes {
  const rows = readRows(path, 2, ([from, to]) => (isCode.test(from) && codes.lookup(to) ? null : 'expected "code<TAB>CAMEO code"'));
  const table = new Map(rows.map(([from, to]) => [from, to] as [string, string]));
  return { lookup: (code) => longestPrefix(table, code) };
}

export function loadComplementCodes(codes: CameoTable, path = CODE_TABLES.complements): ComplementCodes {
  const rows = readRows(path, 3, ([upper, lower, result]) =>
    /^\d\d$/.test(upper) && isCode.test(lower) && codes.lookup(result) ? null : 'expected "upper_root<TAB>lower_code<TAB>CAMEO code"',
  );
  const byUpper = new Map<string, Map<string, string>>();
  for (const [upper, lower, result] of rows) {
    let table = byUpper.get(upper);
    if (!table) byUpper.set(upper, (table = new Map()));
    table.set(lower, result);
  }
  return {
    combine(upperRoot, lowerCode) {
      const table = byUpper.get(upperRoot);
      return table ? longestPrefix(table, lowerCode) : null;
    },
  };
}

/** One code prefix per line: is `code` under one of them? */
export function loadCodePrefixes(path: string): (code: string) => boolean {
  const prefixes = readRows(path, 1, ([p]) => (isCode.test(p) ? null : 'expected a CAMEO code prefix')).map(([p]) => p);
  return (code) => prefixes.some((p) => code.startsWith(p));
}
