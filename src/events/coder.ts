/**
 * The event coder: for each sentence, find verbs that the verb dictionary
 * knows, find their source and target actors with shallow, rule-based clause
 * analysis (no parser), pick the most specific matching verb pattern, and emit
 * CAMEO events with the evidence that produced them.
 */
import { findMentions, groupActors, listActors, rememberNames, resolveDescriptions, type ActorGroup, type ActorList, type ArticleNames } from '../actors/index.ts';
import { matchPhraseAt, type CodeSpec, type CompiledPattern, type Dictionaries, type PatternSlot, type VerbForm } from '../dictionaries/index.ts';
import type { CameoTable, ComplementCodes, PrefixCodes } from '../codes/index.ts';

/** The code tables coding consults (data/codes/). */
export interface CodeTables {
  codes: CameoTable;
  complements: ComplementCodes;
  refusals: PrefixCodes;
  isReciprocal: (code: string) => boolean;
}
import type { ActorRef, EventRecord, RuleRef, TextSpan } from '../model/index.ts';
import { lexicon, type Doc, type Sentence, type Token } from '../text/index.ts';

export interface CodingOptions {
  /** Only emit events with both a source and a target (PETRARCH's require_dyad; default true). */
  requireDyad?: boolean;
  /** Comma-delimited sub-clauses of this many words are set aside (PETRARCH's comma_min/max, comma_emin/emax). */
  commaMin?: number;
  commaMax?: number;
  commaEndMin?: number;
  commaEndMax?: number;
}

const DEFAULTS: Required<CodingOptions> = { requireDyad: true, commaMin: 2, commaMax: 8, commaEndMin: 2, commaEndMax: 8 };

/** Words that open a new clause: the source or target of a verb is not looked for past them. */
const CLAUSE_BREAKS = lexicon('clause-breaks');
const OBJECT_CONTROL = lexicon('object-control-verbs');
const REPORT_VERBS = lexicon('report-verbs');
const COMPLEMENT_VERBS = lexicon('infinitive-complement-verbs');
const ASPECT_VERBS = lexicon('aspect-verbs');
const INTENT_VERBS = lexicon('intent-verbs');
/** Pattern words may be this many tokens (actor phrases not counted) from the previous element. */
const MAX_PATTERN_GAP = 6;
const BACKWARD_BREAKS = new Set([...CLAUSE_BREAKS, 'THAT']);
const PRONOUNS = new Set(['IT', 'THEY', 'HE', 'SHE', 'WE']);
const NEGATIONS = new Set(['NOT', "N'T", 'NEVER', 'NO']);
/** Modal auxiliaries: the word they govern is a bare verb ("would free the prisoners"). */
const MODALS = new Set(['WILL', 'WOULD', 'CAN', 'COULD', 'SHOULD', 'MAY', 'MIGHT', 'MUST', 'SHALL', "'LL", "'D"]);
const COORDINATORS = new Set(['AND', 'BUT', 'OR']);

interface SentenceContext {
  doc: Doc;
  sentence: Sentence;
  tokens: Token[];
  hidden: Uint8Array; // indexed by token index - sentence.tokenStart
  lists: ActorList[];
  /** list index by token index (for tokens inside a list). */
  listAt: Map<number, ActorList>;
}

interface VerbHit {
  start: number;
  end: number;
  form: VerbForm;
}

function isHidden(ctx: SentenceContext, i: number): boolean {
  return ctx.hidden[i - ctx.sentence.tokenStart] === 1;
}

/** Set aside comma-delimited sub-clauses ("…, the state's fiercest foe, …", "…, officials said.") the way TABARI and PETRARCH do. */
function hideSubClauses(tokens: Token[], s: Sentence, mentionsAt: (i: number) => boolean, o: Required<CodingOptions>): Uint8Array {
  const hidden = new Uint8Array(s.tokenEnd - s.tokenStart);
  const commas: number[] = [];
  for (let i = s.tokenStart; i < s.tokenEnd; i++) if (tokens[i].norm === ',') commas.push(i);
  const words = (a: number, b: number) => {
    let n = 0;
    for (let i = a; i < b; i++) if (tokens[i].pos !== 'PUNCT') n++;
    return n;
  };
  // a segment that is only an actor phrase is a list item ("Mordor, the Shire, Arnor and Bree"), not a sub-clause
  const isListItem = (a: number, b: number) => {
    let actor = false;
    for (let i = a; i < b; i++) {
      const t = tokens[i];
      if (mentionsAt(i)) actor = true;
      else if (t.pos !== 'DET' && t.pos !== 'ADJ' && t.pos !== 'CCONJ' && t.pos !== 'PROPN' && t.pos !== 'PUNCT') return false;
    }
    return actor;
  };
  // "Mordor, Rohan, Arnor and Bree after a rift": a comma between two actors continues a list
  const continuesList = (comma: number, b: number) => {
    if (comma - 1 < s.tokenStart || !mentionsAt(comma - 1)) return false;
    let k = comma + 1;
    while (k < b && (tokens[k].pos === 'DET' || tokens[k].pos === 'ADJ' || tokens[k].pos === 'CCONJ')) k++;
    for (let i = k; i < b; i++) if (tokens[i].pos === 'VERB' && REPORT_VERBS.has(tokens[i].lemma)) return false; // ", the Osgiliath newspaper said"

    return k < b && mentionsAt(k);
  };
  const isListItemAt = (comma: number, a: number, b: number) => isListItem(a, b) || continuesList(comma, b);
  for (let c = 0; c + 1 < commas.length; c++) {
    const a = commas[c] + 1;
    const b = commas[c + 1];
    const n = words(a, b);
    if (n >= o.commaMin && n <= o.commaMax && !isListItemAt(commas[c], a, b)) for (let i = commas[c]; i < b; i++) hidden[i - s.tokenStart] = 1;
  }
  if (commas.length > 0) {
    const last = commas[commas.length - 1];
    let end = s.tokenEnd;
    while (end > last + 1 && tokens[end - 1].pos === 'PUNCT') end--;
    const n = words(last + 1, end);
    let verbs = 0;
    let reports = 0;
    for (let i = last + 1; i < end; i++) {
      if (tokens[i].pos === 'VERB') verbs++;
      if (tokens[i].pos === 'VERB' && REPORT_VERBS.has(tokens[i].lemma)) reports++;
    }
    const attribution = verbs === 1 && reports === 1; // ", US Deputy Secretary of Energy Jeffrey Kupfer said here Wednesday."
    // the last clause is the main one when nothing before it has a verb ("Israel's envoy, Gilad Erdan, accused …")
    let verbBefore = false;
    for (let i = s.tokenStart; i < last && !verbBefore; i++) if (!hidden[i - s.tokenStart] && (tokens[i].pos === 'VERB' || tokens[i].pos === 'AUX')) verbBefore = true;
    if (verbBefore && (attribution || (n >= o.commaEndMin && n <= o.commaEndMax)) && !isListItemAt(last, last + 1, end)) for (let i = last; i < end; i++) hidden[i - s.tokenStart] = 1;
  }
  return hidden;
}

function findVerb(dicts: Dictionaries, tokens: Token[], i: number, end: number): VerbHit | null {
  const t = tokens[i];
  for (const first of t.norm === t.lemma ? [t.norm] : [t.norm, t.lemma]) {
    const hit = matchPhraseAt(dicts.verbs, tokens, i, end, first);
    if (hit) return { start: i, end: i + hit.len, form: hit.value };
  }
  return null;
}

/**
 * A verb right after a noun that starts a clause of its own ("said such a step enjoyed support"),
 * told apart from a reduced relative ("the roads leading into", "memos sent by Bree"): those
 * are -ing forms or go on with a preposition or particle.
 */
function finiteAfterNoun(tokens: Token[], k: number): boolean {
  const x = tokens[k];
  if (x.pos !== 'VERB' || tokens[k - 1].pos !== 'NOUN' || x.norm.endsWith('ING')) return false;
  const next = tokens[k + 1];
  return next !== undefined && next.pos !== 'ADP' && next.pos !== 'PART' && next.pos !== 'PUNCT';
}

/**
 * A reduced relative clause: a past participle right after a noun, going on with a preposition
 * ("civilians imprisoned for …", "protesters gathered in …"), before the clause's own passive or
 * perfect verb group ("… were released"). Returns where that verb group starts, or -1.
 */
function reducedRelativeEnd(ctx: SentenceContext, v: number, afterVerb: boolean): number {
  const { tokens, sentence } = ctx;
  const t = tokens[v];
  if (v === sentence.tokenStart || t.pos !== 'VERB' || t.norm.endsWith('ING') || t.norm === t.lemma) return -1;
  const prev = tokens[v - 1];
  const next = tokens[v + 1];
  if ((prev.pos !== 'NOUN' && prev.pos !== 'PROPN') || REPORT_VERBS.has(t.lemma)) return -1;
  if (next?.pos !== 'ADP' && !(next?.pos === 'SCONJ' && next.norm === 'FOR')) return -1;
  const end = clauseEndAfter(ctx, v + 1);
  for (let k = v + 2; k + 1 < end; k++) {
    const x = tokens[k];
    // "warned on Monday that troops had …": a complement clause, not a relative one
    if (x.norm === ',' || x.norm === 'THAT' || x.pos === 'PRON' || COORDINATORS.has(x.norm)) return -1;
    if (x.pos === 'AUX' && (x.lemma === 'BE' || x.lemma === 'HAVE') && tokens[k + 1].pos === 'VERB' && tokens[k - 1].pos !== 'PRON') return k;
  }
  // after the clause's verb, on its object: "issued warrants for two men sought in the slaying of …"
  if (afterVerb) {
    for (let k = v + 2; k < end; k++) if (tokens[k].norm === ',') return k;
    return end;
  }
  return -1;
}

/** "would free", "will soon release": wink tags some bare verbs after a modal as ADJ or NOUN. */
function afterModal(tokens: Token[], i: number, floor: number): boolean {
  const t = tokens[i];
  if (t.pos !== 'ADJ' && t.pos !== 'NOUN') return false;
  let k = i - 1;
  while (k >= floor && (tokens[k].pos === 'ADV' || NEGATIONS.has(tokens[k].norm))) k--;
  return k >= floor && MODALS.has(tokens[k].norm);
}

function wordsMatchAt(tokens: Token[], i: number, end: number, phrase: string[]): boolean {
  if (i + phrase.length > end) return false;
  for (let k = 0; k < phrase.length; k++) {
    const t = tokens[i + k];
    if (t.norm !== phrase[k] && t.lemma !== phrase[k]) return false;
  }
  return true;
}

interface PatternMatch {
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
function matchForward(ctx: SentenceContext, slots: PatternSlot[], from: number, limit: number, m: PatternMatch): boolean {
  let cur = from;
  for (const slot of slots) {
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
      const list = ctx.lists.find((l) => l.start >= cur && l.start < limit && !isHidden(ctx, l.start));
      if (!list) return false;
      if (slot.kind === 'target') m.target = list;
      else m.source = list;
      cur = list.end;
      continue;
    }
    let found = -1;
    let len = 0;
    let gap = 0;
    const wordLimit = slot.tight ? limit : Math.min(limit, m.wordLimit);
    for (let i = cur; i < wordLimit && found < 0 && gap <= MAX_PATTERN_GAP; i++) {
      if (isHidden(ctx, i)) continue;
      // a pattern word names a thing, not an infinitive: "wants to help Israel" is not "WANT * HELP"
      // (unless the pattern itself has the "to": "(TO) ATTACK")
      const infinitive = i > cur && ctx.tokens[i].pos === 'VERB' && ctx.tokens[i - 1]?.norm === 'TO';
      for (const alt of infinitive ? [] : slot.alternatives) {
        if (wordsMatchAt(ctx.tokens, i, wordLimit, alt)) {
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
    m.score += len;
    if (found < m.firstWordAt) m.firstWordAt = found;
    cur = found + len;
  }
  return true;
}

/**
 * Match the words before "*" inside the subject noun phrase [npStart, verb):
 * "{DEATH TOLL} *" matches "Eriador's death toll has risen", but adverbs and
 * other clauses before the verb are not part of a pattern.
 */
function matchBackward(ctx: SentenceContext, slots: PatternSlot[], before: number, npStart: number, m: PatternMatch): boolean {
  let cur = before; // exclusive upper bound
  for (let s = slots.length - 1; s >= 0; s--) {
    const slot = slots[s];
    if (slot.kind === 'skip') continue;
    if (slot.kind === 'compound') {
      m.compound = true;
      continue;
    }
    if (slot.kind === 'target' || slot.kind === 'source') {
      const list = [...ctx.lists].reverse().find((l) => l.end <= cur && !isHidden(ctx, l.start));
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

/** Start of the noun phrase that ends right before the verb group (where before-verb pattern words may match). */
function subjectPhraseStart(ctx: SentenceContext, groupStart: number, floor: number): number {
  let k = groupStart;
  while (k - 1 >= floor) {
    const t = ctx.tokens[k - 1];
    // "neither … nor" opens a list; it is not a word of the noun phrase
    if (t.norm === 'NEITHER' || t.norm === 'EITHER') break;
    if (ctx.listAt.has(k - 1) || ['NOUN', 'PROPN', 'ADJ', 'DET', 'NUM'].includes(t.pos) || t.norm === "'S" || t.norm === 'AND') k--;
    else break;
  }
  return k;
}

function clauseEndAfter(ctx: SentenceContext, from: number): number {
  for (let i = from; i < ctx.sentence.tokenEnd; i++) if (CLAUSE_BREAKS.has(ctx.tokens[i].norm) && !isHidden(ctx, i)) return i;
  return ctx.sentence.tokenEnd;
}

function clauseStartBefore(ctx: SentenceContext, from: number): number {
  for (let i = from - 1; i >= ctx.sentence.tokenStart; i--) if (BACKWARD_BREAKS.has(ctx.tokens[i].norm) && !isHidden(ctx, i)) return i + 1;
  return ctx.sentence.tokenStart;
}

/** Index of the first token of the verb group ("has not been", "is about to"), walking back over auxiliaries. */
function verbGroupStart(tokens: Token[], v: number, floor: number): number {
  let i = v;
  const gerund = tokens[v].norm.endsWith('ING');
  while (i - 1 >= floor) {
    const t = tokens[i - 1];
    if (t.pos === 'AUX' || t.pos === 'ADV' || t.pos === 'PART' || NEGATIONS.has(t.norm) || t.norm === 'ABOUT' || t.norm === 'TO') i--;
    // "has begun withdrawing": an aspect verb belongs to the group of the gerund it governs
    else if (gerund && t.pos === 'VERB' && ASPECT_VERBS.has(t.lemma)) i--;
    else break;
  }
  return i;
}

function isPassive(tokens: Token[], v: number, floor: number): boolean {
  const t = tokens[v];
  if (t.norm.endsWith('ING') || t.norm === t.lemma) return false;
  for (let i = v - 1; i >= floor; i--) {
    const p = tokens[i];
    if (p.lemma === 'BE' || p.norm === 'BEEN' || p.norm === 'BEING') return true;
    if (p.pos === 'ADV' || p.pos === 'CCONJ' || NEGATIONS.has(p.norm)) continue;
    break;
  }
  // "there were ten Russian soldiers killed in Ukraine": a participle after an existential's noun phrase
  let j = v - 1;
  while (j >= floor && ['NOUN', 'PROPN', 'ADJ', 'NUM', 'DET'].includes(tokens[j].pos)) j--;
  return j > floor && j < v - 1 && tokens[j].lemma === 'BE' && tokens[j - 1].norm === 'THERE';
}

/** A negation with "will"/"would" ("will not lift", "won't attend"): a refusal. */
function isRefusal(tokens: Token[], groupStart: number, v: number): boolean {
  for (let i = groupStart; i < v; i++) if (tokens[i].lemma === 'WILL' || tokens[i].lemma === 'WOULD' || tokens[i].norm === 'WO') return true;
  return false;
}

function isNegated(tokens: Token[], groupStart: number, v: number): boolean {
  for (let i = groupStart; i < v; i++) if (NEGATIONS.has(tokens[i].norm) || tokens[i].lemma === 'NOT') return true;
  return false;
}

/** The list an actor list is attached to by a preposition: "Israel's ambassador to [the UN]" → Israel's ambassador. */
function headOf(ctx: SentenceContext, list: ActorList, floor: number): ActorList {
  let k = list.start - 1;
  while (k >= floor && (DETERMINERS_OR_ADJ(ctx.tokens[k]))) k--;
  if (k < floor || !ATTACHING_PREPOSITIONS.has(ctx.tokens[k].norm)) return list;
  k--;
  while (k >= floor && (DETERMINERS_OR_ADJ(ctx.tokens[k]) || ctx.tokens[k].pos === 'NOUN')) {
    const l = ctx.listAt.get(k);
    if (l) return l;
    k--;
  }
  const l = k >= floor ? ctx.listAt.get(k) : undefined;
  return l ?? list;
}

const ATTACHING_PREPOSITIONS = new Set(['TO', 'OF', 'IN', 'AT', 'FROM', 'FOR']);
function DETERMINERS_OR_ADJ(t: Token): boolean {
  return t.pos === 'DET' || t.pos === 'ADJ' || t.pos === 'NUM';
}

/**
 * The subject of a verb group: walk back to the nearest actor list, resolving
 * pronouns, giving up at a finite verb (a new clause) or a non-actor noun
 * that heads the subject ("the report alleged"), except a possessed noun
 * ("Eriador's death toll has risen" → Eriador).
 */
function findSubject(ctx: SentenceContext, groupStart: number, clauseStart: number, infinitive: boolean, fallback: ActorList | null): ActorList | null {
  const { tokens, listAt, lists } = ctx;
  let firstContent = true;
  for (let k = groupStart - 1; k >= clauseStart; k--) {
    if (isHidden(ctx, k)) continue;
    const list = listAt.get(k);
    if (list) {
      // "went to Rohan to criticize Mordor": an infinitive's subject is not the object of a preposition
      if (infinitive && list.start > clauseStart && tokens[list.start - 1].pos === 'ADP') {
        k = list.start;
        continue;
      }
      return headOf(ctx, list, clauseStart);
    }
    const t = tokens[k];
    if (PRONOUNS.has(t.norm)) return [...lists].reverse().find((l) => l.end <= k) ?? fallback;
    if (t.pos === 'VERB' && !infinitive) return null;
    if (firstContent && t.pos === 'NOUN' && !infinitive) {
      // a plain noun right before the verb is its subject; only its possessor can make it an actor
      let j = k - 1;
      while (j >= clauseStart && !isHidden(ctx, j) && !listAt.has(j) && (tokens[j].pos === 'NOUN' || tokens[j].pos === 'ADJ' || tokens[j].norm === 'AND' || tokens[j].pos === 'DET')) j--;
      if (j >= clauseStart && tokens[j].norm === "'S" && listAt.get(j - 1)) return listAt.get(j - 1)!;
      // an actor before the noun modifies it: "Calenardhon crowds burned", "Russian missiles struck"
      const modifier = j >= clauseStart ? listAt.get(j) : undefined;
      if (modifier && modifier.end === j + 1) return modifier;
      // a noun inside a prepositional phrase ("Gollum in recent days did allow") is not the subject
      if (j - 1 >= clauseStart && tokens[j].pos === 'ADP' && listAt.has(j - 1)) {
        k = j;
        continue;
      }
      return null;
    }
    if (t.pos !== 'PUNCT' && t.pos !== 'ADV' && t.pos !== 'PROPN' && t.pos !== 'ADP' && t.pos !== 'NUM') firstContent = false;
  }
  return null;
}

interface VerbRecord {
  base: string;
  block: number;
  /** The grammatical subject: the source, or for a passive verb the target. */
  subject: ActorList | null;
  source: ActorList | null;
  target: ActorList | null;
  objectControl: boolean;
  complementOf: VerbRecord | null;
  /** "attacked Iraq and taken Mosul": the verb this one is coordinated with. */
  coordinatedWith: VerbRecord | null;
  infinitive: boolean;
  /** Its events were replaced by a transformation. */
  transformed: boolean;
  code: CodeSpec;
  negated: boolean;
  verbSpan: { text: string; start: number; end: number };
  events: EventRecord[];
  end: number;
}

function actorRefs(doc: Doc, tokens: Token[]): ToRef {
  return (g) => {
    const start = tokens[g.start].start;
    const end = tokens[g.end - 1].end;
    const ref: ActorRef = { code: g.code, text: doc.text.slice(start, end), start, end, ...(g.name ? { name: g.name } : {}) };
    if (g.antecedent) {
      const a = tokens[g.antecedent.start].start;
      const b = tokens[g.antecedent.end - 1].end;
      ref.refersTo = { text: doc.text.slice(a, b), start: a, end: b };
    }
    return ref;
  };
}

function sameActors(a: ActorList, b: ActorList): boolean {
  if (a === b) return true;
  const codesA = a.members.map((m) => m.code).sort().join(' ');
  return codesA === b.members.map((m) => m.code).sort().join(' ');
}

type ToRef = (g: ActorList['members'][number]) => ActorRef;

/** One EventRecord, with the code's root, QuadClass and Goldstein from the CAMEO table. */
function eventRecord(
  codes: CameoTable,
  sentence: number,
  source: ActorRef,
  target: ActorRef | null,
  code: string,
  verb: TextSpan,
  negated: boolean,
  pattern?: RuleRef,
): EventRecord {
  const info = codes.describe(code);
  return { sentence, source, target, code, root: info.root, quadClass: info.quadClass, goldstein: info.goldstein, verb, negated, ...(pattern ? { pattern } : {}) };
}

/** Every member of `source` acting on every member of `target` (never on itself). */
function pairEvents(
  codes: CameoTable,
  sentence: number,
  source: ActorList,
  target: ActorList,
  code: string,
  verb: TextSpan,
  negated: boolean,
  pattern: RuleRef,
  toRef: ToRef,
): EventRecord[] {
  const out: EventRecord[] = [];
  for (const s of source.members) {
    for (const t of target.members) if (s.code !== t.code) out.push(eventRecord(codes, sentence, toRef(s), toRef(t), code, verb, negated, pattern));
  }
  return out;
}

/**
 * Verb transformations ("~ a (a b ATTACK) SAY = a b 015"): when a speech or intent
 * verb governs another verb, the pair is coded as one event. "The US claimed that
 * ISIL attacked Iraq" is an accusation (USA→ISIL 112), not an attack.
 */
function applyTransformations(
  verbs: VerbRecord[],
  dicts: Dictionaries,
  codes: CameoTable,
  sentenceIndex: number,
  toRef: ToRef,
  dropped: Set<EventRecord>,
): void {
  if (dicts.transformations.length === 0) return;
  for (let k = 1; k < verbs.length; k++) {
    const inner = verbs[k];
    const upper = verbs[k - 1];
    const a = upper.subject;
    if (!a || !inner.source || !inner.code.forward) continue;
    for (const t of dicts.transformations) {
      if (!t.upperBlocks.has(upper.block)) continue;
      if (t.innerBlocks && !t.innerBlocks.has(inner.block) && !t.innerRoots.has(inner.code.forward.slice(0, 2))) continue;
      const controlled = inner.infinitive && inner.complementOf === upper;
      const innerIsA = sameActors(inner.source, a);
      if (t.innerSource === '_' && !(controlled && innerIsA)) continue;
      if (t.innerSource === 'a' && (!innerIsA || controlled)) continue;
      if (t.innerSource === 'b' && innerIsA) continue;
      if (t.innerTarget === 'b' && !inner.target) continue;
      const b = t.innerSource === 'b' ? inner.source : inner.target;
      if (!b) continue;
      const source = t.resultSource === 'a' ? a : b;
      const target = t.resultTarget === 'a' ? a : b;
      const code = t.resultCode === 'Q' ? inner.code.forward : t.resultCode;
      for (const e of upper.events) dropped.add(e);
      for (const e of inner.events) dropped.add(e);
      inner.events = [];
      inner.transformed = true;
      // verbs coordinated with the reported one belong to the same report ("claimed ISIL attacked Iraq and took Mosul")
      for (const v of verbs.slice(k + 1)) {
        if (v.coordinatedWith !== inner && !(v.coordinatedWith?.transformed)) break;
        for (const e of v.events) dropped.add(e);
        v.transformed = true;
      }
      const rule = { file: t.loc.file, line: t.loc.line, text: t.text };
      // the evidence is the verb whose meaning the code carries: "accused Ukraine of sabotaging" is an
      // accusation (the upper verb), "said Russia attacked" an attack (the inner one)
      const verbSpan = t.resultCode === 'Q' ? inner.verbSpan : upper.verbSpan;
      inner.events = pairEvents(codes, sentenceIndex, source, target, code, verbSpan, inner.negated || upper.negated, rule, toRef);
      break;
    }
  }
}

/** Reused for every sentence: the words (and lemmas) present, to skip patterns that cannot match. */
const SENTENCE_WORDS = new Set<string>();

function hasAny(words: Set<string>, present: Set<string>): boolean {
  // walk the smaller set: a synonym set may hold hundreds of words, a sentence a few dozen
  if (words.size > present.size) {
    for (const w of present) if (words.has(w)) return true;
    return false;
  }
  for (const w of words) if (present.has(w)) return true;
  return false;
}

export interface SentenceState {
  /** Source of the previous coded verb in the article: pronouns and coordinated verbs refer to it. */
  lastSource: ActorList | null;
  /** The actor phrases of each sentence coded so far (index = sentence index), for later stages. */
  actors: ActorGroup[][];
  /** Titled people met so far: their names alone code as the same actor. */
  names: ArticleNames;
}

export function codeSentence(
  doc: Doc,
  sentence: Sentence,
  dicts: Dictionaries,
  tables: CodeTables,
  date: number,
  state: SentenceState,
  options: CodingOptions = {},
): EventRecord[] {
  const o = { ...DEFAULTS, ...options };
  const { codes, complements } = tables;
  const tokens = doc.tokens;
  const mentions = findMentions(tokens, sentence.tokenStart, sentence.tokenEnd, dicts, date, state.names);
  const inMention = new Uint8Array(sentence.tokenEnd - sentence.tokenStart);
  for (const m of mentions) if (m.kind === 'actor' && m.code) for (let i = m.start; i < m.end; i++) inMention[i - sentence.tokenStart] = 1;
  const hidden = hideSubClauses(tokens, sentence, (i) => inMention[i - sentence.tokenStart] === 1, o);
  const hiddenAt = (i: number) => hidden[i - sentence.tokenStart] === 1;
  const recent = state.actors.slice(Math.max(0, sentence.index - 6), sentence.index).flatMap((g) => g ?? []);
  const groups = resolveDescriptions(tokens, groupActors(tokens, mentions, hiddenAt), recent, { start: sentence.tokenStart, end: sentence.tokenEnd }, hiddenAt);
  const lists = listActors(tokens, groups, hiddenAt);
  state.actors[sentence.index] = groups;
  rememberNames(tokens, groups, state.names);
  const listAt = new Map<number, ActorList>();
  for (const l of lists) for (let i = l.start; i < l.end; i++) listAt.set(i, l);
  const ctx: SentenceContext = { doc, sentence, tokens, hidden, lists, listAt };
  const sentenceWords = SENTENCE_WORDS;
  sentenceWords.clear();
  for (let i = sentence.tokenStart; i < sentence.tokenEnd; i++) {
    sentenceWords.add(tokens[i].norm);
    sentenceWords.add(tokens[i].lemma);
  }

  const events: EventRecord[] = [];
  const ref = actorRefs(doc, tokens);
  let previousSource: ActorList | null = null;
  /** Verbs before this token belong to a reason clause ("for helping …"): no events of their own. */
  let reasonUntil = -1;
  /** The last dictionary verb seen: an infinitive after it ("pledged to expel") is its complement. */
  let governing: VerbRecord | null = null;
  const verbs: VerbRecord[] = [];
  const dropped = new Set<EventRecord>();
  for (let i = sentence.tokenStart; i < sentence.tokenEnd; i++) {
    const t = tokens[i];
    if (isHidden(ctx, i) || listAt.has(i)) continue;
    // wink sometimes tags a verb right after its subject as ADJ or NOUN ("Arnor and Gondor welcome a …")
    // and a headline's present tense after its subject ("Saudi Arabia lifts blockade of Qatar")
    const next = tokens[i + 1];
    // and an -ed form between two actors ("Congress pressured Obama") or after "be" before "by"
    // ("Obama was pressured by Congress")
    const edForm = t.norm.endsWith('ED') && next !== undefined && i + 1 < sentence.tokenEnd;
    const mistagged =
      (t.pos === 'ADJ' || t.pos === 'NOUN') &&
      next !== undefined &&
      i + 1 < sentence.tokenEnd &&
      ((listAt.has(i - 1) && (next.pos === 'DET' || (t.norm.endsWith('S') && (next.pos === 'NOUN' || next.pos === 'PROPN' || next.pos === 'ADP')))) ||
        (edForm && listAt.has(i - 1) && listAt.has(i + 1)) ||
        // "Rwanda alleged that …", "the report alleged that …"
        (edForm && next.norm === 'THAT' && (listAt.has(i - 1) || tokens[i - 1]?.pos === 'NOUN' || tokens[i - 1]?.pos === 'PROPN')) ||
        (edForm && next.norm === 'BY' && (tokens[i - 1]?.lemma === 'BE' || tokens[i - 1]?.norm === 'BEING' || tokens[i - 1]?.norm === 'BEEN')));
    if (t.pos !== 'VERB' && !mistagged && !afterModal(tokens, i, sentence.tokenStart)) continue;
    const relativeEnd = reducedRelativeEnd(ctx, i, verbs.length > 0 && verbs[verbs.length - 1].end <= i && tokens[verbs[verbs.length - 1].end - 1].sentence === sentence.index && clauseStartBefore(ctx, i) <= verbs[verbs.length - 1].end - 1);
    if (relativeEnd > i) {
      // "The civilians imprisoned for acting against Moscow were released by Putin": the participle
      // phrase describes the subject; set it aside so the main verb finds its subject across it
      for (let k = i; k < relativeEnd; k++) hidden[k - sentence.tokenStart] = 1;
      i = relativeEnd - 1;
      continue;
    }
    const hit = findVerb(dicts, tokens, i, sentence.tokenEnd);
    if (!hit) continue;
    const block = dicts.blocks[hit.form.block];
    const clauseStart = clauseStartBefore(ctx, i);
    const clauseEnd = clauseEndAfter(ctx, hit.end);
    const groupStart = verbGroupStart(tokens, i, clauseStart);
    const passive = isPassive(tokens, i, clauseStart);

    // --- subject: nearest actor list before the verb group in this clause
    const infinitive = tokens.slice(groupStart, i).some((x) => x.norm === 'TO');
    let subject: ActorList | null = null;
    const before = groupStart - 1;
    const complementOf: VerbRecord | null = infinitive && governing && governing.end <= groupStart ? governing : null;
    let subjectDirect = false;
    let coordinatedWith: VerbRecord | null = null;
    if (before >= clauseStart && COORDINATORS.has(tokens[before].norm) && previousSource) {
      subject = previousSource; // "condemned the attack and promised aid": same subject
      coordinatedWith = verbs[verbs.length - 1] ?? null;
    } else if (complementOf && (complementOf.subject || (complementOf.objectControl && complementOf.target))) {
      // "urged Bree to help": Bree helps; "pledged to expel", "was seen to break": the subject does
      subject = complementOf.objectControl && complementOf.target ? complementOf.target : complementOf.subject;
    } else {
      subject = findSubject(ctx, groupStart, clauseStart, infinitive, previousSource ?? state.lastSource);
      subjectDirect = subject !== null && subject.end <= groupStart && subject.end >= groupStart - 3;
    }

    // --- object: first actor list after the verb in this clause
    // (not past the next verb: "said such a step enjoyed support from Moscow" has no target)
    let objectEnd = clauseEnd;
    for (let k = hit.end; k < clauseEnd; k++) {
      const x = tokens[k];
      if (isHidden(ctx, k) || listAt.has(k)) continue;
      // a new clause with its own subject: "says it has …", "said such a step would …"
      const prev = tokens[k - 1];
      if ((x.pos === 'AUX' && (prev.pos === 'PRON' || prev.pos === 'NOUN')) || (x.pos === 'VERB' && (prev.pos === 'PRON' || (k > hit.end && finiteAfterNoun(tokens, k))))) {
        objectEnd = k;
        break;
      }
    }
    const objectList: ActorList | null = lists.find((l) => l.start >= hit.end && l.start < objectEnd && !isHidden(ctx, l.start) && l !== subject) ?? null;

    // --- pattern
    let match: PatternMatch | null = null;
    const npStart = subjectPhraseStart(ctx, groupStart, clauseStart);
    // pattern words stay in the verb's own clause: not past "that", nor past the verb of a
    // complement clause with its own subject ("said such a step enjoyed support from Moscow")
    let thatAt = objectEnd;
    for (let k = hit.end; k < objectEnd; k++) {
      const x = tokens[k];
      if (x.norm === 'THAT' || (k > hit.end && !listAt.has(k) && !isHidden(ctx, k) && finiteAfterNoun(tokens, k))) {
        thatAt = k;
        break;
      }
    }
    for (const p of block.compiled) {
      if (!p.requiredFirstWords.every((set) => hasAny(set, sentenceWords))) continue;
      // "+ * (BY $)" is written for the passive ("Gondor was condemned by Arnor"): an active
      // "Israel condemned incitement by Ankara" is not Ankara condemning Israel
      if (!passive && p.reversed) continue;
      let m: PatternMatch = { pattern: p, compound: false, score: 0, wordLimit: thatAt, firstWordAt: Infinity };
      if (!matchForward(ctx, p.afterAlts, hit.end, clauseEnd, m) || !matchBackward(ctx, p.beforeAlts, groupStart, npStart, m)) {
        // in the passive the verb's object is its subject: "Evidence against Russia was presented
        // by the US" matches "- * EVIDENCE (AGAINST +)" in the phrase before the verb
        if (!passive || p.beforeAlts.length > 0 || !p.afterAlts.some((slot) => slot.kind === 'words')) continue;
        m = { pattern: p, compound: false, score: 0, wordLimit: groupStart, firstWordAt: Infinity };
        if (!matchForward(ctx, p.afterAlts, clauseStart, groupStart, m) || m.source) continue;
      }
      // "expressed appreciation for China's assistance" is appreciation: the nearer word wins;
      // on a full tie the later pattern wins, as in PETRARCH
      if (!match || m.score > match.score || (m.score === match.score && m.firstWordAt <= match.firstWordAt)) match = m;
    }
    const codeFound: CodeSpec = match ? match.pattern.code : hit.form.code;
    let source: ActorList | null = match?.source ?? subject;
    let target: ActorList | null = match?.target ?? objectList;
    if (passive && !match?.source) {
      // "Eriador was opposed by Osgiliath": the by-phrase is the source
      let byList: ActorList | null = null;
      for (let k = hit.end; k < clauseEnd; k++) {
        if (tokens[k].norm === 'BY') {
          byList = lists.find((l) => l.start > k && l.start <= k + 3 && !isHidden(ctx, l.start)) ?? null;
          break;
        }
      }
      // a pattern's "+" after the verb is the object, which in the passive is the subject, not the by-phrase
      target = match?.target && match.target !== byList ? match.target : subject;
      // with no by-phrase, the actor after the verb is taken as the source, as PETRARCH does
      const infinitiveFollows = tokens[hit.end]?.norm === 'TO';
      source = byList ?? (objectList !== target && !infinitiveFollows ? objectList : null);
    }
    previousSource = source ?? previousSource;
    if (source) state.lastSource = source;
    const base = hit.form.base.split(' ')[0];
    let negated = !match?.pattern.beforeAlts.length && isNegated(tokens, groupStart, i);
    let code = codeFound;
    const negatedCode = negated && code.forward ? dicts.negations.get(code.forward) : undefined;
    if (negatedCode) {
      // the dictionary set defines what a negated verb means ("did not clash" → cooperate)
      code = { forward: negatedCode, reverse: null };
      negated = false;
    } else if (negated && code.forward && isRefusal(tokens, groupStart, i)) {
      // "will not lift the sanctions" is a refusal (12x), an act; "did not attack" is no event
      const refusal = tables.refusals.lookup(code.forward);
      if (refusal) {
        code = { forward: refusal, reverse: null };
        negated = false;
      }
    }
    const verbSpan = { text: doc.text.slice(tokens[hit.start].start, tokens[hit.end - 1].end), start: tokens[hit.start].start, end: tokens[hit.end - 1].end };
    const thisVerb: VerbRecord = {
      base,
      block: hit.form.block,
      subject: passive ? subject : source,
      source,
      target,
      // "urged Bree to help": the object sits between the verb and "to"
      // ("Obama was pressured by Congress to help Iran": in the passive the object is the subject)
      objectControl:
        OBJECT_CONTROL.has(base) &&
        target !== null &&
        (passive
          ? tokens.slice(hit.end, Math.min(clauseEnd, hit.end + 6)).some((x) => x.norm === 'TO')
          : tokens.slice(hit.end, target.start).every((x) => x.norm !== 'TO') &&
            tokens.slice(target.end, Math.min(target.end + 4, sentence.tokenEnd)).some((x) => x.norm === 'TO')),
      complementOf,
      coordinatedWith,
      infinitive,
      transformed: false,
      code,
      negated,
      verbSpan,
      events: [],
      end: hit.end,
    };
    verbs.push(thisVerb);
    if (!code.forward && !code.reverse) {
      governing = thisVerb;
      continue;
    }
    if (!source) {
      governing = thisVerb;
      continue;
    }
    const compound = match?.compound ?? false;

    const rule: RuleRef | undefined = match
      ? { file: match.pattern.loc.file, line: match.pattern.loc.line, text: match.pattern.text }
      : undefined;
    const emitted = new Set<string>();
    const emit = (src: ActorRef, tgt: ActorRef | null, c: string) => {
      if (tgt && tgt.code === src.code) return;
      // one-sided events are kept only when asked for, and never for bare statements ("X said")
      if (!tgt && (o.requireDyad || c.startsWith('01'))) return;
      const key = `${src.code}>${tgt?.code}:${c}`;
      if (emitted.has(key)) return; // one verb, one event per dyad and code
      emitted.add(key);
      const event = eventRecord(codes, sentence.index, src, tgt, c, verbSpan, negated, rule);
      if (negatedCode && codeFound.forward) event.negationOf = codeFound.forward;
      thisVerb.events.push(event);
    };
    // "Arnor and Gondor met": a compound subject with no target acts on itself, pair by pair
    const mutual = code.forward !== null && tables.isReciprocal(code.forward);
    if ((compound || (!target && !passive && !infinitive && subjectDirect && mutual)) && source.members.length > 1 && !match?.target) {
      for (const a of source.members) for (const b of source.members) if (a !== b && code.forward) emit(ref(a), ref(b), code.forward);
      continue;
    }
    for (const s of source.members) {
      if (!target) {
        if (code.forward) emit(ref(s), null, code.forward);
        continue;
      }
      for (const tg of target.members) {
        if (code.forward) emit(ref(s), ref(tg), code.forward);
        if (code.reverse) emit(ref(tg), ref(s), code.reverse);
      }
    }
    // "pledged to expel" is an expulsion: the complement carries the action of a subject-control
    // verb. "urged Bree to respond" is an appeal: an object-control verb keeps its own event.
    // (only after a verb that takes a complement: "will send a team to help" is a purpose; and an
    // intent only after a verb that expresses one: "prepared to attend" is the attendance)
    const upperRoot = complementOf?.code.forward?.slice(0, 2);
    const combined =
      complementOf && upperRoot && COMPLEMENT_VERBS.has(complementOf.base) && (upperRoot !== '03' || INTENT_VERBS.has(complementOf.base)) &&
      thisVerb.code.forward && thisVerb.events.length > 0 && complementOf.source
        ? complements.combine(upperRoot, thisVerb.code.forward)
        : null;
    if (combined && complementOf?.source) {
      // "urged Russia to release the prisoners": one appeal for release (0253)
      const target = complementOf.objectControl ? complementOf.target : thisVerb.target;
      for (const e of [...complementOf.events, ...thisVerb.events]) dropped.add(e);
      const rule = { file: 'complement-codes.tsv', line: 0, text: `${complementOf.base} + ${base} → ${combined}` };
      thisVerb.events = target
        ? pairEvents(codes, sentence.index, complementOf.source, target, combined, complementOf.verbSpan, complementOf.negated, rule, ref)
        : [];
    } else if (complementOf && thisVerb.events.length > 0 && COMPLEMENT_VERBS.has(complementOf.base)) {
      if (complementOf.objectControl && complementOf.events.length > 0) {
        for (const e of thisVerb.events) dropped.add(e);
      } else if (!complementOf.objectControl && complementOf.source === source) {
        for (const e of complementOf.events) dropped.add(e);
      }
    }
    // a purpose ("sent troops to Syria to fight ISIS", "faces pressure from Congress to help Iran")
    // is an aim, not an act: the governing verb's event stands for the sentence, as in PETRARCH.
    // "jailed a student for helping militants join a group": the reason given for an act is an
    // allegation inside it, not an event of its own. Nor is what follows in their clause.
    const purpose = complementOf !== null && !COMPLEMENT_VERBS.has(complementOf.base) && !combined && complementOf.events.length > 0;
    const reason = purpose || (t.norm.endsWith('ING') && tokens[groupStart - 1]?.norm === 'FOR' && verbs.some((v) => v !== thisVerb && v.events.length > 0));
    if (reason) {
      reasonUntil = clauseEnd;
      for (let k = i; k < clauseEnd; k++) if (tokens[k].norm === ',') reasonUntil = Math.min(reasonUntil, k);
    }
    if (reason || i < reasonUntil) for (const e of thisVerb.events) dropped.add(e);
    governing = thisVerb;
  }
  applyTransformations(verbs, dicts, codes, sentence.index, ref, dropped);
  for (const v of verbs) for (const e of v.events) if (!dropped.has(e)) events.push(e);
  return events;
}
