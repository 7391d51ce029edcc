/**
 * The event coder: for each sentence, find verbs that the verb dictionary
 * knows, find their source and target actors with shallow, rule-based clause
 * analysis (no parser), pick the most specific matching verb pattern, and emit
 * CAMEO events with the evidence that produced them. `codeSentence` runs the
 * steps in order; governed.ts holds those in which the verbs around a verb code
 * its events anew, records.ts the building of the events.
 */
import { findMentions, groupActors, listActors, rememberNames, resolveDescriptions, type ActorGroup, type ActorList, type ArticleNames } from '../actors/index.ts';
import type { CameoTable, ComplementCodes, PrefixCodes } from '../codes/index.ts';
import { matchPhraseAt, type CodeSpec, type CompiledBlock, type Dictionaries, type VerbForm } from '../dictionaries/index.ts';
import type { ActorRef, EventRecord, RuleRef } from '../model/index.ts';
import { hasFutureAuxiliary, lexicon, type Doc, type Sentence, type Token } from '../text/index.ts';
import {
  afterModal,
  clauseEndAfter,
  clauseStartBefore,
  COORDINATORS,
  findSubject,
  finiteAfterNoun,
  hideSubClauses,
  instrumentUser,
  isHidden,
  isMistaggedVerb,
  isNegated,
  isNominalGerund,
  isPassive,
  reducedRelativeEnd,
  REPORT_VERBS,
  subjectPhraseStart,
  verbGroupStart,
  isSemiModalTo,
  type SentenceContext,
} from './clauses.ts';
import { applyTransformations, combineWithGoverning, intentToAct, pronounObject, purposeOrReasonEnd, reportedDemand, statedIntent } from './governed.ts';
import { matchBackward, matchForward, type PatternMatch } from './patterns.ts';
import { actorRefs, eventRecord, sameActors, type ToRef } from './records.ts';

/** The code tables coding consults (data/codes/). */
export interface CodeTables {
  codes: CameoTable;
  complements: ComplementCodes;
  refusals: PrefixCodes;
  isReciprocal: (code: string) => boolean;
}

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

const OBJECT_CONTROL = lexicon('object-control-verbs');
const INTENT_ADJECTIVES = lexicon('intent-adjectives');
const REFUSAL_ADJECTIVES = lexicon('refusal-adjectives');
const TIME_WORDS = lexicon('time-words');
const WEAPON_NOUNS = lexicon('weapon-nouns');
const NOUN_PHRASE_TAGS = new Set(['DET', 'ADJ', 'NUM', 'NOUN', 'PROPN']);
/** Verbs that link a subject to a predicate adjective ("is willing", "remains ready", "stands ready"). */
const COPULAS = lexicon('linking-verbs');

interface IntentAdjective {
  /** The adjective ("willing"). */
  at: number;
  /** The copula before it ("is"): the adjective phrase starts there. */
  copula: number;
  /** "was not willing to meet", "is unwilling to meet": a refusal. */
  negated: boolean;
}

/**
 * A predicate adjective of intent governing the infinitive whose group starts at `groupStart`:
 * "Honduras is [willing] to withdraw", "remains fully [ready] to talk", "was not [prepared] to attend".
 */
function intentAdjectiveBefore(tokens: Token[], groupStart: number, floor: number): IntentAdjective | null {
  const at = groupStart - 1;
  if (at <= floor || tokens[groupStart].norm !== 'TO') return null;
  // "is unwilling to meet", "remains reluctant to withdraw": a refusal, as "is not willing to" is
  const refusal = REFUSAL_ADJECTIVES.has(tokens[at].norm);
  if (!refusal && !INTENT_ADJECTIVES.has(tokens[at].norm)) return null;
  let copula = at - 1;
  while (copula > floor && (tokens[copula].pos === 'ADV' || tokens[copula].pos === 'PART')) copula--;
  if (!COPULAS.has(tokens[copula].lemma)) return null;
  return { at, copula, negated: isNegated(tokens, copula + 1, at) !== refusal };
}

interface VerbHit {
  start: number;
  end: number;
  form: VerbForm;
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
 * The start of the subject of the clause a verb reports ("says [Israel] must end …", "said that
 * [Hamas] should …"): the actor list right before that clause's verb, with nothing but "that"
 * or a determiner between it and the reporting verb. Returns -1 when there is none.
 */
function reportedSubjectAt(tokens: Token[], list: ActorList | undefined, verbEnd: number): number {
  if (!list || list.start < verbEnd) return -1;
  // a time adverbial may come first: "said [on Tuesday] that Qatar must …", "said [Wednesday] North Korea must …"
  let k = verbEnd;
  while (k < list.start && (TIME_WORDS.has(tokens[k].norm) || (tokens[k].norm === 'ON' && TIME_WORDS.has(tokens[k + 1]?.norm ?? '')))) k++;
  for (; k < list.start; k++) if (tokens[k].norm !== 'THAT' && tokens[k].pos !== 'DET') return -1;
  return list.start;
}

export interface VerbRecord {
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
  /** Just past the last word its pattern matched after it ("SEEK * (TO {DEEPEN &COOPERATION_})"). */
  patternEnd: number;
  /**
   * The subject of the clause this verb reports, when its pattern read into that clause ("- * +
   * &MUST_ [100]": "says Israel must end …" is a demand on Israel); its verb says what is demanded.
   */
  reportedSubject: ActorList | null;
  /** A pronoun the verb acts on before any actor object ("attacked it", "fired at them"): its token, or -1. */
  objectPronoun: number;
  /** The code the dictionary set's negation replaced ("did not clash"), kept on the events as the evidence. */
  negationOf: string | undefined;
}

/**
 * A paired code whose two sides are different acts ([042:043]: one visits, the other hosts) on a
 * to-infinitive ("is scheduled to visit Gondor", "prepared to attend the Games"): the visit is only
 * planned, and the plan is the visitor's. The host has done nothing yet, so its side is coded when
 * a visit is reported as taking place ("visited Gondor"). Symmetric pairs ([040:040]) stay: both
 * sides of a planned meeting plan it.
 */
function plannedOnly(infinitive: boolean, code: CodeSpec): boolean {
  return infinitive && code.reverse !== null && code.reverse !== code.forward;
}

/** Reused for every sentence: the words (and lemmas) present, to skip patterns that cannot match. */
const SENTENCE_WORDS = new Set<string>();

/** The patterns of `block` whose first word slot has a word of the sentence (or no word slot), in the block's order. */
function candidatePatterns(block: CompiledBlock, present: Set<string>): number[] {
  const out = [...block.patternsWithoutWords];
  for (const w of present) {
    const list = block.patternsByWord.get(w);
    if (list) for (const k of list) out.push(k);
  }
  // a pattern listed under two of the sentence's words comes once; the block's order decides ties
  return out.length > 1 ? [...new Set(out)].sort((a, b) => a - b) : out;
}

function hasAny(words: Set<string>, present: Set<string>): boolean {
  // walk the smaller set: a synonym set may hold hundreds of words, a sentence a few dozen
  if (words.size > present.size) {
    for (const w of present) if (words.has(w)) return true;
    return false;
  }
  for (const w of words) if (present.has(w)) return true;
  return false;
}

/** A verb's code before the modality and negation rules, and the facts they read. */
interface VerbCodeInput {
  code: CodeSpec;
  negated: boolean;
  source: ActorList | null;
  infinitive: boolean;
  groupStart: number;
  verbAt: number;
}

/**
 * The code a verb's events take once negation and announced action are read: a negated verb the
 * dictionary set gives an opposite for, a refusal ("will not lift"), a stated intent or threat
 * ("said it would free", "said it will strike"). `negatedCode` is the opposite the set gave.
 */
function verbCode(
  tokens: Token[],
  dicts: Dictionaries,
  tables: CodeTables,
  verbs: VerbRecord[],
  at: VerbCodeInput,
): { code: CodeSpec; negated: boolean; negatedCode: string | undefined } {
  let { code, negated } = at;
  const negatedCode = negated && code.forward ? dicts.negations.get(code.forward) : undefined;
  if (negatedCode) {
    // the dictionary set defines what a negated verb means ("did not clash" → cooperate)
    code = { forward: negatedCode, reverse: null };
    negated = false;
  } else if (negated && code.forward && hasFutureAuxiliary(tokens, at.groupStart, at.verbAt)) {
    // "will not lift the sanctions", "won't attend" is a refusal (12x), an act; "did not attack" is no event
    const refusal = tables.refusals.lookup(code.forward);
    if (refusal) {
      code = { forward: refusal, reverse: null };
      negated = false;
    }
  } else if (!negated && code.forward && at.source && !at.infinitive && hasFutureAuxiliary(tokens, at.groupStart, at.verbAt)) {
    // "Israel announced it would free 150 prisoners" is an intent to release (0353), not a release;
    // "said it will strike" a threat: the speaker reports its own action to come
    let reporter: VerbRecord | undefined;
    for (let v = verbs.length - 1; v >= 0 && !reporter; v--) if (REPORT_VERBS.has(verbs[v].base) && verbs[v].end <= at.groupStart && verbs[v].subject) reporter = verbs[v];
    if (reporter?.subject && sameActors(reporter.subject, at.source)) {
      const stated = intentToAct(tables, code.forward, false);
      if (stated) code = { forward: stated, reverse: null };
    }
  }
  return { code, negated, negatedCode };
}

/** Where a verb's patterns may look, as `bestPattern` needs it. */
interface PatternScope {
  passive: boolean;
  /** The verb takes an object that does the action of its infinitive ("urged Bree to help"). */
  objectControl: boolean;
  verbEnd: number;
  clauseStart: number;
  clauseEnd: number;
  groupStart: number;
  /** Where the subject's noun phrase starts: words before "*" are looked for back to here. */
  npStart: number;
  wordLimit: number;
  objectEnd: number;
  complementAt: number;
  /** The passive's by-phrase [byStart, byEnd); byStart -1 when there is none. */
  byStart: number;
  byEnd: number;
}

/** The verb block's pattern that fits the sentence best, or null: the nearer word wins, and on a full tie the later pattern, as in PETRARCH. */
function bestPattern(ctx: SentenceContext, block: CompiledBlock, present: Set<string>, scope: PatternScope): PatternMatch | null {
  let match: PatternMatch | null = null;
  for (const k of candidatePatterns(block, present)) {
    const p = block.compiled[k];
    // (the first word slot is known present: that is how the pattern was found)
    if (!p.requiredFirstWords.every((set, n) => n === 0 || hasAny(set, present))) continue;
    // "+ * (BY $)" is written for the passive ("Gondor was condemned by Arnor"): an active
    // "Israel condemned incitement by Ankara" is not Ankara condemning Israel
    if (!scope.passive && p.reversed) continue;
    let m: PatternMatch = {
      pattern: p, compound: false, score: 0, wordLimit: scope.wordLimit, firstWordAt: Infinity,
      ...(scope.objectControl ? { actorLimit: scope.objectEnd } : {}),
      ...(scope.complementAt >= 0 ? { complementAt: scope.complementAt } : {}),
    };
    if (!matchForward(ctx, p.afterAlts, scope.verbEnd, scope.clauseEnd, m) || !matchBackward(ctx, p.beforeAlts, scope.groupStart, scope.npStart, m)) {
      if (!scope.passive) continue;
      if (p.beforeAlts.length > 0) {
        // the words before "*" describe the doer, in the passive the by-phrase: "The building
        // was demolished by a Ukrainian protestor" matches "- PROTESTOR *"
        if (scope.byEnd <= scope.byStart || !p.beforeAlts.every((slot) => slot.kind === 'words')) continue;
        m = { pattern: p, compound: false, score: 0, wordLimit: scope.wordLimit, firstWordAt: Infinity };
        if (!matchForward(ctx, p.afterAlts, scope.verbEnd, scope.clauseEnd, m) || !matchBackward(ctx, p.beforeAlts, scope.byEnd, scope.byStart, m)) continue;
      } else {
        // and the verb's object is its subject: "Evidence against Russia was presented by the US"
        // matches "- * EVIDENCE (AGAINST +)" in the phrase before the verb
        if (!p.afterAlts.some((slot) => slot.kind === 'words')) continue;
        m = { pattern: p, compound: false, score: 0, wordLimit: scope.groupStart, firstWordAt: Infinity };
        if (!matchForward(ctx, p.afterAlts, scope.clauseStart, scope.groupStart, m) || m.source) continue;
      }
    }
    // "expressed appreciation for China's assistance" is appreciation: the nearer word wins;
    // on a full tie the later pattern wins, as in PETRARCH
    if (!match || m.score > match.score || (m.score === match.score && m.firstWordAt <= match.firstWordAt)) match = m;
  }
  return match;
}

/** Where a verb's object may be looked for, and where its complement starts. */
interface ObjectScope {
  /** Actors after the verb are its object only before this token. */
  objectEnd: number;
  /** The first "that" after the verb, or -1. */
  thatAt: number;
  /** Where the verb's complement starts: the "to" of an object-control infinitive, the subject of a reported clause; -1 when none. */
  complementAt: number;
}

/**
 * The scope of a verb's object, from the end of the verb (`from`) to the end of its clause: not
 * past the next verb ("said such a step enjoyed support from Moscow" has no target), nor past the
 * infinitive of an object-control verb.
 */
function objectScope(ctx: SentenceContext, from: number, clauseEnd: number, base: string): ObjectScope {
  const { tokens, listAt } = ctx;
  let objectEnd = clauseEnd;
  let thatAt = -1;
  let complementAt = -1;
  const speech = REPORT_VERBS.has(base);
  for (let k = from; k < clauseEnd; k++) {
    const x = tokens[k];
    if (x.norm === 'THAT' && thatAt < 0) thatAt = k;
    if (isHidden(ctx, k) || listAt.has(k)) continue;
    // "called on Muslim countries to cut ties with Israel": the one called on comes before the infinitive
    if (x.norm === 'TO' && tokens[k + 1]?.pos === 'VERB' && OBJECT_CONTROL.has(base)) {
      objectEnd = k;
      complementAt = k;
      break;
    }
    // "condemned the attack and said Washington would …": a verb coordinated after the object
    // starts a predicate of its own, whose actors are not this verb's object
    if (k > from && COORDINATORS.has(x.norm) && coordinatedPredicateAt(ctx, k + 1, clauseEnd)) {
      objectEnd = k;
      break;
    }
    // a new clause with its own subject: "says it has …", "said such a step would …"
    // (after a speech verb, any verb right after an actor: "said Ukraine attacked …")
    const prev = tokens[k - 1];
    const afterActor = listAt.has(k - 1);
    if (
      (x.pos === 'AUX' && (prev.pos === 'PRON' || prev.pos === 'NOUN' || (speech && afterActor))) ||
      (x.pos === 'VERB' && (prev.pos === 'PRON' || (k > from && finiteAfterNoun(tokens, k)) || (speech && afterActor)))
    ) {
      // that clause's subject is not this verb's object either ("said eight people were killed")
      // when the clause is sure: after a speech verb or with an auxiliary ("allow aid workers
      // expanded access" is no clause); after "that", PETRARCH's suites take it as the target
      // ("said that an embargo against Mordor would fail")
      const clauseSubject = thatAt >= 0 || !(speech || x.pos === 'AUX') ? undefined : listAt.get(k - 1);
      objectEnd = clauseSubject ? clauseSubject.start : k;
      complementAt = reportedSubjectAt(tokens, listAt.get(k - 1), from);
      break;
    }
  }
  return { objectEnd, thatAt, complementAt };
}

/**
 * Whether a verb group starts at `k`, right after a coordinator: "(and) [said] …", "(and) [later
 * accused] …", "(but) [would not] …", or after ", and" a clause with a subject of its own
 * (", and [Moscow handed] over …"). A gerund is left out: "condemned the killing and wounding of
 * civilians" coordinates nouns.
 */
function coordinatedPredicateAt(ctx: SentenceContext, k: number, clauseEnd: number): boolean {
  const { tokens, listAt } = ctx;
  // ", and Moscow handed over …": a clause with its own subject
  const subject = tokens[k - 2]?.norm === ',' ? listAt.get(k) : undefined;
  if (subject) k = subject.end;
  while (k < clauseEnd && tokens[k].pos === 'ADV' && !listAt.has(k)) k++;
  const x = tokens[k];
  if (!x || k >= clauseEnd || listAt.has(k) || isHidden(ctx, k)) return false;
  if (x.pos === 'AUX') return tokens[k + 1]?.pos === 'VERB' || tokens[k + 1]?.pos === 'PART' || tokens[k + 1]?.pos === 'ADV';
  return x.pos === 'VERB' && !x.norm.endsWith('ING');
}

export interface SentenceState {
  /** Source of the previous coded verb in the article: pronouns and coordinated verbs refer to it. */
  lastSource: ActorList | null;
  /** The actor phrases of each sentence coded so far (index = sentence index), for later stages. */
  actors: ActorGroup[][];
  /** Titled people met so far: their names alone code as the same actor. */
  names: ArticleNames;
}

/**
 * The sentence's actors, found, grouped into lists and set in the sentence context with the
 * sub-clauses set aside. The actors and names are also kept in `state`: later sentences resolve
 * descriptions and bare names against them.
 */
function readActors(doc: Doc, sentence: Sentence, dicts: Dictionaries, date: number, state: SentenceState, o: Required<CodingOptions>): SentenceContext {
  const tokens = doc.tokens;
  const mentions = findMentions(tokens, sentence.tokenStart, sentence.tokenEnd, dicts, date, state.names);
  const inMention = new Uint8Array(sentence.tokenEnd - sentence.tokenStart);
  for (const m of mentions) if (m.kind === 'actor' && m.code) for (let i = m.start; i < m.end; i++) inMention[i - sentence.tokenStart] = 1;
  const hidden = hideSubClauses(tokens, sentence, (i) => inMention[i - sentence.tokenStart] === 1, o);
  const hiddenAt = (i: number) => hidden[i - sentence.tokenStart] === 1;
  const recent = () => state.actors.slice(Math.max(0, sentence.index - 6), sentence.index).flatMap((g) => g ?? []);
  const groups = resolveDescriptions(tokens, groupActors(tokens, mentions, hiddenAt), recent, { start: sentence.tokenStart, end: sentence.tokenEnd }, hiddenAt);
  const lists = listActors(tokens, groups, hiddenAt);
  state.actors[sentence.index] = groups;
  rememberNames(tokens, groups, state.names);
  const listAt = new Map<number, ActorList>();
  for (const l of lists) for (let i = l.start; i < l.end; i++) listAt.set(i, l);
  return { doc, sentence, tokens, hidden, lists, listAt };
}

/**
 * The words (and lemmas) of the sentence, for skipping patterns that cannot match: gathered when
 * the first dictionary verb needs them, so a sentence without one costs nothing.
 */
function sentenceWords(ctx: SentenceContext): () => Set<string> {
  let words: Set<string> | null = null;
  return () => {
    if (!words) {
      words = SENTENCE_WORDS;
      words.clear();
      for (let i = ctx.sentence.tokenStart; i < ctx.sentence.tokenEnd; i++) {
        words.add(ctx.tokens[i].norm);
        words.add(ctx.tokens[i].lemma);
      }
    }
    return words;
  };
}

/** Whether token `i` may be a verb that codes: not set aside, not in an actor's name, not a gerund used as a noun. */
function mayBeVerb(ctx: SentenceContext, i: number): boolean {
  const { tokens, sentence } = ctx;
  if (isHidden(ctx, i) || ctx.listAt.has(i)) return false;
  if (tokens[i].pos !== 'VERB' && !isMistaggedVerb(ctx, i) && !afterModal(tokens, i, sentence.tokenStart)) return false;
  return !isNominalGerund(tokens, i, sentence.tokenStart);
}

/** The end of a participle phrase at `i` that describes the noun before it ("the civilians [imprisoned for …]"), or -1. */
function describingParticipleEnd(ctx: SentenceContext, i: number, verbs: VerbRecord[]): number {
  const lastVerb = verbs[verbs.length - 1];
  return reducedRelativeEnd(ctx, i, lastVerb !== undefined && lastVerb.end <= i && clauseStartBefore(ctx, i) < lastVerb.end);
}

/** Sets tokens [from, to) aside: no verb there codes, and no actor there is a verb's subject or object. */
function hide(ctx: SentenceContext, from: number, to: number): void {
  for (let k = from; k < to; k++) ctx.hidden[k - ctx.sentence.tokenStart] = 1;
}

/** Where a dictionary verb stands: its clause, its verb group, and what governs it. */
export interface VerbFrame {
  hit: VerbHit;
  /** The first word of the verb's dictionary entry. */
  base: string;
  block: CompiledBlock;
  clauseStart: number;
  clauseEnd: number;
  /** Where its verb group starts ("would [not] have been"). */
  groupStart: number;
  passive: boolean;
  infinitive: boolean;
  /** The predicate adjective governing the infinitive ("is willing to withdraw"). */
  intent: IntentAdjective | null;
  /** The verb this one is the infinitive complement of ("pledged to expel"). */
  complementOf: VerbRecord | null;
}

/** The frame of the verb `hit`; `governing` is the last dictionary verb before it. */
function verbFrame(ctx: SentenceContext, dicts: Dictionaries, hit: VerbHit, governing: VerbRecord | null): VerbFrame {
  const { tokens } = ctx;
  const i = hit.start;
  const clauseStart = clauseStartBefore(ctx, i);
  const groupStart = verbGroupStart(tokens, i, clauseStart);
  const infinitive = tokens.slice(groupStart, i).some((x, n) => x.norm === 'TO' && !isSemiModalTo(tokens, groupStart + n));
  // "Israel said Hamas is willing to talk": the adjective governs the infinitive, not an earlier verb
  // (unless that verb is the adjective's own copula or the adjective itself: "stands ready", "is prepared")
  const intent = infinitive ? intentAdjectiveBefore(tokens, groupStart, clauseStart) : null;
  const governs = governing && governing.end <= groupStart && (!intent || governing.verbSpan.start >= tokens[intent.copula].start);
  return {
    hit,
    base: hit.form.base.split(' ')[0],
    block: dicts.blocks[hit.form.block],
    clauseStart,
    clauseEnd: clauseEndAfter(ctx, hit.end),
    groupStart,
    passive: isPassive(tokens, i, clauseStart),
    infinitive,
    intent,
    complementOf: infinitive && governing && governs ? governing : null,
  };
}

/** A verb's grammatical subject, before its pattern is read. */
interface VerbSubject {
  actor: ActorList | null;
  /** It stands right before the verb group: "Arnor and Gondor met", not "Arnor and Gondor, …, met". */
  direct: boolean;
  /** "attacked Iraq and taken Mosul": the verb this one shares its subject with. */
  coordinatedWith: VerbRecord | null;
}

/**
 * The nearest actor list before the verb group in its clause; for a coordinated verb the previous
 * verb's source, for an infinitive complement the one who is to act.
 */
function verbSubject(ctx: SentenceContext, frame: VerbFrame, verbs: VerbRecord[], previousSource: ActorList | null, lastSource: ActorList | null): VerbSubject {
  const { tokens, listAt } = ctx;
  const { clauseStart, groupStart, complementOf } = frame;
  const before = groupStart - 1;
  if (before >= clauseStart && COORDINATORS.has(tokens[before].norm) && previousSource) {
    // "condemned the attack and promised aid": same subject
    return { actor: previousSource, direct: false, coordinatedWith: verbs[verbs.length - 1] ?? null };
  }
  if (complementOf && (complementOf.subject || (complementOf.objectControl && complementOf.target))) {
    // "urged Bree to help": Bree helps; "pledged to expel", "was seen to break": the subject does;
    // "called on Muslim countries to cut ties": someone no dictionary knows does, not the caller
    const unknownObject =
      !complementOf.objectControl && OBJECT_CONTROL.has(complementOf.base) &&
      tokens.slice(complementOf.end, groupStart).some((x, n) => x.pos === 'NOUN' && !listAt.has(complementOf.end + n));
    const actor = complementOf.objectControl && complementOf.target ? complementOf.target : unknownObject ? null : complementOf.subject;
    return { actor, direct: false, coordinatedWith: null };
  }
  const actor = findSubject(ctx, groupStart, clauseStart, frame.infinitive, previousSource ?? lastSource);
  return { actor, direct: actor !== null && actor.end <= groupStart && actor.end >= groupStart - 3, coordinatedWith: null };
}

/** Where a verb's object and by-phrase are, and its block's pattern that fits best. */
interface PatternReading extends ObjectScope {
  match: PatternMatch | null;
  /** The first actor list after the verb in its clause, other than its subject. */
  objectList: ActorList | null;
  /** The passive's by-phrase [byStart, byEnd); byStart -1 when there is none. */
  byStart: number;
  byEnd: number;
}

/** The verb's object and by-phrase, and the pattern that fits best, read from them. */
function readPattern(ctx: SentenceContext, frame: VerbFrame, subject: ActorList | null, words: Set<string>): PatternReading {
  const { tokens, lists, listAt } = ctx;
  const { hit, clauseStart, clauseEnd, groupStart, passive, base } = frame;
  const scope = objectScope(ctx, hit.end, clauseEnd, base);
  const { objectEnd, thatAt, complementAt } = scope;
  const objectList = lists.find((l) => l.start >= hit.end && l.start < objectEnd && !isHidden(ctx, l.start) && l !== subject) ?? null;
  const npStart = subjectPhraseStart(ctx, groupStart, clauseStart);
  // pattern words stay in the verb's own clause: not past "that", nor past the object's end
  // (the verb of a complement clause with its own subject: "said such a step enjoyed support")
  const wordLimit = thatAt >= 0 && thatAt < objectEnd ? thatAt : objectEnd;
  // the doer of a passive verb: the noun phrase after "by" ("was demolished by a Ukrainian protestor")
  let byStart = -1;
  if (passive) for (let k = hit.end; k < clauseEnd && byStart < 0; k++) if (tokens[k].norm === 'BY') byStart = k + 1;
  let byEnd = byStart;
  while (byEnd >= 0 && byEnd < clauseEnd && (listAt.has(byEnd) || NOUN_PHRASE_TAGS.has(tokens[byEnd].pos))) byEnd++;
  const match = bestPattern(ctx, frame.block, words, {
    passive, objectControl: OBJECT_CONTROL.has(base), verbEnd: hit.end, clauseStart, clauseEnd, groupStart, npStart,
    wordLimit, objectEnd, complementAt, byStart, byEnd,
  });
  return { ...scope, match, objectList, byStart, byEnd };
}

/** Who does what a verb says, and to whom. */
interface VerbActors {
  source: ActorList | null;
  target: ActorList | null;
  /** Tokens to set aside: a participle phrase that belongs to the by-phrase ("by a missile [fired by rebels]"). */
  aside: { start: number; end: number } | null;
}

/**
 * "Ukraine and Russia exchanged 185 prisoners of war": with a code that is the same both ways
 * ([0841:0841]), an object the pattern's own words name ("&HOSTAGE"), or whose they are ("the
 * bodies of 20 soldiers"), is what the sides exchange, not a target; a compound subject then acts on itself, as "traded accusations" does.
 */
function exchangedThing(tokens: Token[], match: PatternMatch | null, objectList: ActorList | null): boolean {
  if (!match || !objectList || match.target || match.wordsEnd === undefined) return false;
  const { forward, reverse } = match.pattern.code;
  if (forward === null || reverse !== forward || objectList.start < match.firstWordAt) return false;
  // "swapped the bodies [of] soldiers": whose bodies they are
  let k = match.wordsEnd;
  if (tokens[k]?.norm === 'OF') for (k++; k < objectList.start && (tokens[k].pos === 'DET' || tokens[k].pos === 'NUM'); k++);
  return objectList.start < match.wordsEnd || objectList.start === k;
}

/**
 * "fired missiles and drones": an object conjoined to the words the pattern matched is more of
 * what the pattern names (an agent noun like "drones" names a weapon here), not a target.
 */
function moreOfThing(tokens: Token[], match: PatternMatch | null, objectList: ActorList | null): boolean {
  if (!match || !objectList || match.target || match.wordsEnd === undefined || objectList.start <= match.wordsEnd) return false;
  let k = match.wordsEnd;
  if (tokens[k].norm !== 'AND' && tokens[k].norm !== 'OR') return false;
  for (k++; k < objectList.start; k++) if (tokens[k].pos !== 'DET' && tokens[k].pos !== 'ADJ') return false;
  return true;
}

/** An object that is only a weapon, no one's ("two drones"; not "Houthi drones"): data/lexicons/weapon-nouns.txt. */
function weaponOnly(tokens: Token[], list: ActorList): boolean {
  if (list.members.length !== 1) return false;
  const [g] = list.members;
  return g.actorCodes.length === 0 && g.agents.length > 0 && g.agents.every((a) => WEAPON_NOUNS.has(a.name.replace(/ /g, '_')));
}

/**
 * The source and target: the pattern's, else the subject and the object. In the passive the
 * by-phrase is the source and the subject the target ("Eriador was opposed by Osgiliath").
 */
function verbActors(ctx: SentenceContext, frame: VerbFrame, subject: ActorList | null, reading: PatternReading): VerbActors {
  const { match, objectList, byStart, byEnd } = reading;
  const source = match?.source ?? subject;
  const object = match?.target ?? (exchangedThing(ctx.tokens, match, objectList) || moreOfThing(ctx.tokens, match, objectList) ? null : objectList);
  // "shot down two drones [launched by] the rebels": the weapon's user is acted on
  const launcher = !frame.passive && object && weaponOnly(ctx.tokens, object) ? instrumentUser(ctx, object.end, frame.clauseEnd) : null;
  const target = launcher?.list ?? object;
  if (!frame.passive || match?.source) return { source, target, aside: launcher ? { start: object!.end, end: launcher.end } : null };
  const byActor = byStart < 0 ? null : (ctx.lists.find((l) => l.start >= byStart && l.start <= byStart + 2 && !isHidden(ctx, l.start)) ?? null);
  const user = byActor || byEnd <= byStart ? null : instrumentUser(ctx, byEnd, frame.clauseEnd);
  const byList = byActor ?? user?.list ?? null;
  // a pattern's "+" after the verb is the object, which in the passive is the subject, not the by-phrase
  const passiveTarget = match?.target && match.target !== byList ? match.target : subject;
  // with no by-phrase, the actor after the verb is taken as the source, as PETRARCH does
  const infinitiveFollows = ctx.tokens[frame.hit.end]?.norm === 'TO';
  return {
    source: byList ?? (objectList !== passiveTarget && !infinitiveFollows ? objectList : null),
    target: passiveTarget,
    aside: user ? { start: byEnd, end: user.end } : null,
  };
}

/** A dictionary verb read in full: its actors, and its code once negation and stated intent are read. */
function verbRecord(
  ctx: SentenceContext,
  dicts: Dictionaries,
  tables: CodeTables,
  verbs: VerbRecord[],
  frame: VerbFrame,
  subject: VerbSubject,
  reading: PatternReading,
  actors: VerbActors,
): VerbRecord {
  const { tokens, sentence } = ctx;
  const { hit, base, passive, clauseEnd, groupStart, infinitive } = frame;
  const { match, objectEnd, complementAt } = reading;
  const { source, target } = actors;
  const codeFound = match ? match.pattern.code : hit.form.code;
  const { code, negated, negatedCode } = verbCode(tokens, dicts, tables, verbs, {
    code: codeFound,
    negated: !match?.pattern.beforeAlts.length && isNegated(tokens, groupStart, hit.start),
    source, infinitive, groupStart, verbAt: hit.start,
  });
  const start = tokens[hit.start].start;
  const end = tokens[hit.end - 1].end;
  return {
    base,
    block: hit.form.block,
    subject: passive ? subject.actor : source,
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
    complementOf: frame.complementOf,
    coordinatedWith: subject.coordinatedWith,
    infinitive,
    transformed: false,
    code,
    negated,
    verbSpan: { text: ctx.doc.text.slice(start, end), start, end },
    events: [],
    end: hit.end,
    patternEnd: match?.wordsEnd ?? -1,
    reportedSubject:
      match?.target && match.target.start === complementAt && (match.wordsEnd ?? -1) > complementAt ? match.target : null,
    objectPronoun: pronounObject(ctx, hit.end, objectEnd, target),
    negationOf: negatedCode && codeFound.forward ? codeFound.forward : undefined,
  };
}

/** What a verb's own events depend on besides its record. */
interface OwnEventFacts {
  match: PatternMatch | null;
  passive: boolean;
  subjectDirect: boolean;
  requireDyad: boolean;
}

/**
 * A verb's own events, one per dyad and code: each member of its source acting on each member of
 * its target, and the target's side of a paired code. `mutual` when a compound subject with no
 * target acts on itself ("Arnor and Gondor met"): no verb around it changes those events.
 */
function ownEvents(
  tables: CodeTables,
  sentenceIndex: number,
  verb: VerbRecord,
  source: ActorList,
  facts: OwnEventFacts,
  ref: ToRef,
): { events: EventRecord[]; mutual: boolean } {
  const { code, target, infinitive } = verb;
  const { match } = facts;
  const rule: RuleRef | undefined = match
    ? { file: match.pattern.loc.file, line: match.pattern.loc.line, text: match.pattern.text }
    : undefined;
  const events: EventRecord[] = [];
  const emitted = new Set<string>();
  const emit = (src: ActorRef, tgt: ActorRef | null, c: string) => {
    if (tgt && tgt.code === src.code) return;
    // one-sided events are kept only when asked for, and never for bare statements ("X said")
    if (!tgt && (facts.requireDyad || c.startsWith('01'))) return;
    const key = `${src.code}>${tgt?.code}:${c}`;
    if (emitted.has(key)) return; // one verb, one event per dyad and code
    emitted.add(key);
    const event = eventRecord(tables.codes, sentenceIndex, src, tgt, c, verb.verbSpan, verb.negated, rule);
    if (verb.negationOf) event.negationOf = verb.negationOf;
    events.push(event);
  };
  // a mutual act by its code ("met", "fought"), or by a paired code the same both ways ("traded accusations" [112:112])
  const reciprocal = code.forward !== null && (tables.isReciprocal(code.forward) || code.reverse === code.forward);
  const compound = match?.compound ?? false;
  const mutual = (compound || (!target && !facts.passive && !infinitive && facts.subjectDirect && reciprocal)) && source.members.length > 1 && !match?.target;
  if (mutual) {
    for (const a of source.members) for (const b of source.members) if (a !== b && code.forward) emit(ref(a), ref(b), code.forward);
    return { events, mutual };
  }
  const reverse = plannedOnly(infinitive, code) ? null : code.reverse;
  for (const s of source.members) {
    if (!target) {
      if (code.forward) emit(ref(s), null, code.forward);
      continue;
    }
    for (const tg of target.members) {
      if (code.forward) emit(ref(s), ref(tg), code.forward);
      if (reverse) emit(ref(tg), ref(s), reverse);
    }
  }
  return { events, mutual };
}

/**
 * The events of one sentence. Its actors are read first; then each dictionary verb, left to right:
 * where it stands, its subject, its best pattern, its source and target, its code and its own
 * events, which the verbs around it may code anew (a stated intent, a reported demand, a
 * complement combined with its governing verb) or set aside (a purpose, a reason). Last, the
 * dictionaries' transformations code a speech or intent verb and the verb it reports as one event.
 */
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
  const ctx = readActors(doc, sentence, dicts, date, state, o);
  const wordsOfSentence = sentenceWords(ctx);
  const ref = actorRefs(doc, ctx.tokens);
  const verbs: VerbRecord[] = [];
  /** Events a later verb replaced or set aside. */
  const dropped = new Set<EventRecord>();
  const drop = (replaced: EventRecord[]) => {
    for (const e of replaced) dropped.add(e);
  };
  /** The last source found in this sentence: a coordinated verb shares it ("condemned the attack and promised aid"). */
  let previousSource: ActorList | null = null;
  /** Verbs before this token belong to a purpose or reason ("for helping …"): no events of their own. */
  let reasonUntil = -1;
  /** The last dictionary verb seen: an infinitive after it ("pledged to expel") is its complement. */
  let governing: VerbRecord | null = null;
  for (let i = sentence.tokenStart; i < sentence.tokenEnd; i++) {
    if (!mayBeVerb(ctx, i)) continue;
    const relativeEnd = describingParticipleEnd(ctx, i, verbs);
    if (relativeEnd > i) {
      // "The civilians imprisoned for acting against Moscow were released by Putin": the participle
      // phrase describes the subject; set it aside so the main verb finds its subject across it
      hide(ctx, i, relativeEnd);
      i = relativeEnd - 1;
      continue;
    }
    const hit = findVerb(dicts, ctx.tokens, i, sentence.tokenEnd);
    if (!hit) continue;
    const frame = verbFrame(ctx, dicts, hit, governing);
    const subject = verbSubject(ctx, frame, verbs, previousSource, state.lastSource);
    const reading = readPattern(ctx, frame, subject.actor, wordsOfSentence());
    const actors = verbActors(ctx, frame, subject.actor, reading);
    // the participle phrase is part of the by-phrase: its verbs are no events of their own
    if (actors.aside) hide(ctx, actors.aside.start, actors.aside.end);
    previousSource = actors.source ?? previousSource;
    if (actors.source) state.lastSource = actors.source;
    const verb = verbRecord(ctx, dicts, tables, verbs, frame, subject, reading, actors);
    verbs.push(verb);
    // a verb governs an infinitive after it even with no events of its own ("are seeking to deepen ties")
    governing = verb;
    if (!verb.source || (!verb.code.forward && !verb.code.reverse)) continue;
    const facts = { match: reading.match, passive: frame.passive, subjectDirect: subject.direct, requireDyad: o.requireDyad };
    const own = ownEvents(tables, sentence.index, verb, verb.source, facts, ref);
    verb.events = own.events;
    if (own.mutual) continue;
    const intended = statedIntent(ctx, tables, verb, frame);
    if (intended) {
      verb.events = intended;
      continue;
    }
    const demand = reportedDemand(tables, sentence.index, verbs, verb, frame.groupStart, ref);
    if (demand) {
      drop(demand.dropped);
      verb.events = demand.events;
      continue;
    }
    const combined = combineWithGoverning(tables, sentence.index, verb, i, ref);
    drop(combined.dropped);
    verb.events = combined.events;
    reasonUntil = purposeOrReasonEnd(ctx, verbs, verb, frame) ?? reasonUntil;
    if (i < reasonUntil) drop(verb.events);
  }
  applyTransformations(ctx, verbs, dicts, tables.codes, sentence.index, ref, dropped);
  return verbs.flatMap((v) => v.events.filter((e) => !dropped.has(e)));
}
