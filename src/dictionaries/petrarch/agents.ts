/**
 * PETRARCH agent dictionary parser.
 *
 *   !MINIST! = MINISTER, MINISTERS, MINISTRY     substitution set
 *   FOREIGN_MINISTER [~GOVFRM]                   suffix agent (plural made automatically)
 *   ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]  irregular plural
 *   POLICE {} [~COP]                             no plural
 *   HUMAN_RIGHTS_BODY [NGO~]                     prefix agent
 */
import type { AgentEntry, Diagnostic } from '../types.ts';
import { pluralOf, readLines, toPhrase } from './lines.ts';

export interface ParsedAgents {
  entries: AgentEntry[];
  diagnostics: Diagnostic[];
}

export function parseAgents(source: string, file: string): ParsedAgents {
  const entries: AgentEntry[] = [];
  const diagnostics: Diagnostic[] = [];
  const substitutions = new Map<string, string[]>();

  for (const { n, text } of readLines(source, true)) {
    const line = text.trim();
    if (line === '') continue;
    const sub = /^(![A-Z0-9_]+!)\s*=\s*(.+)$/i.exec(line);
    if (sub) {
      substitutions.set(sub[1].toUpperCase(), sub[2].split(',').map((s) => s.trim().toUpperCase()).filter(Boolean));
      continue;
    }
    const m = /^([^{[]+?)\s*(\{[^}]*\})?\s*\[\s*([^\]]*?)\s*\]$/.exec(line);
    if (!m) {
      diagnostics.push({ file, line: n, severity: 'error', message: 'expected "PHRASE {PLURAL} [~CODE]"' });
      continue;
    }
    const written = m[1].toUpperCase();
    const codeText = m[3].replace(/\s+/g, '').toUpperCase();
    let placement: AgentEntry['placement'];
    let code: string;
    if (codeText.startsWith('~')) {
      placement = 'suffix';
      code = codeText.slice(1);
    } else if (codeText.endsWith('~')) {
      placement = 'prefix';
      code = codeText.slice(0, -1);
    } else {
      diagnostics.push({ file, line: n, severity: 'error', message: `agent code "${m[3]}" needs a "~" before (suffix) or after (prefix)` });
      continue;
    }
    // "[~]" (Dyad's): a title that names the actor's own head, adding no sector ("Secretary General")
    if (!/^[A-Z0-9]*$/.test(code) || (code === '' && placement === 'prefix')) {
      diagnostics.push({ file, line: n, severity: 'error', message: `bad agent code "${codeText}"` });
      continue;
    }
    // expand !SUBST! markers: each listed word replaces the marker, no plural added
    let variants = [written];
    const markers = written.match(/![A-Z0-9_]+!/g) ?? [];
    for (const marker of markers) {
      const values = substitutions.get(marker);
      if (!values) {
        diagnostics.push({ file, line: n, severity: 'error', message: `undefined substitution ${marker}` });
        variants = [];
        break;
      }
      variants = variants.flatMap((v) => values.map((val) => v.replace(marker, val)));
    }
    if (variants.length === 0) continue;
    const phrases: string[][] = [];
    for (const v of variants) {
      const phrase = toPhrase(v);
      if (phrase.length === 0) continue;
      phrases.push(phrase);
      if (markers.length > 0) continue;
      if (m[2] === undefined) {
        if (!/_$/.test(v.trim())) phrases.push(pluralOf(phrase));
      } else {
        const irregular = m[2].slice(1, -1).trim();
        if (irregular) for (const p of irregular.split(/\s+/)) phrases.push(toPhrase(p));
      }
    }
    if (phrases.length === 0) {
      diagnostics.push({ file, line: n, severity: 'error', message: 'agent without a phrase' });
      continue;
    }
    entries.push({ phrases, code, placement, name: phrases[0].join(' '), loc: { file, line: n } });
  }
  return { entries, diagnostics };
}
