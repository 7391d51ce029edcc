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
