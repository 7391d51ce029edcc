/**
 * PETRARCH verb dictionary parser (CAMEO.2.0.txt and the validation suite's
 * verbs file). Layout of the format:
 *
 *   &CURRENCY                     synonym set; "+WORD" lines follow
 *   +DOLLAR
 *   --- ACCUSE [112] ---          a verb block and its default code
 *   ACCUSE                        a verb; regular forms are generated
 *   SAY {SAYS SAID SAYING} [010]  irregular forms, own code
 *   +GO_BY {+WENT_BY}             a multiword verb
 *   - * (OF TORTURE) [1122]       a pattern: * the verb, + target, $ source,
 *                                 % compound actor, ^ skip, &SET synonym set,
 *                                 {…} noun phrase, (…) prepositional phrase
 *   ~ a (a b ATTACK) SAY = a b 015   transformation of a verb in a speech verb's clause
 */
import type { CodeSpec, Diagnostic, PatternElement, Synset, Tightness, Transformation, VerbBlock, VerbDictionary, VerbEntry } from '../types.ts';
import { pluralOf, readLines, toPhrase } from './lines.ts';

export interface ParsedVerbs extends VerbDictionary {
  diagnostics: Diagnostic[];
}

const TRANSFORMATION = /^~\s*a\s*\(\s*([ab_])\s+([ab.])\s+([A-Z_]+)\s*\)\s*([A-Z_]+)\s*=\s*([ab])\s+([ab])\s+([0-9]{2,4}|Q)\s*$/i;

export function parseTransformation(line: string, loc: { file: string; line: number }): Transformation | string {
  const m = TRANSFORMATION.exec(line);
  if (!m) return 'cannot read transformation (want "~ a (a b VERB) UPPERVERB = a b CODE")';
  return {
    innerSource: m[1] as Transformation['innerSource'],
    innerTarget: m[2] as Transformation['innerTarget'],
    innerVerb: m[3].toUpperCase(),
    upperVerb: m[4].toUpperCase(),
    resultSource: m[5] as Transformation['resultSource'],
    resultTarget: m[6] as Transformation['resultTarget'],
    resultCode: m[7].toUpperCase(),
    loc,
    text: line,
  };
}

const CODE_PART = /^(---|[0-9A-Z]{2,4})?$/;

/** "[042:043]" → {forward:"042", reverse:"043"}; "[---]" → no event; "[:110]" → reverse only. */
export function parseCodeSpec(body: string): CodeSpec | string {
  const parts = body.trim().toUpperCase().split(':').map((p) => p.trim());
  if (parts.length > 2) return `bad event code "[${body}]"`;
  for (const p of parts) if (!CODE_PART.test(p)) return `bad event code "[${body}]"`;
  const norm = (p: string | undefined) => (p === undefined || p === '' || p === '---' ? null : p);
  return { forward: norm(parts[0]), reverse: norm(parts[1]) };
}

/** Regular inflections of an English verb; over-generation is harmless because only real text is matched. */
export function regularForms(base: string): string[] {
  const forms = new Set<string>([base]);
  const cvc = /[^AEIOU][AEIOU][^AEIOUWXY]$/.test(base);
  if (/(S|SH|CH|X|Z|O)$/.test(base)) forms.add(base + 'ES');
  else if (/[^AEIOU]Y$/.test(base)) forms.add(base.slice(0, -1) + 'IES');
  else forms.add(base + 'S');
  if (base.endsWith('E')) forms.add(base + 'D');
  else if (/[^AEIOU]Y$/.test(base)) forms.add(base.slice(0, -1) + 'IED');
  else forms.add(base + 'ED');
  if (/[^E]E$/.test(base)) forms.add(base.slice(0, -1) + 'ING');
  else if (base.endsWith('IE')) forms.add(base.slice(0, -2) + 'YING');
  else forms.add(base + 'ING');
  if (cvc) {
    const last = base[base.length - 1];
    forms.add(base + last + 'ED');
    forms.add(base + last + 'ING');
  }
  return [...forms];
}

function tokenizePattern(body: string): string[] {
  return body
    .replace(/([{}()])/g, ' $1 ')
    .replace(/(^|[\s_])(\*\*?)(?=[\s_]|$)|\*\*?/g, (m) => ` ${m.replace(/_/g, '')} `)
    .split(/[\s]+/)
    .filter((t) => t.length > 0);
}

export function parsePatternBody(body: string): { before: PatternElement[]; after: PatternElement[] } | string {
  const before: PatternElement[] = [];
  const after: PatternElement[] = [];
  let sawVerb = false;
  let inBraces = false;
  let inParens = false;
  let groupElements = 0;
  for (const tok of tokenizePattern(body)) {
    const list = sawVerb ? after : before;
    const tight: Tightness | undefined = groupElements === 0 ? undefined : inBraces ? 'np' : inParens ? 'pp' : undefined;
    if (tok === '*' || tok === '**') {
      if (sawVerb) return 'pattern has two "*" verb markers';
      sawVerb = true;
    } else if (tok === '{') {
      inBraces = true;
      if (!inParens) groupElements = 0;
    } else if (tok === '}') {
      inBraces = false;
    } else if (tok === '(') {
      inParens = true;
      groupElements = 0;
    } else if (tok === ')') {
      inParens = false;
      groupElements = 0;
    } else if (tok === '+') list.push({ kind: 'target', ...(tight === 'pp' ? { tight } : {}) });
    else if (tok === '$') list.push({ kind: 'source', ...(tight === 'pp' ? { tight } : {}) });
    else if (tok === '%') list.push({ kind: 'compound' });
    else if (tok === '^') list.push({ kind: 'skip' });
    else if (tok.startsWith('&')) {
      list.push({ kind: 'synset', name: tok.toUpperCase(), ...(tight ? { tight } : {}) });
      groupElements++;
    } else {
      const words = toPhrase(tok);
      if (words.length > 0) {
        list.push({ kind: 'word', words, ...(tight ? { tight } : {}) });
        groupElements++;
      }
    }
  }
  if (!sawVerb) return 'pattern has no "*" verb marker';
  return { before, after };
}

export function parseVerbs(source: string, file: string): ParsedVerbs {
  const synsets = new Map<string, Synset>();
  const blocks: VerbBlock[] = [];
  const diagnostics: Diagnostic[] = [];
  const transformations: Transformation[] = [];
  let synset: Synset | null = null;
  let block: VerbBlock | null = null;
  const error = (line: number, message: string) => diagnostics.push({ file, line, severity: 'error', message });

  for (const { n, text } of readLines(source, true)) {
    const line = text.trim();
    if (line === '') continue;

    if (line.startsWith('&')) {
      const name = line.split(/\s+/)[0].toUpperCase();
      if (synsets.has(name)) diagnostics.push({ file, line: n, severity: 'warning', message: `synonym set ${name} defined again; entries are merged` });
      synset = synsets.get(name) ?? { name, phrases: [], loc: { file, line: n } };
      synsets.set(name, synset);
      block = null;
      continue;
    }
    if (line.startsWith('---')) {
      const m = /^---+\s*(.*?)\s*(?:\[([^\]]*)\])?\s*-*$/.exec(line);
      if (!m) {
        error(n, 'cannot read verb block header "--- LABEL [CODE] ---"');
        continue;
      }
      const code = m[2] === undefined ? { forward: null, reverse: null } : parseCodeSpec(m[2]);
      if (typeof code === 'string') {
        error(n, code);
        continue;
      }
      block = { label: m[1].trim(), code, verbs: [], patterns: [], loc: { file, line: n } };
      blocks.push(block);
      synset = null;
      continue;
    }
    if (line.startsWith('~')) {
      const t = parseTransformation(line, { file, line: n });
      if (typeof t === 'string') error(n, t);
      else transformations.push(t);
      continue;
    }
    if (line.startsWith('-')) {
      if (!block) {
        error(n, 'pattern outside a verb block (add a "--- NAME [CODE] ---" line before it)');
        continue;
      }
      const m = /^-\s*(.*?)\s*\[([^\]]*)\]\s*(.*)$/.exec(line);
      if (!m) {
        error(n, 'pattern without an event code in [ ]');
        continue;
      }
      const code = parseCodeSpec(m[2]);
      if (typeof code === 'string') {
        error(n, code);
        continue;
      }
      const body = parsePatternBody(m[1]);
      if (typeof body === 'string') {
        error(n, body);
        continue;
      }
      block.patterns.push({ ...body, code, text: line, loc: { file, line: n } });
      continue;
    }
    if (line.startsWith('+') && synset && !block) {
      const written = line.slice(1).trim();
      const phrase = toPhrase(written.replace(/[()]/g, ' '));
      if (phrase.length === 0) {
        error(n, 'empty synonym');
        continue;
      }
      synset.phrases.push(phrase);
      // plurals are made unless the set's name or the phrase ends in "_"; "&OTHER" nests a set
      if (!synset.name.endsWith('_') && !written.endsWith('_') && !written.startsWith('&')) synset.phrases.push(pluralOf(phrase));
      continue;
    }
    // a verb line: WORD {FORMS} [CODE]  or  +MULTI_WORD {+FORMS}
    if (!block) {
      error(n, `unexpected line "${line}" (verbs belong in a "--- NAME [CODE] ---" block, synonyms after an "&SET" line)`);
      continue;
    }
    const m = /^(\+?[^{[\s]+(?:\s+[^{[\s]+)*?)\s*(\{[^}]*\})?\s*(?:\[([^\]]*)\])?\s*$/.exec(line);
    if (!m) {
      error(n, `cannot read verb line "${line}"`);
      continue;
    }
    const multiword = m[1].includes('+');
    // the word marked "+" is the one that inflects ("WIRE_+TAP" → WIRE TAPPED); a leading "+" marks the first
    const rawWords = m[1].replace(/^\+/, '').split(/[\s_]+/).filter(Boolean);
    const headIndex = Math.max(0, rawWords.findIndex((w) => w.startsWith('+')));
    const base = toPhrase(rawWords.map((w) => w.replace(/^\+/, '')).join(' '));
    if (base.length === 0) {
      error(n, 'empty verb');
      continue;
    }
    let code: CodeSpec | undefined;
    if (m[3] !== undefined) {
      const c = parseCodeSpec(m[3]);
      if (typeof c === 'string') {
        error(n, c);
        continue;
      }
      code = c;
    }
    const forms: string[][] = [];
    const seen = new Set<string>();
    const add = (phrase: string[]) => {
      const key = phrase.join(' ');
      if (!seen.has(key)) {
        seen.add(key);
        forms.push(phrase);
      }
    };
    add(base);
    const irregular = m[2] === undefined ? null : m[2].slice(1, -1).trim();
    if (irregular) for (const f of irregular.split(/\s+/)) add(toPhrase(f.replace(/\+/g, '')));
    if (irregular !== '' || !multiword) {
      // regular inflections of the head (first) word; "{}" on a multiword verb means "exactly as written"
      for (const f of regularForms(base[headIndex])) add([...base.slice(0, headIndex), f, ...base.slice(headIndex + 1)]);
    }
    const entry: VerbEntry = { base, forms, loc: { file, line: n }, ...(code ? { code } : {}) };
    block.verbs.push(entry);
  }
  return { synsets, blocks, diagnostics, transformations };
}
