/**
 * Modality: was the event said to happen, or only denied, conditional,
 * possible or planned? Every event gets `modality`; only asserted and future
 * events count as events by default (`isCounted`). The rules read the event's
 * verb group and its clause; the cue words are data (data/lexicons/modality-*.txt,
 * denial-verbs.txt). Rules and examples: docs/output-schema.md.
 */
import type { EventRecord, Modality } from '../model/index.ts';
import type { Stage } from '../pipeline/index.ts';
import { hasFutureAuxiliary, lexicon, type Doc, type Token } from '../text/index.ts';

/** The modalities that count as events by default. */
export const COUNTED_MODALITIES: readonly Modality[] = ['asserted', 'future'];

/** Does this event count? Events with no modality (the stage did not run) count when not negated. */
export function isCounted(event: Pick<EventRecord, 'modality' | 'negated'>): boolean {
  if (event.modality === undefined) return !event.negated;
  return COUNTED_MODALITIES.includes(event.modality);
}

const FUTURE = lexicon('modality-future');
const INTENT = lexicon('modality-intent');
const MODALS = lexicon('modality-hypothetical');
const CONDITIONS = lexicon('modality-conditional');
const DENIALS = lexicon('denial-verbs');
const CLAUSE_BREAKS = lexicon('clause-breaks');

/** Words of the future phrases ("GOING", "PLAN", "SET"…): they may stand in a verb group. */
const FUTURE_WORDS = new Set([...FUTURE, ...INTENT].flatMap((p) => p.split(' ')));
/** CAMEO roots whose codes already say the action is promised (03) or threatened (13). */
const INTENT_ROOTS = new Set(['03', '13']);
const GROUP_WORDS = new Set(['TO', 'NOT', "N'T", 'NEVER', 'HAVING', 'BEING']);
const COORDINATORS = new Set(['AND', 'OR', 'BUT']);
/** How far back from the verb a verb group may reach. */
const MAX_GROUP = 6;

function inGroup(t: Token): boolean {
  return t.pos === 'AUX' || t.pos === 'PART' || t.pos === 'ADV' || GROUP_WORDS.has(t.norm) || FUTURE_WORDS.has(t.norm) || FUTURE_WORDS.has(t.lemma);
}

/** The index of the token the event's verb starts at, or -1. */
function verbIndex(doc: Doc, event: Pick<EventRecord, 'sentence' | 'verb'>): number {
  const s = doc.sentences[event.sentence];
  if (!s) return -1;
  for (let i = s.tokenStart; i < s.tokenEnd; i++) if (doc.tokens[i].end > event.verb.start) return i;
  return -1;
}

function hasPhrase(phrases: ReadonlySet<string>, group: Token[]): boolean {
  const norms = ` ${group.map((t) => t.norm).join(' ')} `;
  const lemmas = ` ${group.map((t) => t.lemma).join(' ')} `;
  for (const p of phrases) if (norms.includes(` ${p} `) || lemmas.includes(` ${p} `)) return true;
  return false;
}

/**
 * "denied attacking Ukraine", "denied having attacked", "denied that its troops
 * attacked": the verb is the complement of a denial verb. "denied the charge and
 * blamed Israel" is not: "blamed" is coordinated with the denial.
 */
function reportedAsDenied(tokens: Token[], groupStart: number, sentenceStart: number): boolean {
  for (let c = groupStart - 1; c >= sentenceStart && c >= groupStart - 12; c--) {
    const t = tokens[c];
    if (t.norm === ';' || t.norm === ',' || t.norm === ':') return false;
    if (!DENIALS.has(t.lemma) || t.negated) continue;
    const between = tokens.slice(c + 1, groupStart);
    if (between.every((x) => x.norm === 'HAVING' || x.norm === 'BEING')) return true;
    const that = between.findIndex((x) => x.norm === 'THAT');
    if (that < 0 || that > 2) return false;
    for (let k = 0; k < between.length; k++) {
      const next = between[k + 1] ?? tokens[groupStart];
      if (COORDINATORS.has(between[k].norm) && (next.pos === 'VERB' || next.pos === 'AUX')) return false;
    }
    return true;
  }
  return false;
}

/** "if Russia attacks", "whether Iran allowed": a condition word earlier in the verb's clause. */
function conditional(tokens: Token[], groupStart: number, sentenceStart: number): boolean {
  for (let k = groupStart - 1; k >= sentenceStart; k--) {
    const t = tokens[k];
    if (CONDITIONS.has(t.norm)) return true;
    if (t.norm === ',' || t.norm === ';' || t.norm === ':' || CLAUSE_BREAKS.has(t.norm)) return false;
  }
  return false;
}

/** The modality of one event, from its sentence in `doc`. */
export function modalityOf(doc: Doc, event: Pick<EventRecord, 'sentence' | 'verb' | 'negated'> & { code?: string }): Modality {
  if (event.negated) return 'negated';
  const v = verbIndex(doc, event);
  if (v < 0) return 'asserted';
  const tokens = doc.tokens;
  const sentenceStart = doc.sentences[event.sentence].tokenStart;
  let groupStart = v;
  while (groupStart > sentenceStart && v - groupStart < MAX_GROUP && inGroup(tokens[groupStart - 1])) groupStart--;
  const group = tokens.slice(groupStart, v);

  // a denial coded as such (016, "Russia denied that it attacked") is the asserted event; other events under a denial are denied
  if (reportedAsDenied(tokens, groupStart, sentenceStart)) return event.code?.startsWith('016') ? 'asserted' : 'negated';
  if (conditional(tokens, groupStart, sentenceStart)) return 'hypothetical';
  const modal = group.findIndex((t) => MODALS.has(t.lemma) || MODALS.has(t.norm));
  // "said it will strike", coded as the threat (13) or intent (03) it states: the statement is the act
  if (INTENT_ROOTS.has((event.code ?? '').slice(0, 2)) && hasFutureAuxiliary(tokens, groupStart, v)) return 'asserted';
  if (modal >= 0) {
    // "said it would send aid", "indicated it would act": a reported intention, future in the past.
    // "would have attacked" and "would attack if…" stay hypothetical.
    const would = group[modal].lemma === 'WOULD';
    const perfect = group.slice(modal + 1).some((t) => t.lemma === 'HAVE');
    const sentenceEnd = doc.sentences[event.sentence].tokenEnd;
    let governed = false;
    let condition = false;
    for (let k = sentenceStart; k < groupStart; k++) if (tokens[k].pos === 'VERB') governed = true;
    for (let k = sentenceStart; k < sentenceEnd; k++) if (CONDITIONS.has(tokens[k].norm)) condition = true;
    return would && !perfect && governed && !condition ? 'future' : 'hypothetical';
  }
  if (hasPhrase(FUTURE, group)) return 'future';
  // "pledged to expel": future, but "threatened to strike" coded as a threat (13x) is an asserted threat
  if (hasPhrase(INTENT, group) && !INTENT_ROOTS.has((event.code ?? '').slice(0, 2))) return 'future';
  return 'asserted';
}

export const modalityStage: Stage = {
  name: 'modality',
  assigns: ['events.modality'],
  run(ctx) {
    for (const e of ctx.article.events) e.modality = modalityOf(ctx.doc, e);
  },
};
