/**
 * Shallow clause analysis for the coder, without a parser: which tokens a sentence's
 * comma sub-clauses and attribution tails set aside, where a clause starts and ends,
 * a verb's group ("has not been", "will soon"), voice, negation and refusal, and the
 * subject a verb takes from the actor phrases before it.
 */
import type { ActorList } from '../actors/index.ts';
import { lexicon, type Doc, type Sentence, type Token } from '../text/index.ts';
import type { CodingOptions } from './coder.ts';

/** Words that open a new clause: the source or target of a verb is not looked for past them. */
const CLAUSE_BREAKS = lexicon('clause-breaks');
export const REPORT_VERBS = lexicon('report-verbs');
const ASPECT_VERBS = lexicon('aspect-verbs');
const BACKWARD_BREAKS = new Set([...CLAUSE_BREAKS, 'THAT']);
const PRONOUNS = new Set(['IT', 'THEY', 'HE', 'SHE', 'WE']);
const NEGATIONS = new Set(['NOT', "N'T", 'NEVER', 'NO']);
/** Modal auxiliaries: the word they govern is a bare verb ("would free the prisoners"). */
const MODALS = new Set(['WILL', 'WOULD', 'CAN', 'COULD', 'SHOULD', 'MAY', 'MIGHT', 'MUST', 'SHALL', "'LL", "'D"]);
export const COORDINATORS = new Set(['AND', 'BUT', 'OR']);

export interface SentenceContext {
  doc: Doc;
  sentence: Sentence;
  tokens: Token[];
  hidden: Uint8Array; // indexed by token index - sentence.tokenStart
  lists: ActorList[];
  /** list index by token index (for tokens inside a list). */
  listAt: Map<number, ActorList>;
}

export function isHidden(ctx: SentenceContext, i: number): boolean {
  return ctx.hidden[i - ctx.sentence.tokenStart] === 1;
}

/** Set aside comma-delimited sub-clauses ("…, the state's fiercest foe, …", "…, officials said.") the way TABARI and PETRARCH do. */
export function hideSubClauses(tokens: Token[], s: Sentence, mentionsAt: (i: number) => boolean, o: Required<CodingOptions>): Uint8Array {
  const hidden = new Uint8Array(s.tokenEnd - s.tokenStart);
  const commas: number[] = [];
  // (a comma between two adjectives joins them: "opened direct, high-level talks")
  const betweenAdjectives = (i: number) => {
    const next = tokens[i + 1];
    // ("high-level" may be tagged a noun)
    return i > s.tokenStart && tokens[i - 1].pos === 'ADJ' && next !== undefined && (next.pos === 'ADJ' || (next.pos === 'NOUN' && next.norm.includes('-')));
  };
  for (let i = s.tokenStart; i < s.tokenEnd; i++) if (tokens[i].norm === ',' && !betweenAdjectives(i)) commas.push(i);
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

/**
 * A verb right after a noun that starts a clause of its own ("said such a step enjoyed support"),
 * told apart from a reduced relative ("the roads leading into", "memos sent by Bree"): those
 * are -ing forms or go on with a preposition or particle.
 */
export function finiteAfterNoun(tokens: Token[], k: number): boolean {
  const x = tokens[k];
  if (x.pos !== 'VERB' || tokens[k - 1].pos !== 'NOUN' || x.norm.endsWith('ING')) return false;
  const next = tokens[k + 1];
  return next !== undefined && next.pos !== 'ADP' && next.pos !== 'PART' && next.pos !== 'PUNCT';
}

/** The noun phrase ending at `last` stands right after ", and" or ", but": it is the subject of a clause of its own. */
function opensCoordinateClause(tokens: Token[], last: number, floor: number): boolean {
  let k = last;
  while (k > floor && ['NOUN', 'PROPN', 'ADJ', 'DET', 'NUM'].includes(tokens[k].pos)) k--;
  return k > floor && COORDINATORS.has(tokens[k].norm) && tokens[k - 1].norm === ',';
}

/**
 * A reduced relative clause: a past participle right after a noun, going on with a preposition
 * ("civilians imprisoned for …", "protesters gathered in …"), before the clause's own passive or
 * perfect verb group ("… were released"). Returns where that verb group starts, or -1.
 */
export function reducedRelativeEnd(ctx: SentenceContext, v: number, afterVerb: boolean): number {
  const { tokens, sentence } = ctx;
  const t = tokens[v];
  if (v === sentence.tokenStart || t.pos !== 'VERB' || t.norm.endsWith('ING') || t.norm === t.lemma) return -1;
  const prev = tokens[v - 1];
  const next = tokens[v + 1];
  if ((prev.pos !== 'NOUN' && prev.pos !== 'PROPN') || REPORT_VERBS.has(t.lemma)) return -1;
  if (next?.pos !== 'ADP' && !(next?.pos === 'SCONJ' && next.norm === 'FOR')) return -1;
  const end = clauseEndAfter(ctx, v + 1);
  for (let k = v + 2; k + 1 < end; k++) {
    // a set-aside attribution (", a police officer said") is no clause of the participle's
    if (isHidden(ctx, k)) continue;
    const x = tokens[k];
    // "warned on Monday that troops had …": a complement clause, not a relative one
    if (x.norm === ',' || x.norm === 'THAT' || x.pos === 'PRON' || COORDINATORS.has(x.norm)) return -1;
    if (x.pos === 'AUX' && (x.lemma === 'BE' || x.lemma === 'HAVE') && tokens[k + 1].pos === 'VERB' && tokens[k - 1].pos !== 'PRON') return k;
  }
  // after the clause's verb, on its object: "issued warrants for two men sought in the slaying of …"
  // (not after ", and": "returned the bodies of 20 soldiers, and Moscow handed over …" opens a
  // clause whose subject is the noun)
  if (afterVerb && !opensCoordinateClause(tokens, v - 1, sentence.tokenStart)) {
    for (let k = v + 2; k < end; k++) if (tokens[k].norm === ',') return k;
    return end;
  }
  return -1;
}

/**
 * An -ing word that heads a noun phrase after a preposition, right after a singular common noun:
 * "killed in Israeli tank shelling", "wounded by army shooting". A gerund clause there would have
 * no subject, or a plural or possessive one ("by shelling the city", "after troops opening fire",
 * "despite Gondor's shelling"): a bare singular noun before the -ing word makes a compound noun.
 */
export function isNominalGerund(tokens: Token[], i: number, floor: number): boolean {
  const t = tokens[i];
  const prev = tokens[i - 1];
  if (!t.norm.endsWith('ING') || i - 1 < floor || prev.pos !== 'NOUN' || prev.norm !== prev.lemma) return false;
  let k = i - 2;
  while (k >= floor && (tokens[k].pos === 'NOUN' || tokens[k].pos === 'ADJ' || tokens[k].pos === 'PROPN' || tokens[k].pos === 'NUM')) k--;
  return k >= floor && tokens[k].pos === 'ADP';
}

/** Words of a participle's own verb group: "believed [to be] fired", "thought [to have been] planted". */
const PARTICIPLE_GROUP_WORDS = new Set(['TO', 'BE', 'HAVE', 'BEEN']);
const MAX_PARTICIPLE_GROUP = 6;

/**
 * Who used the instrument a by-phrase names: "was blown up by a missile [fired by rebels]", "by a
 * bomb believed to have been planted by militants". The phrase after "by" (ending at `npEnd`) names
 * no actor; a participle right after it describes the instrument, and its own by-phrase names the
 * doer. Returns that actor list and where it ends, or null.
 */
export function instrumentUser(ctx: SentenceContext, npEnd: number, limit: number): { list: ActorList; end: number } | null {
  const { tokens } = ctx;
  const first = tokens[npEnd];
  if (npEnd >= limit || first.pos !== 'VERB' || first.norm === first.lemma || first.norm.endsWith('ING')) return null;
  for (let k = npEnd + 1; k < limit && k <= npEnd + MAX_PARTICIPLE_GROUP; k++) {
    const x = tokens[k];
    if (x.norm === 'BY') {
      const list = ctx.lists.find((l) => l.start > k && l.start <= k + 3 && !isHidden(ctx, l.start));
      return list ? { list, end: list.end } : null;
    }
    if (x.pos !== 'VERB' && x.pos !== 'ADV' && !PARTICIPLE_GROUP_WORDS.has(x.norm)) return null;
  }
  return null;
}

/** "would free", "will soon release": wink tags some bare verbs after a modal as ADJ or NOUN. */
export function afterModal(tokens: Token[], i: number, floor: number): boolean {
  const t = tokens[i];
  if (t.pos !== 'ADJ' && t.pos !== 'NOUN') return false;
  let k = i - 1;
  while (k >= floor && (tokens[k].pos === 'ADV' || NEGATIONS.has(tokens[k].norm))) k--;
  return k >= floor && MODALS.has(tokens[k].norm);
}

/** Start of the noun phrase that ends right before the verb group (where before-verb pattern words may match). */
export function subjectPhraseStart(ctx: SentenceContext, groupStart: number, floor: number): number {
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

export function clauseEndAfter(ctx: SentenceContext, from: number): number {
  for (let i = from; i < ctx.sentence.tokenEnd; i++) if (CLAUSE_BREAKS.has(ctx.tokens[i].norm) && !isHidden(ctx, i)) return i;
  return ctx.sentence.tokenEnd;
}

export function clauseStartBefore(ctx: SentenceContext, from: number): number {
  for (let i = from - 1; i >= ctx.sentence.tokenStart; i--) if (BACKWARD_BREAKS.has(ctx.tokens[i].norm) && !isHidden(ctx, i)) return i + 1;
  return ctx.sentence.tokenStart;
}

/** Index of the first token of the verb group ("has not been", "is about to"), walking back over auxiliaries. */
export function verbGroupStart(tokens: Token[], v: number, floor: number): number {
  let i = v;
  const gerund = tokens[v].norm.endsWith('ING');
  while (i - 1 >= floor) {
    const t = tokens[i - 1];
    // "Israel needs to talk", "has to end": the semi-modal is the group's, as "must" would be
    if (i - 2 >= floor && isSemiModalTo(tokens, i - 1)) i -= 2;
    else if (t.pos === 'AUX' || t.pos === 'ADV' || t.pos === 'PART' || NEGATIONS.has(t.norm) || t.norm === 'ABOUT' || t.norm === 'TO') i--;
    // "has begun withdrawing": an aspect verb belongs to the group of the gerund it governs
    else if (gerund && t.pos === 'VERB' && ASPECT_VERBS.has(t.lemma)) i--;
    else break;
  }
  return i;
}

/**
 * The "to" of a semi-modal ("needs to", "has to", "ought to"): an obligation of the verb's own
 * subject, like "must", and no infinitive governed by another verb. The modal is a verb or an
 * auxiliary ("the need to talk" is a noun's).
 */
export function isSemiModalTo(tokens: Token[], k: number): boolean {
  const m = tokens[k - 1];
  if (tokens[k]?.norm !== 'TO' || !m || (m.pos !== 'VERB' && m.pos !== 'AUX')) return false;
  return m.lemma === 'NEED' || m.lemma === 'HAVE' || m.norm === 'OUGHT';
}

/** A form of "be", "been" and "being" included. */
const isBe = (t: Token | undefined): boolean => t !== undefined && (t.lemma === 'BE' || t.norm === 'BEEN' || t.norm === 'BEING');

/**
 * A verb wink tagged as an adjective or noun, told by its neighbours: right after its subject
 * before a determiner ("Arnor and Gondor welcome a …"), a headline's present tense ("Saudi Arabia
 * lifts blockade of Qatar"), an -ed form between two actors ("Congress pressured Obama"), before
 * "that" ("Rwanda alleged that …") or after "be" before "by" ("Obama was pressured by Congress"); a
 * progressive after "be" ("is currently striking Islamic Jihad"), a perfect after "have" ("its forces had
 * shot down two drones").
 */
const TIME_WORDS = lexicon('time-words');

/** Where the word before a time ("on Sunday", "Tuesday") before token `i` is, or -1 when no time is there. */
function beforeTime(tokens: Token[], i: number, floor: number): number {
  let k = i - 1;
  if (k <= floor || !TIME_WORDS.has(tokens[k].norm)) return -1;
  k--;
  if (tokens[k].norm === 'ON') k--;
  return k >= floor ? k : -1;
}

export function isMistaggedVerb(ctx: SentenceContext, i: number): boolean {
  const { tokens, listAt } = ctx;
  const t = tokens[i];
  const next = tokens[i + 1];
  if ((t.pos !== 'ADJ' && t.pos !== 'NOUN') || next === undefined || i + 1 >= ctx.sentence.tokenEnd) return false;
  const prev = tokens[i - 1];
  // (past a time between: "IDF troops on Sunday apprehended a Lebanese man")
  const afterActor = listAt.has(i - 1) || listAt.has(beforeTime(tokens, i, ctx.sentence.tokenStart));
  // a perfect after its subject: "its forces had [shot] down two drones"
  if (prev?.pos === 'AUX' && prev.lemma === 'HAVE' && (listAt.has(i - 2) || tokens[i - 2]?.pos === 'PRON') && (next.pos === 'DET' || next.pos === 'ADP' || next.pos === 'NUM' || listAt.has(i + 1))) return true;
  // a progressive before its object: "The IDF is currently striking Islamic Jihad targets"
  if (t.norm.endsWith('ING') && t.pos === 'ADJ' && (listAt.has(i + 1) || next.pos === 'DET')) {
    let k = i - 1;
    while (k > ctx.sentence.tokenStart && tokens[k].pos === 'ADV') k--;
    if (isBe(tokens[k]) && tokens[k].pos === 'AUX' && listAt.has(k - 1)) return true;
  }
  // (not when the actor is the object of a verb before it: "is striking Islamic Jihad [targets] in Gaza")
  const actor = listAt.get(i - 1);
  const before = actor ? tokens[actor.start - 1] : undefined;
  const object = before !== undefined && actor!.start > ctx.sentence.tokenStart && (before.pos === 'VERB' || before.norm.endsWith('ING')) && !REPORT_VERBS.has(before.lemma);
  if (afterActor && (next.pos === 'DET' || (t.norm.endsWith('S') && !object && (next.pos === 'NOUN' || next.pos === 'PROPN' || next.pos === 'ADP')))) return true;
  // headline present after a plural actor: "Syrian forces clash with rioters", "rebels attack Aleppo"
  if (afterActor && t.pos === 'NOUN' && t.norm === t.lemma && prev.norm.endsWith('S') && (next.pos === 'ADP' || listAt.has(i + 1))) return true;
  if (!t.norm.endsWith('ED')) return false;
  return (
    (afterActor && listAt.has(i + 1)) ||
    (next.norm === 'THAT' && (afterActor || prev?.pos === 'NOUN' || prev?.pos === 'PROPN')) ||
    (next.norm === 'BY' && isBe(prev))
  );
}

export function isPassive(tokens: Token[], v: number, floor: number): boolean {
  const t = tokens[v];
  if (t.norm.endsWith('ING') || t.norm === t.lemma) return false;
  for (let i = v - 1; i >= floor; i--) {
    const p = tokens[i];
    if (isBe(p)) return true;
    if (p.pos === 'ADV' || p.pos === 'CCONJ' || NEGATIONS.has(p.norm)) continue;
    break;
  }
  // "there were ten Russian soldiers killed in Ukraine": a participle after an existential's noun phrase
  let j = v - 1;
  while (j >= floor && ['NOUN', 'PROPN', 'ADJ', 'NUM', 'DET'].includes(tokens[j].pos)) j--;
  return j > floor && j < v - 1 && tokens[j].lemma === 'BE' && tokens[j - 1].norm === 'THERE';
}

export function isNegated(tokens: Token[], groupStart: number, v: number): boolean {
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

/**
 * "The US commander in Iraq, General David Petraeus, held talks": an apposition renames the noun
 * phrase before it, and both code the same actor. When the name says less than the description
 * (a person out of every dated role is only the country), the description's code is kept.
 */
function renamedHead(ctx: SentenceContext, apposition: ActorList, floor: number): ActorList | null {
  // an unlisted title word may open the name ("General David Petraeus")
  let comma = apposition.start - 1;
  while (comma > floor && ctx.tokens[comma].pos === 'PROPN' && !ctx.listAt.has(comma)) comma--;
  if (comma - 1 < floor || ctx.tokens[comma].norm !== ',' || apposition.members.length !== 1) return null;
  const before = ctx.listAt.get(comma - 1);
  if (!before || before.end !== comma) return null;
  const head = headOf(ctx, before, floor);
  if (head.members.length !== 1) return null;
  const [described, named] = [head.members[0].code, apposition.members[0].code];
  return described.length > named.length && described.startsWith(named) ? head : null;
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
export function findSubject(ctx: SentenceContext, groupStart: number, clauseStart: number, infinitive: boolean, fallback: ActorList | null): ActorList | null {
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
      const found = headOf(ctx, list, clauseStart);
      return renamedHead(ctx, found, clauseStart) ?? found;
    }
    const t = tokens[k];
    // "Amnesty International (AI) has accused": a bracketed acronym or aside is stepped over
    if (t.text === ')') {
      let open = k - 1;
      while (open >= clauseStart && tokens[open].text !== '(' && k - open < 12) open--;
      if (open >= clauseStart && tokens[open].text === '(') {
        k = open;
        continue;
      }
    }
    if (PRONOUNS.has(t.norm)) return [...lists].reverse().find((l) => l.end <= k) ?? fallback;
    if (t.pos === 'VERB' && !infinitive) return null;
    if (firstContent && t.pos === 'NOUN' && !infinitive) {
      // a plain noun right before the verb is its subject; only its possessor can make it an actor
      let j = k - 1;
      // (a number inside the phrase is a modifier too: "the Boeing 777 flight")
      while (j >= clauseStart && !isHidden(ctx, j) && !listAt.has(j) && (tokens[j].pos === 'NOUN' || tokens[j].pos === 'ADJ' || tokens[j].pos === 'NUM' || tokens[j].norm === 'AND' || tokens[j].pos === 'DET')) j--;
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
