/**
 * PETRARCH actor dictionary parser.
 *
 *   SERGEY_LAVROV_  [RUSELI]        primary phrase, optional default code
 *   +LAVROV_                        synonym
 *   \t[RUSGOV 19940922-20040712]    dated code (tab- or space-indented)
 *   \t[RUSGOV >20040309]            open-ended: on or after
 *   \t[HOB <19950601]               on or before
 */
import type { ActorEntry, DatedCode, Diagnostic } from '../types.ts';
import { readLines, toPhrase } from './lines.ts';

export interface ParsedActors {
  entries: ActorEntry[];
  diagnostics: Diagnostic[];
}

const BRACKET = /\[([^\]]*)\]/g;

/** YYYYMMDD or the legacy YYMMDD (00–29 → 20xx, else 19xx) as a number, or null. */
export function parseDictDate(written: string): number | null {
  const d = written.trim();
  if (/^\d{8}$/.test(d)) return Number(d);
  if (/^\d{6}$/.test(d)) {
    const yy = Number(d.slice(0, 2));
    return Number(`${yy < 30 ? 20 : 19}${d}`);
  }
  return null;
}

/** Parses "CODE", "CODE a-b", "CODE >a", "CODE <a" (spaces after < or > allowed). */
export function parseCodeRestriction(body: string): { code: string; from?: number; to?: number } | string {
  const m = /^\s*(\S+)\s*(.*)$/.exec(body);
  if (!m || !m[1]) return 'empty code in [ ]';
  const code = m[1].toUpperCase();
  const rest = m[2].trim();
  if (rest === '') return { code };
  let r: RegExpExecArray | null;
  if ((r = /^<\s*(\d+)$/.exec(rest))) {
    const to = parseDictDate(r[1]);
    return to === null ? `bad date "${r[1]}" (want YYYYMMDD)` : { code, to };
  }
  if ((r = /^>\s*(\d+)$/.exec(rest))) {
    const from = parseDictDate(r[1]);
    return from === null ? `bad date "${r[1]}" (want YYYYMMDD)` : { code, from };
  }
  if ((r = /^(\d+)\s*-\s*(\d+)$/.exec(rest))) {
    const from = parseDictDate(r[1]);
    const to = parseDictDate(r[2]);
    if (from === null || to === null) return `bad date range "${rest}" (want YYYYMMDD-YYYYMMDD)`;
    if (from > to) return `date range "${rest}" ends before it starts`;
    return { code, from, to };
  }
  return `cannot read date restriction "${rest}"`;
}

export function parseActors(source: string, file: string): ParsedActors {
  const entries: ActorEntry[] = [];
  const diagnostics: Diagnostic[] = [];
  let current: ActorEntry | null = null;

  const addCodes = (text: string, n: number, entry: ActorEntry) => {
    for (const m of text.matchAll(BRACKET)) {
      const parsed = parseCodeRestriction(m[1]);
      if (typeof parsed === 'string') {
        // A bad date in one restriction must not lose the whole dictionary: warn and skip it.
        diagnostics.push({ file, line: n, severity: 'warning', message: parsed });
        continue;
      }
      if (parsed.from === undefined && parsed.to === undefined) {
        if (entry.defaultCode === undefined) entry.defaultCode = parsed.code;
        else entry.dated.push(parsed as DatedCode); // a second undated code: keep as an always-valid alternative
      } else entry.dated.push(parsed);
    }
  };

  for (const { n, text } of readLines(source, true)) {
    if (text.trim() === '') continue;
    const withoutCodes = text.replace(BRACKET, ' ').trim();
    if (text.includes('[') && !/\[[^\]]*\]/.test(text)) {
      diagnostics.push({ file, line: n, severity: 'error', message: 'unclosed "[" in code' });
      continue;
    }
    if (/^\s/.test(text)) {
      // indented: date restrictions for the current entry
      if (!current) {
        diagnostics.push({ file, line: n, severity: 'error', message: 'code line before any actor entry' });
        continue;
      }
      if (withoutCodes !== '') {
        diagnostics.push({ file, line: n, severity: 'warning', message: `ignored text "${withoutCodes}" on a code line` });
      }
      addCodes(text, n, current);
      continue;
    }
    if (text.startsWith('+')) {
      if (!current) {
        diagnostics.push({ file, line: n, severity: 'error', message: 'synonym "+…" before any actor entry' });
        continue;
      }
      const phrase = toPhrase(withoutCodes.slice(1));
      if (phrase.length === 0) {
        diagnostics.push({ file, line: n, severity: 'error', message: 'empty synonym' });
        continue;
      }
      current.phrases.push(phrase);
      addCodes(text, n, current);
      continue;
    }
    const phrase = toPhrase(withoutCodes);
    if (phrase.length === 0) {
      diagnostics.push({ file, line: n, severity: 'error', message: 'code without an actor phrase' });
      continue;
    }
    current = { phrases: [phrase], dated: [], name: phrase.join(' '), loc: { file, line: n } };
    entries.push(current);
    addCodes(text, n, current);
  }
  return { entries, diagnostics };
}
