/** PETRARCH discard list: a phrase per line; "+PHRASE" discards the whole story. */
import type { DiscardEntry, Diagnostic } from '../types.ts';
import { readLines, toPhrase } from './lines.ts';

export function parseDiscards(source: string, file: string): { entries: DiscardEntry[]; diagnostics: Diagnostic[] } {
  const entries: DiscardEntry[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const { n, text } of readLines(source, true)) {
    let line = text.trim();
    if (line === '') continue;
    const story = line.startsWith('+');
    if (story) line = line.slice(1);
    const phrase = toPhrase(line);
    if (phrase.length === 0) {
      diagnostics.push({ file, line: n, severity: 'error', message: 'empty discard phrase' });
      continue;
    }
    entries.push({ phrase, story, loc: { file, line: n }, text: line.trim() });
  }
  return { entries, diagnostics };
}
