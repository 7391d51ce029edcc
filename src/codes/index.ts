/**
 * CAMEO event codes: code → root, quad class, Goldstein value, label.
 * The table is data (data/codes/cameo-events.tsv, format in data/codes/README.md),
 * read and validated once; a bad row throws DICT_SYNTAX naming file and line.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DyadError } from '../model/index.ts';
import { parseCameoTable, type CameoTable } from './table.ts';

export type { CameoCodeInfo, CameoTable } from './table.ts';
export { parseCameoTable } from './table.ts';

const DEFAULT_PATH = fileURLToPath(new URL('../../data/codes/cameo-events.tsv', import.meta.url));

// The built-in table never changes while the process runs, so read it once.
let defaultTable: CameoTable | undefined;

/** Load a code table; without `path`, the built-in one (cached after the first call). */
export function loadCameoCodes(path?: string): CameoTable {
  if (path === undefined) {
    defaultTable ??= readTable(DEFAULT_PATH);
    return defaultTable;
  }
  return readTable(path);
}

function readTable(path: string): CameoTable {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new DyadError('DICT_MISSING', `cannot read the CAMEO code table: ${reason}`, { file: path });
  }
  return parseCameoTable(text, path);
}
export { loadComplementCodes, loadPrefixCodes, loadCodePrefixes, CODE_TABLES, type ComplementCodes, type PrefixCodes } from './complements.ts';
