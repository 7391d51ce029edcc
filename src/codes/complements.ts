/** data/codes/complement-codes.tsv: appeal/demand/threat codes refined by the verb they govern. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DyadError } from '../model/index.ts';
import type { CameoTable } from './table.ts';

export interface ComplementCodes {
  /** The refined code for a governing verb of `upperRoot` over a governed verb coded `lowerCode`, or null. */
  combine(upperRoot: string, lowerCode: string): string | null;
}

const DEFAULT_PATH = fileURLToPath(new URL('../../data/codes/complement-codes.tsv', import.meta.url));

/** A two-column prefix table (data/codes/refusal-codes.tsv): the code for `code`, by its longest listed prefix. */
export interface PrefixCodes {
  lookup(code: string): string | null;
}

export function loadPrefixCodes(codes: CameoTable, path: string): PrefixCodes {
  const table = new Map<string, string>();
  const file = path.split('/').pop() ?? path;
  readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const line = raw.trim();
      if (line === '' || line.startsWith('#') || /^[a-z_]+\t/.test(line)) return;
      const [from, to] = line.split('\t');
      if (!/^\d{2,4}$/.test(from ?? '') || !to || !codes.lookup(to)) {
        throw new DyadError('DICT_SYNTAX', `expected "code<TAB>CAMEO code", got "${line}"`, { file, line: i + 1 });
      }
      table.set(from, to);
    });
  return {
    lookup(code) {
      for (let n = code.length; n >= 2; n--) {
        const hit = table.get(code.slice(0, n));
        if (hit) return hit;
      }
      return null;
    },
  };
}

/** One code prefix per line ("#" comments): is `code` under one of them? */
export function loadCodePrefixes(path: string): (code: string) => boolean {
  const prefixes = readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.replace(/#.*/, '').trim())
    .filter(Boolean);
  return (code) => prefixes.some((p) => code.startsWith(p));
}

export const CODE_TABLES = {
  refusals: fileURLToPath(new URL('../../data/codes/refusal-codes.tsv', import.meta.url)),
  reciprocal: fileURLToPath(new URL('../../data/codes/reciprocal-codes.txt', import.meta.url)),
};

export function loadComplementCodes(codes: CameoTable, path = DEFAULT_PATH): ComplementCodes {
  const table = new Map<string, Map<string, string>>();
  const file = path.split('/').pop() ?? path;
  readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const line = raw.trim();
      if (line === '' || line.startsWith('#') || line.startsWith('upper_root')) return;
      const [upper, lower, result] = line.split('\t');
      if (!/^\d\d$/.test(upper ?? '') || !/^\d{2,4}$/.test(lower ?? '') || !result || !codes.lookup(result)) {
        throw new DyadError('DICT_SYNTAX', `expected "upper_root<TAB>lower_code<TAB>CAMEO code", got "${line}"`, { file, line: i + 1 });
      }
      let byLower = table.get(upper);
      if (!byLower) table.set(upper, (byLower = new Map()));
      byLower.set(lower, result);
    });
  return {
    combine(upperRoot, lowerCode) {
      const byLower = table.get(upperRoot);
      if (!byLower) return null;
      for (let n = lowerCode.length; n >= 2; n--) {
        const hit = byLower.get(lowerCode.slice(0, n));
        if (hit) return hit;
      }
      return null;
    },
  };
}
