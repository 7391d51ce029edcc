/**
 * `dyad dict check`: problems a dictionary set has beyond syntax, each with
 * file and line: conflicting duplicate phrases, overlapping date ranges,
 * event codes CAMEO does not define.
 */
import type { Dictionaries } from './index.ts';
import type { Diagnostic } from './types.ts';

export interface CodeLookup {
  lookup(code: string): unknown;
}

export function checkDictionaries(dicts: Dictionaries, codes: CodeLookup): Diagnostic[] {
  const out: Diagnostic[] = [...dicts.diagnostics];

  // the same actor phrase listed twice with different codes: the later entry silently wins
  const seen = new Map<string, { code: string; file: string; line: number }>();
  for (const entry of dicts.entries.actors) {
    const code = entry.defaultCode ?? entry.dated.map((d) => d.code).join('/');
    for (const phrase of entry.phrases) {
      const key = phrase.join(' ');
      const before = seen.get(key);
      if (before && before.code !== code && before.file === entry.loc.file) {
        out.push({ ...entry.loc, severity: 'warning', message: `actor "${key}" is also at line ${before.line} with code ${before.code || '(none)'}; this entry wins` });
      }
      seen.set(key, { code, file: entry.loc.file, line: entry.loc.line });
    }
    // two dated codes that cover the same day make the actor's code ambiguous
    const ranges = entry.dated.filter((d) => d.from !== undefined || d.to !== undefined);
    for (let i = 0; i < ranges.length; i++) {
      for (let j = i + 1; j < ranges.length; j++) {
        const a = ranges[i];
        const b = ranges[j];
        const overlap = (a.from ?? 0) <= (b.to ?? 99999999) && (b.from ?? 0) <= (a.to ?? 99999999);
        if (overlap && a.code !== b.code) {
          out.push({ ...entry.loc, severity: 'warning', message: `"${entry.name}": date ranges of ${a.code} and ${b.code} overlap` });
        }
      }
    }
    if (entry.defaultCode === undefined && entry.dated.length === 0) {
      out.push({ ...entry.loc, severity: 'warning', message: `actor "${entry.name}" has no code` });
    }
  }

  // event codes must be CAMEO's (legacy WEIS or typo codes are coded as their nearest CAMEO parent)
  for (const block of dicts.blocks) {
    const check = (code: string | null, loc: { file: string; line: number }) => {
      if (code && !codes.lookup(code)) out.push({ ...loc, severity: 'warning', message: `event code ${code} is not a CAMEO code` });
    };
    check(block.code.forward, block.loc);
    check(block.code.reverse, block.loc);
    for (const v of block.verbs) if (v.code) {
      check(v.code.forward, v.loc);
      check(v.code.reverse, v.loc);
    }
    for (const p of block.compiled) {
      check(p.code.forward, p.loc);
      check(p.code.reverse, p.loc);
    }
  }
  return out.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

export interface DictionaryStats {
  files: Array<{ kind: string; path: string }>;
  counts: Dictionaries['counts'];
  /** Verb patterns and verbs per CAMEO root ("01"…"20"). */
  patternsByRoot: Record<string, number>;
  /** Actor entries per country or organisation prefix (first three letters of the code). */
  actorsByCountry: Record<string, number>;
  /** Dated (person) entries per role: the code's sector after the country ("GOV", "MIL"…). */
  peopleByRole: Record<string, number>;
}

export function dictionaryStats(dicts: Dictionaries): DictionaryStats {
  const patternsByRoot: Record<string, number> = {};
  const add = (rec: Record<string, number>, key: string) => (rec[key] = (rec[key] ?? 0) + 1);
  for (const block of dicts.blocks) {
    for (const p of block.compiled) if (p.code.forward) add(patternsByRoot, p.code.forward.slice(0, 2));
    for (const v of block.verbs) {
      const code = (v.code ?? block.code).forward;
      if (code) add(patternsByRoot, code.slice(0, 2));
    }
  }
  const actorsByCountry: Record<string, number> = {};
  const peopleByRole: Record<string, number> = {};
  for (const e of dicts.entries.actors) {
    const code = e.defaultCode ?? e.dated[e.dated.length - 1]?.code;
    if (code) add(actorsByCountry, code.slice(0, 3));
    if (e.dated.length > 0) for (const d of e.dated) add(peopleByRole, d.code.slice(3) || '(country)');
  }
  return { files: dicts.files, counts: dicts.counts, patternsByRoot, actorsByCountry, peopleByRole };
}
