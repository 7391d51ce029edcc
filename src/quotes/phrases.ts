/**
 * Small phrase finders over the token table: the noun phrase ending or
 * starting at a token, adverbials to step over after a speech verb, and the
 * units (sentences, re-split at paragraph breaks and after a closing quote)
 * that attribution is looked for in. Token indices throughout; ranges are
 * [start, end).
 */
import { lexicon, type Doc, type Token } from '../text/index.ts';

export const PERSONAL = new Set(['HE', 'SHE', 'THEY', 'WE', 'I', 'IT', 'YOU']);
export const POSSESSIVE = new Set(['HIS', 'HER', 'THEIR', 'ITS', 'OUR', 'MY', 'YOUR']);
/** Prepositions that may sit inside a speaker's noun phrase: "a spokesman for the State Department". */
const NP_PREPS = new Set(['OF', 'FOR', 'AT', 'FROM', 'WITH', 'ON', 'IN', 'TO']);
/** Prepositions whose phrase ("in the ad", "at the ministry") belongs to the noun before it when read right to left. */
const HEAD_PREPS = new Set(['OF', 'FOR', 'IN', 'AT', 'FROM']);
/** Words that head "X of the …" as a whole phrase: "most of the claims", "one of the doctors". */
const QUANTIFIERS = new Set(['MOST', 'MANY', 'SOME', 'ALL', 'NONE', 'ONE', 'EACH', 'SEVERAL', 'FEW', 'BOTH', 'ANY', 'HALF', 'MUCH']);
/** Prepositions that open an adverbial after a speech verb: "said in a statement", "told CNN on Monday". */
const ADJUNCT_PREPS = new Set(['IN', 'ON', 'AT', 'DURING', 'VIA', 'THROUGH', 'AFTER', 'BEFORE', 'OVER', 'FROM', 'WITH', 'TO', 'BY', 'AHEAD', 'SINCE']);
/** Prepositions that also open a clause ("after he left"). */
const CLAUSE_PREPS = new Set(['AFTER', 'BEFORE', 'SINCE', 'UNTIL']);
const TIME_WORDS = lexicon('time-words');
const TIME_EXTRA = new Set(['LAST', 'THIS', 'NEXT', 'EARLIER', 'LATER', 'WEEK', 'MONTH', 'YEAR', 'MORNING', 'AFTERNOON', 'EVENING', 'NIGHT', 'WEEKEND', 'TONIGHT', 'AGO']);
const WH = new Set(['WHAT', 'WHY', 'HOW', 'WHEN', 'WHERE', 'WHETHER', 'IF', 'WHO', 'WHICH']);

export const isWord = (t: Token): boolean => /[\p{L}\p{N}]/u.test(t.text);
export const isNominal = (t: Token): boolean => t.pos === 'PROPN' || t.pos === 'NOUN';
export const isWh = (t: Token): boolean => WH.has(t.norm);
export const isTimeWord = (t: Token): boolean => TIME_WORDS.has(t.norm) || TIME_EXTRA.has(t.norm);

/** A capitalised word the tagger took for a verb or adjective ("Lynch said"). */
const looksProper = (t: Token): boolean => /^\p{Lu}\p{Ll}/u.test(t.text) && (t.pos === 'VERB' || t.pos === 'ADJ' || t.pos === 'X');

function inNP(t: Token): boolean {
  if (t.pos === 'PROPN' || t.pos === 'NOUN' || t.pos === 'ADJ' || t.pos === 'NUM') return !WH.has(t.norm);
  if (looksProper(t)) return true;
  return t.norm === "'S" || POSSESSIVE.has(t.norm) || t.text === '-' || t.text === '&' || t.text === '.';
}

/** Index of the "(" matching the ")" at `close`, not before `lo`; -1 if none. */
function openingParen(tokens: Token[], close: number, lo: number): number {
  for (let k = close - 1; k >= lo && close - k < 20; k--) if (tokens[k].text === '(') return k;
  return -1;
}

/**
 * The noun phrase whose last token is `end` (inclusive), not reaching before `lo`:
 * its first token, or -1 when `end` cannot end a noun phrase.
 * "Stein spokeswoman Melezia Figueroa", "a reporter for USA Today", "Rep. Jim Clyburn (D-S.C.)", "he".
 */
export function npEndingAt(tokens: Token[], end: number, lo: number): number {
  let head = end;
  if (head < lo) return -1;
  if (tokens[head].text === ')') {
    const open = openingParen(tokens, head, lo);
    if (open <= lo) return -1;
    head = open - 1;
  }
  const h = tokens[head];
  if (PERSONAL.has(h.norm)) return head;
  if (!(isNominal(h) || looksProper(h) || (h.pos === 'NUM' && head > lo && tokens[head - 1].pos === 'PROPN'))) return -1;
  if (WH.has(h.norm) || (isTimeWord(h) && h.pos !== 'PROPN')) return -1;
  let i = head;
  // "most of the claims", "one of the doctors": a quantifier and "of" before the phrase at `of + 1`
  const quantifiedAt = (of: number) => of - 1 >= lo && tokens[of].norm === 'OF' && (QUANTIFIERS.has(tokens[of - 1].norm) || tokens[of - 1].pos === 'NUM');
  const quantifierStart = (from: number) => (from - 3 >= lo && tokens[from - 3].pos === 'DET' ? from - 3 : from - 2);
  while (i - 1 >= lo) {
    const t = tokens[i - 1];
    if (t.text === ')') {
      const open = openingParen(tokens, i - 1, lo);
      if (open < 0) break;
      i = open;
      continue;
    }
    if (t.pos === 'DET' && !WH.has(t.norm)) {
      i--;
      // "the foreign ministers of both countries", "a narrator in the ad": the phrase goes on before the preposition
      const before = i - 2 >= lo ? tokens[i - 2] : null;
      if (before && HEAD_PREPS.has(tokens[i - 1].norm) && isNominal(before)) {
        i--;
        continue;
      }
      if (quantifiedAt(i - 1)) i = quantifierStart(i);
      break;
    }
    // "one of Mr. Obama's advisers": the same without a determiner
    if (quantifiedAt(i - 1)) {
      i = quantifierStart(i);
      break;
    }
    // plural possessive "the officials' spokesman", not a quotation mark
    if (t.norm === "'" && i - 2 >= lo && tokens[i - 2].end === t.start && /s$/i.test(tokens[i - 2].text) && t.end < tokens[i].start) {
      i--;
      continue;
    }
    if (inNP(t)) {
      i--;
      continue;
    }
    // "spokesman for the State Department", "Trump and Pence"
    const left = i - 2 >= lo ? tokens[i - 2] : null;
    if (left && NP_PREPS.has(t.norm) && isNominal(left) && isNominal(tokens[i]) === true && tokens[i].pos !== 'PRON') {
      i--;
      continue;
    }
    if (left && t.norm === 'AND' && left.pos === 'PROPN' && tokens[i].pos === 'PROPN') {
      i--;
      continue;
    }
    break;
  }
  // a phrase does not start with "'s" or a bare preposition
  while (i < head && (tokens[i].norm === "'S" || NP_PREPS.has(tokens[i].norm))) i++;
  return i;
}

/**
 * The noun phrase starting at `start`, not reaching `hi`: its end (exclusive), or `start` when there is none.
 * One "of"/"for" phrase is taken along ("the director of the FBI").
 */
export function npStartingAt(tokens: Token[], start: number, hi: number, depth = 0): number {
  let i = start;
  if (i >= hi) return start;
  if (PERSONAL.has(tokens[i].norm) && tokens[i].pos === 'PRON') return i + 1;
  if ((tokens[i].pos === 'DET' && !WH.has(tokens[i].norm)) || POSSESSIVE.has(tokens[i].norm)) i++;
  let nouns = 0;
  while (i < hi && inNP(tokens[i]) && tokens[i].text !== '.') {
    if (isNominal(tokens[i])) nouns++;
    i++;
  }
  if (nouns === 0) return start;
  if (i < hi && tokens[i].text === '(') {
    let k = i + 1;
    while (k < hi && k - i < 12 && tokens[k].text !== ')') k++;
    if (k < hi && tokens[k].text === ')') i = k + 1;
  }
  if (depth === 0 && i + 1 < hi && (tokens[i].norm === 'OF' || tokens[i].norm === 'FOR' || tokens[i].norm === 'AT')) {
    const j = npStartingAt(tokens, i + 1, hi, 1);
    if (j > i + 1) i = j;
  }
  return i;
}

/** A verb at k, past adverbs ("formally came"). */
function verbFollows(tokens: Token[], k: number, hi: number): boolean {
  while (k < hi && tokens[k].pos === 'ADV') k++;
  return k < hi && (tokens[k].pos === 'VERB' || tokens[k].pos === 'AUX');
}

/** Words that make a time adverbial only with a time word after them. */
const TIME_DETERMINERS = new Set(['THIS', 'LAST', 'NEXT']);
/** Nouns of a time span that are no time adverbial alone ("the fall of Kabul") but are after "this", "last" or "next". */
const TIME_SPANS = new Set(['SPRING', 'SUMMER', 'FALL', 'AUTUMN', 'WINTER', 'SEASON', 'DECADE', 'CENTURY', 'CYCLE', 'TERM']);

/** Tokens k, k+1 are a time phrase such as "this fall", "last week", "next Tuesday". */
export function isTimePhraseAt(tokens: Token[], k: number): boolean {
  const next = tokens[k + 1];
  return TIME_DETERMINERS.has(tokens[k].norm) && next !== undefined && (TIME_SPANS.has(next.lemma) || isTimeWord(next));
}

/** Step over adverbials after a speech verb: "on Monday", "in a statement", "to reporters", "repeatedly", "Thursday morning". */
export function skipAdjuncts(tokens: Token[], start: number, hi: number): number {
  let j = start;
  while (j < hi) {
    const t = tokens[j];
    if (t.pos === 'ADV' && !WH.has(t.norm) && t.norm !== 'THAT' && t.norm !== 'NOT') {
      j++;
    } else if (TIME_DETERMINERS.has(t.norm)) {
      // "this week", "last summer"; but "understood this because …", "said this plan …" name what was said
      const next = j + 1 < hi ? tokens[j + 1] : null;
      if (next && TIME_SPANS.has(next.lemma)) j += 2;
      else if (next && (isTimeWord(next) || next.pos === 'PROPN')) j++;
      else break;
    } else if (isTimeWord(t) || (t.pos === 'NUM' && j > start && isTimeWord(tokens[j - 1]))) {
      j++;
    } else if (t.norm === 'TO' && t.pos === 'PART' && j + 1 < hi && tokens[j + 1].pos === 'VERB') {
      // "Vows To Eliminate Tax Breaks": an infinitive, though its title-case verb would pass for a name
      break;
    } else if (ADJUNCT_PREPS.has(t.norm) && j + 1 < hi && !WH.has(tokens[j + 1].norm)) {
      const k = npStartingAt(tokens, j + 1, hi);
      if (k === j + 1) break;
      // "before she formally came to lead …", "after he left": a subordinator opening a clause, no adjunct phrase
      if (CLAUSE_PREPS.has(t.norm) && verbFollows(tokens, k, hi)) break;
      j = k;
    } else break;
  }
  return j;
}

/**
 * Units attribution is looked for in: wink-nlp's sentences, split again at
 * paragraph breaks and after a closing quote that ends a sentence (`.” The`),
 * and joined where a sentence break fell inside parentheses ("(D-S.C.)").
 * Returns the start token of every unit, plus `tokens.length` at the end.
 */
export function unitStarts(doc: Doc, para: number[], mark: Uint8Array): number[] {
  const n = doc.tokens.length;
  const starts = new Set<number>();
  for (const s of doc.sentences) starts.add(s.tokenStart);
  const tokens = doc.tokens;
  let depth = 0;
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    if (i > 0 && para[i] !== para[i - 1]) {
      starts.add(i);
      depth = 0;
    } else if (starts.has(i) && depth > 0) starts.delete(i);
    if (t.text === '(') depth++;
    else if (t.text === ')') depth = Math.max(0, depth - 1);
    // `.” The` or `?" He`: a sentence ends inside a closing quote
    if (mark[i] === 1 && i + 1 < n && mark[i + 1] === 0 && para[i + 1] === para[i]) {
      let k = i;
      while (k > 0 && mark[k] === 1 && tokens[k - 1].end === tokens[k].start) k--;
      const next = tokens[i + 1];
      if (k < i && mark[k] === 0 && /[.!?]$/.test(tokens[k].text) && /^\p{Lu}/u.test(next.text) && next.start > t.end) starts.add(i + 1);
    }
  }
  starts.add(0);
  // a sentence does not start with a lower-case word ("Sen. Claire McCaskill (D-Mo.) said.")
  for (const s of [...starts]) if (s > 0 && para[s] === para[s - 1] && /^\p{Ll}/u.test(tokens[s].text)) starts.delete(s);
  // a break inside a doubled-apostrophe mark moves after it
  for (const s of [...starts]) {
    let t = s;
    while (t > 0 && t < n && mark[t] === 1 && mark[t - 1] === 1 && tokens[t - 1].end === tokens[t].start) t++;
    if (t !== s) {
      starts.delete(s);
      starts.add(t);
    }
  }
  return [...starts].filter((s) => s < n).sort((a, b) => a - b).concat(n);
}
