/**
 * PETRARCH's internal coding ontology (PICO): `CODE:VALUE[#VALUE…][#comment]`, one CAMEO code a
 * line, each value a sum of hex terms ("0xFFFF+0x0080"). The ±0xFFFF term is the code's polarity:
 * 110 (disapprove) is written 0xFFFF+0x0080, "the opposite of 050 (diplomatic cooperation)", and
 * 121 (reject material cooperation) is -0xFFFF+0x0070, "not 060". PETRARCH uses this to code a
 * negated verb: "did not clash [110]" becomes 050. Dyad reads only that relation from the file.
 */
import type { Diagnostic } from '../types.ts';

const POLARITY = 0xffff;
const CODE = /^\d{2,4}$/;
const VALUE = /^[+-]?0x[0-9a-f]+(?:[+-]0x[0-9a-f]+)*$/i;

function valueOf(expression: string): number {
  let total = 0;
  for (const term of expression.match(/[+-]?0x[0-9a-f]+/gi) ?? []) total += parseInt(term, 16);
  return total;
}

/** Splits a value into its polarity (-1, 0, +1) and the meaning it carries. */
function polarityOf(value: number): { polarity: -1 | 0 | 1; rest: number } {
  if (value > POLARITY) return { polarity: 1, rest: value - POLARITY };
  if (value < 0) return { polarity: -1, rest: value + POLARITY };
  return { polarity: 0, rest: value };
}

/**
 * Returns, for each code, the code a negated verb of that code is recoded to. A code with a
 * polarity loses it ("not disapprove" → cooperate); a plain code gains the negative polarity
 * ("not cooperate materially" → 121), or failing that the positive one ("not cooperate
 * diplomatically" → 110). Codes whose negation names no code are absent: no event.
 */
export function parseOntology(source: string, file: string): { negations: Map<string, string>; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const values = new Map<string, number[]>();
  const codeOfValue = new Map<number, string>();
  source.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const colon = line.indexOf(':');
    const code = line.slice(0, colon).trim();
    if (colon < 0 || !CODE.test(code)) {
      diagnostics.push({ file, line: i + 1, severity: 'error', message: `expected CODE:VALUE, found "${line.slice(0, 40)}"` });
      return;
    }
    // "#" separates alternative values and ends in a free-text comment
    const parts = line.slice(colon + 1).split('#').map((p) => p.trim());
    const found = parts.filter((p) => VALUE.test(p)).map(valueOf);
    if (found.length === 0 || !VALUE.test(parts[0])) {
      diagnostics.push({ file, line: i + 1, severity: 'error', message: `code ${code}: value "${parts[0].slice(0, 40)}" is not a sum of hex numbers` });
      return;
    }
    values.set(code, found);
    for (const v of found) if (!codeOfValue.has(v)) codeOfValue.set(v, code);
  });

  const negations = new Map<string, string>();
  for (const [code, [primary]] of values) {
    const { polarity, rest } = polarityOf(primary);
    const candidates = polarity === 0 ? [rest - POLARITY, rest + POLARITY] : [rest];
    const negated = candidates.map((v) => codeOfValue.get(v)).find((c) => c !== undefined && c !== code);
    if (negated) negations.set(code, negated);
  }
  return { negations, diagnostics };
}
