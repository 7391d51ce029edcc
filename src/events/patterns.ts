/**
 * Verb patterns matched around a verb: the words after "*" forward from the verb (within
 * its clause), the words before it backward inside the subject phrase, binding "+"
 * (target) and "$" (source) to the actor phrases met on the way.
 */
import type { ActorList } from '../actors/index.ts';
import type { CompiledPattern, PatternSlot } from '../dictionaries/index.ts';
import type { Token } from '../text/index.ts';
import { isHidden, type SentenceContext } from './clauses.ts';

/** Pattern words may be this many tokens (actor phrases not counted) from the previous element. */
const MAX_PATTERN_GAP = 6;

function wordsMatchAt(tokens: Token[], i: number, end: number, phrase: string[]): boolean {
  if (i + phrase.length > end) return false;
  for (let k = 0; k < phrase.length; k++) {
    const t = tokens[i + k];
    if (t.norm !== phrase[k] && t.lemma !== phrase[k]) return false;
  }
  return true;
}

export interface PatternMatch {
  pattern: CompiledPattern;
  target?: ActorList;
  source?: ActorList;
  compound: boolean;
  /** Tokens the pattern's words covered: the best-covering pattern wins. */
  score: number;
  /** Pattern words are not looked for past this token (a "that" clause belongs to another verb). */
  wordLimit: number;
  /** Where the first word after the verb matched: on equal cover, the nearer head wins. */
  firstWordAt: number;
  /** Just past the last word matched after the verb (unset when none was). */
  wordsEnd?: number;
  /** "+" and "$" are not looked for past this token ("called on X to cut ties with Israel": not Israel). */
  actorLimit?: number;
  /**
   * Where the verb's complement starts, past `wordLimit`: the "to" of an object-control verb's
   * infinitive ("ordered the envoy [to] leave"), the subject of a clause a verb reports ("says
   * [Israel] must end"). The complement is another verb's, so pattern words stop before it; a
   * pattern that names its start, `(TO …)` or `+` there, is about the complement and reads on in it.
   */
  complementAt?: number;
}

/** The pattern has entered the verb's complement at `at`: its words may go on to the clause's end. */
function enterComplement(m: PatternMatch, at: number, limit: number): void {
  if (m.complementAt === at && at >= m.wordLimit) m.wordLimit = limit;
}

/** Prepositions of place: the phrase after one says where, not who. */
const LOCATIVE = new Set(['IN', 'AT', 'NEAR', 'INSIDE', 'OUTSIDE', 'WITHIN', 'ACROSS', 'THROUGHOUT']);

/** The actor phrase at `start` says where, after `from`: "medical care [in] Moscow", "in [the] capital". */
function placeAfter(tokens: Token[], start: number, from: number): boolean {
  let k = start - 1;
  while (k >= from && (tokens[k].pos === 'DET' || tokens[k].pos === 'ADJ')) k--;
  return k >= from && LOCATIVE.has(tokens[k].norm);
}

/**
 * A gerund with an object of its own ("against [calling at] Israel") or a comma stands between a
 * preposition and an actor (tokens [from, to)): the actor is not the preposition's object. A
 * gerund before a noun is an adjective ("with the visiting Iranian president").
 */
function clauseBetween(tokens: Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    if (t.norm === ',') return true;
    if (t.pos === 'VERB' && t.norm.endsWith('ING') && !['NOUN', 'PROPN', 'ADJ'].includes(tokens[k + 1]?.pos ?? '')) return true;
  }
  return false;
}

/** End of the noun phrase starting at `i` (for "^", which skips one). */
function skipNounPhrase(ctx: SentenceContext, i: number, limit: number): number {
  const list = ctx.listAt.get(i);
  if (list) return list.end;
  let k = i;
  while (k < limit && ['DET', 'ADJ', 'NUM', 'NOUN', 'PROPN'].includes(ctx.tokens[k].pos)) k++;
  return k > i ? k : i + 1;
}

/** Match slots forward from `from` (after the verb). Returns false when a slot cannot be found before `limit`. */
export function matchForward(ctx: SentenceContext, slots: PatternSlot[], from: number, limit: number, m: PatternMatch): boolean {
  let cur = from;
  for (const [n, slot] of slots.entries()) {
    if (slot.kind === 'skip') {
      while (cur < limit && ['ADP', 'PUNCT'].includes(ctx.tokens[cur].pos) && !ctx.listAt.has(cur)) cur++;
      if (cur >= limit) return false;
      cur = skipNounPhrase(ctx, cur, limit);
      continue;
    }
    if (slot.kind === 'compound') {
      m.compound = true;
      continue;
    }
    if (slot.kind === 'target' || slot.kind === 'source') {
      const actorLimit = Math.min(limit, m.actorLimit ?? limit);
      // "+" right after "*" is the verb's object, not a place: "would receive medical care [in]
      // Moscow" has no one received
      const direct = n === 0 && from === cur;
      const list = ctx.lists.find((l) => l.start >= cur && l.start < actorLimit && !isHidden(ctx, l.start) && !(direct && placeAfter(ctx.tokens, l.start, cur)));
      if (!list) return false;
      // "(AGAINST +)": the preposition's object, not an actor in a clause after it ("warned
      // shipping companies against [calling at] Israel")
      if (slot.tight && clauseBetween(ctx.tokens, cur, list.start)) return false;
      if (slot.kind === 'target') m.target = list;
      else m.source = list;
      enterComplement(m, list.start, limit);
      cur = list.end;
      continue;
    }
    let found = -1;
    let len = 0;
    let gap = 0;
    const wordLimit = slot.tight ? limit : Math.min(limit, m.wordLimit);
    // the complement's first word is within reach too ("(TO {LEAVE})" after "ordered the envoy")
    const entry = m.complementAt !== undefined && m.complementAt >= wordLimit && m.complementAt < limit ? m.complementAt : -1;
    const searchEnd = Math.max(wordLimit, entry + 1);
    for (let i = cur; i < searchEnd && found < 0 && gap <= MAX_PATTERN_GAP; i++) {
      if (isHidden(ctx, i)) continue;
      if (i >= wordLimit && i !== entry) continue;
      // a pattern word names a thing, not an infinitive: "wants to help Israel" is not "WANT * HELP"
      // (unless the pattern itself has the "to": "(TO) ATTACK")
      const infinitive = i > cur && ctx.tokens[i].pos === 'VERB' && ctx.tokens[i - 1]?.norm === 'TO';
      for (const alt of infinitive ? [] : slot.alternatives) {
        if (wordsMatchAt(ctx.tokens, i, i === entry ? limit : wordLimit, alt)) {
          found = i;
          len = alt.length;
          break;
        }
      }
      if (found >= 0) break;
      const pos = ctx.tokens[i].pos;
      // inside a phrase only determiners (and, in a noun phrase, adjectives) may come between words
      if (slot.tight === 'pp' && pos !== 'DET') return false;
      if (slot.tight === 'np' && pos !== 'DET' && pos !== 'ADJ') return false;
      if (!ctx.listAt.has(i)) gap++;
    }
    if (found < 0) return false;
    if (found === entry) enterComplement(m, found, limit);
    m.score += len;
    if (found < m.firstWordAt) m.firstWordAt = found;
    cur = found + len;
    m.wordsEnd = cur;
  }
  return true;
}

/**
 * Match the words before "*" inside the subject noun phrase [npStart, verb):
 * "{DEATH TOLL} *" matches "Eriador's death toll has risen", but adverbs and
 * other clauses before the verb are not part of a pattern.
 */
export function matchBackward(ctx: SentenceContext, slots: PatternSlot[], before: number, npStart: number, m: PatternMatch): boolean {
  let cur = before; // exclusive upper bound
  for (let s = slots.length - 1; s >= 0; s--) {
    const slot = slots[s];
    if (slot.kind === 'skip') continue;
    if (slot.kind === 'compound') {
      m.compound = true;
      continue;
    }
    if (slot.kind === 'target' || slot.kind === 'source') {
      const list = lastListBefore(ctx, cur);
      if (!list) return false;
      if (slot.kind === 'target') m.target = list;
      else m.source = list;
      cur = list.start;
      continue;
    }
    let found = -1;
    let len = 0;
    for (let i = cur - 1; i >= npStart && found < 0; i--) {
      if (isHidden(ctx, i)) continue;
      for (const alt of slot.alternatives) {
        if (wordsMatchAt(ctx.tokens, i, cur, alt)) {
          found = i;
          len = alt.length;
          break;
        }
      }
    }
    if (found < 0) return false;
    m.score += len;
    cur = found;
  }
  return true;
}

/** The last actor list ending at or before `end` (lists are in sentence order). */
function lastListBefore(ctx: SentenceContext, end: number): ActorList | undefined {
  for (let n = ctx.lists.length - 1; n >= 0; n--) {
    const l = ctx.lists[n];
    if (l.end <= end && !isHidden(ctx, l.start)) return l;
  }
  return undefined;
}
