/**
 * Verbs governed by other verbs: once a verb has events of its own, the verbs around it may code
 * them anew (an intent adjective's stated intent, a reported demand, a complement combined with
 * the verb that governs it, a speech verb's transformation of the verb it reports) or set them
 * aside (a purpose, a reason).
 */
import type { ActorList } from '../actors/index.ts';
import type { CameoTable } from '../codes/index.ts';
import type { Dictionaries } from '../dictionaries/index.ts';
import type { EventRecord } from '../model/index.ts';
import { lexicon, type Token } from '../text/index.ts';
import { isHidden, type SentenceContext } from './clauses.ts';
import type { CodeTables, VerbFrame, VerbRecord } from './coder.ts';
import { eventRecord, pairEvents, sameActors, type ToRef } from './records.ts';

const COMPLEMENT_VERBS = lexicon('infinitive-complement-verbs');
const INTENT_VERBS = lexicon('intent-verbs');

/**
 * The code of an act still to come that its actor states ("is willing to withdraw", "said it would
 * free"): the intent to do it (03), or for a hostile act the threat (13); a refusal (12x) when the
 * willingness is negated. Null when the tables have none.
 */
export function intentToAct(tables: CodeTables, code: string, negated: boolean): string | null {
  if (negated) return tables.refusals.lookup(code);
  return tables.complements.combine(Number(code.slice(0, 2)) <= 8 ? '03' : '13', code);
}

/**
 * "Honduras is willing to withdraw its troops" states an intent to withdraw (0356), as "pledged to
 * withdraw" does: the withdrawal has not happened. The verb's events as that intent (or refusal),
 * with the adjective as the evidence; null when no intent adjective governs the verb.
 */
export function statedIntent(ctx: SentenceContext, tables: CodeTables, verb: VerbRecord, frame: VerbFrame): EventRecord[] | null {
  const { intent } = frame;
  const code = verb.code.forward;
  if (!intent || !code || verb.complementOf?.events.length) return null;
  const stated = intentToAct(tables, code, intent.negated);
  const adjective = ctx.tokens[intent.at];
  const span = { text: adjective.text, start: adjective.start, end: adjective.end };
  const rule = { file: 'intent-adjectives.txt', line: 0, text: `${adjective.norm} + ${frame.base} → ${stated ?? code}` };
  return verb.events.map((e) =>
    stated ? eventRecord(tables.codes, e.sentence, e.source, e.target, stated, span, false, rule) : { ...e, negated: e.negated || intent.negated },
  );
}

/** A verb's events coded anew with those of another verb, and the events that coding replaces. */
interface Recoded {
  events: EventRecord[];
  dropped: EventRecord[];
}

/**
 * "Russia says Israel must end attacks on Syria": a demand for de-escalation (1056), said by the
 * speaker to Israel; the reported act is only demanded, so it is no event of its own. Null when
 * no reporting verb took the verb's source in as the subject it makes demands of.
 */
export function reportedDemand(tables: CodeTables, sentenceIndex: number, verbs: VerbRecord[], verb: VerbRecord, groupStart: number, ref: ToRef): Recoded | null {
  const code = verb.code.forward;
  const reporter = verb.negated ? null : reportingVerb(verbs, verb.source, groupStart);
  if (!reporter?.source || !reporter.target || !reporter.code.forward || !code) return null;
  const demanded = tables.complements.combine(reporter.code.forward.slice(0, 2), code);
  if (!demanded) return null;
  const rule = { file: 'complement-codes.tsv', line: 0, text: `${reporter.base} + ${verb.base} → ${demanded}` };
  return {
    events: pairEvents(tables.codes, sentenceIndex, reporter.source, reporter.target, demanded, reporter.verbSpan, reporter.negated, rule, ref),
    dropped: [...reporter.events, ...verb.events],
  };
}

/**
 * The verb whose pattern took `source` in as the subject of the clause it reports: "Russia says
 * [Israel] must end attacks" for "end". Null when no earlier verb did.
 */
function reportingVerb(verbs: VerbRecord[], source: ActorList | null, groupStart: number): VerbRecord | null {
  if (!source) return null;
  for (let v = verbs.length - 1; v >= 0; v--) if (verbs[v].reportedSubject === source && verbs[v].end <= groupStart) return verbs[v];
  return null;
}

/**
 * A complement's events combined with those of the verb that governs it, one code for the pair
 * (complement-codes.tsv): "pledged to expel" is an expulsion, the complement carrying the action
 * of a subject-control verb, and "urged Russia to release the prisoners" one appeal for release
 * (0253). Only after a verb that takes a complement: "will send a team to help" is a purpose. A
 * meeting outranks an intent, as in PETRARCH2's code ontology ("Intend + Consult is just
 * Consult"): "prepared to attend" is the attendance, unless the verb itself is a pledge ("vowed to
 * visit"). Where no code combines them, one verb's events stand for the pair: an object-control
 * verb's appeal ("urged Bree to respond"), else, when the two share their source, the complement's
 * act. `at` is the complement verb's first token.
 */
export function combineWithGoverning(tables: CodeTables, sentenceIndex: number, verb: VerbRecord, at: number, ref: ToRef): Recoded {
  const upper = verb.complementOf;
  const unchanged: Recoded = { events: verb.events, dropped: [] };
  if (!upper || !COMPLEMENT_VERBS.has(upper.base)) return unchanged;
  const pair = complementCode(tables, verb, upper, at);
  if (pair && upper.source) {
    const rule = { file: 'complement-codes.tsv', line: 0, text: `${upper.base} + ${verb.base} → ${pair.code}` };
    if (pair.upperOnly) {
      return {
        events: upper.events.map((e) => eventRecord(tables.codes, e.sentence, e.source, e.target, pair.code, e.verb, e.negated, rule)),
        dropped: upper.events,
      };
    }
    const target = upper.objectControl ? upper.target : verb.target;
    return {
      events: target ? pairEvents(tables.codes, sentenceIndex, upper.source, target, pair.code, upper.verbSpan, upper.negated, rule, ref) : [],
      dropped: [...upper.events, ...verb.events],
    };
  }
  if (verb.events.length === 0) return unchanged;
  if (upper.objectControl) return { events: verb.events, dropped: upper.events.length > 0 ? verb.events : [] };
  return { events: verb.events, dropped: upper.source === verb.source ? upper.events : [] };
}

/**
 * The code a complement and its governing verb `upper` combine into, or null. `upperOnly` when the
 * complement has no one to act on ("are seeking to deepen a partnership"): it has no events of its
 * own, yet it still says what the upper verb's events are (031, not 030), unless the upper verb's
 * pattern took in the complement's words already ("SEEK * (TO {DEEPEN &COOPERATION_})").
 */
function complementCode(tables: CodeTables, verb: VerbRecord, upper: VerbRecord, at: number): { code: string; upperOnly: boolean } | null {
  const upperRoot = upper.code.forward?.slice(0, 2);
  const code = verb.code.forward;
  if (!upperRoot || !code || !upper.source) return null;
  if (upperRoot === '03' && !INTENT_VERBS.has(upper.base) && code.startsWith('04')) return null;
  const upperOnly = verb.events.length === 0 && verb.target === null && upper.events.length > 0 && upper.patternEnd <= at;
  if (verb.events.length === 0 && !upperOnly) return null;
  const combined = tables.complements.combine(upperRoot, code);
  return combined ? { code: combined, upperOnly } : null;
}

/**
 * A purpose ("sent troops to Syria to fight ISIS", "faces pressure from Congress to help Iran") is
 * an aim, not an act: the governing verb's event stands for the sentence, as in PETRARCH. "jailed
 * a student for helping militants join a group": the reason given for an act is an allegation
 * inside it, not an event of its own. Nor is what follows in their clause. Where the purpose or
 * reason the verb starts ends, or null when it starts none.
 */
export function purposeOrReasonEnd(ctx: SentenceContext, verbs: VerbRecord[], verb: VerbRecord, frame: VerbFrame): number | null {
  const { tokens } = ctx;
  const { complementOf } = verb;
  const at = frame.hit.start;
  const purpose = complementOf !== null && !COMPLEMENT_VERBS.has(complementOf.base) && complementOf.events.length > 0;
  const reason = tokens[at].norm.endsWith('ING') && tokens[frame.groupStart - 1]?.norm === 'FOR' && verbs.some((v) => v !== verb && v.events.length > 0);
  if (!purpose && !reason) return null;
  let end = at;
  while (end < frame.clauseEnd && tokens[end].norm !== ',') end++;
  return end;
}

/** Pronouns a verb may act on that can point outside its clause, and the reflexives, which name their clause's subject. */
const OBJECT_PRONOUNS = new Set(['IT', 'THEM', 'US']);
const REFLEXIVES = new Map([['ITSELF', false], ['THEMSELVES', true], ['OURSELVES', true]]);

/** The pronoun object of a verb ending at `from`: right after the verb or a preposition, before the actor object. */
export function pronounObject(ctx: SentenceContext, from: number, to: number, target: ActorList | null): number {
  const limit = target && target.start >= from ? Math.min(to, target.start) : to;
  for (let k = from; k < limit; k++) {
    const t = ctx.tokens[k];
    if (isHidden(ctx, k) || t.pos !== 'PRON') continue;
    if ((OBJECT_PRONOUNS.has(t.norm) || REFLEXIVES.has(t.norm)) && (k === from || ctx.tokens[k - 1].pos === 'ADP')) return k;
  }
  return -1;
}

/**
 * Whether an actor is plural: surely (several actors, or a plural noun: "troops", "rebels"), or
 * perhaps (also a name ending in "s": "the Houthis", "the Philippines").
 */
function pluralActor(tokens: Token[], list: ActorList, perhaps: boolean): boolean {
  if (list.members.length > 1) return true;
  const last = tokens[list.end - 1];
  if (last.pos === 'NOUN' && last.lemma !== last.norm && last.norm.endsWith('S')) return true;
  return perhaps && last.pos === 'PROPN' && /[^S]S$/.test(last.norm);
}

/**
 * "Israel said a mortar bomb was fired at it", "Iraq said the rebels attacked us": the reported
 * verb acts on the speaker. A plain pronoun never names its own clause's subject, so it is the
 * nearest other actor before it, which must be the speaker and agree in number ("it" one actor,
 * "them" several). A reflexive names its clause's subject unless their numbers disagree ("Iraq
 * had attacked themselves"); then it can only be the one whose words the clause reports.
 */
function refersToSpeaker(ctx: SentenceContext, verb: VerbRecord, speaker: ActorList): boolean {
  const p = verb.objectPronoun;
  if (p < 0 || speaker.end > p) return false;
  const word = ctx.tokens[p].norm;
  const clauseSubject = verb.subject;
  const reflexivePlural = REFLEXIVES.get(word);
  if (reflexivePlural !== undefined) {
    if (!clauseSubject || sameActors(clauseSubject, speaker)) return false;
    const agrees = reflexivePlural ? pluralActor(ctx.tokens, clauseSubject, true) : !pluralActor(ctx.tokens, clauseSubject, false);
    return !agrees;
  }
  const antecedent = [...ctx.lists].reverse().find((l) => l.end <= p && l !== clauseSubject && l !== verb.source);
  if (antecedent !== speaker) return false;
  if (word === 'IT') return !pluralActor(ctx.tokens, speaker, false);
  if (word === 'THEM') return pluralActor(ctx.tokens, speaker, true);
  return true;
}

/**
 * Verb transformations ("~ a (a b ATTACK) SAY = a b 015"): when a speech or intent
 * verb governs another verb, the pair is coded as one event. "The US claimed that
 * ISIL attacked Iraq" is an accusation (USA→ISIL 112), not an attack.
 */
export function applyTransformations(
  ctx: SentenceContext,
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
    // a rule that names the inner verb's own block is meant for it: "refused to let the Red Cross
    // visit" is ALLOW (1245), though RELEASE, listed first, shares its root (08)
    const ownBlock = dicts.transformations.some((t) => t.upperBlocks.has(upper.block) && t.innerBlocks?.has(inner.block));
    for (const t of dicts.transformations) {
      if (!t.upperBlocks.has(upper.block)) continue;
      if (t.innerBlocks && !t.innerBlocks.has(inner.block) && (ownBlock || !t.innerRoots.has(inner.code.forward.slice(0, 2)))) continue;
      const controlled = inner.infinitive && inner.complementOf === upper;
      const innerIsA = sameActors(inner.source, a);
      if (t.innerSource === '_' && !(controlled && innerIsA)) continue;
      if (t.innerSource === 'a' && (!innerIsA || controlled)) continue;
      if (t.innerSource === 'b' && innerIsA) continue;
      if (t.innerTarget === 'b' && !inner.target) continue;
      // the same actor, not one with the same code: "Syria said insurgents bombarded Aleppo" reports an attack
      if (t.innerTarget === 'a' && !refersToSpeaker(ctx, inner, a)) continue;
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
