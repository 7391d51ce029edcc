/**
 * Definite descriptions that point back at an actor named earlier in the article:
 * "The Israeli foreign ministry summoned … The ministry condemned …", "Hamas said …
 * The group also criticized Israel" and "Russian President Vladimir Putin … The Russian
 * leader accused …". The description takes its referent's code (and name) and keeps a
 * pointer to it, so evidence shows both the words in the sentence and whom they mean.
 */
import { lexicon, type Token } from '../text/index.ts';
import { combineCodes, type ActorGroup } from './index.ts';

/** How far back a referent may be: this sentence and the five before it. */
const MAX_SENTENCES_BACK = 5;

interface DescriptionNoun {
  words: string[];
  kinds: Set<string>;
}

let nouns: DescriptionNoun[] | null = null;

/** data/lexicons/description-nouns.txt, longest nouns first. */
function descriptionNouns(): DescriptionNoun[] {
  if (!nouns) {
    nouns = [...lexicon('description-nouns')]
      .map((line) => {
        const [noun, kinds = ''] = line.split(':');
        return { words: noun.trim().split(/\s+/), kinds: new Set(kinds.trim().split(/\s+/).filter(Boolean)) };
      })
      .sort((a, b) => b.words.length - a.words.length);
  }
  return nouns;
}

/** The three-letter parts of a code: "PSEREB" → PSE, REB. */
function parts(code: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 3 <= code.length; i += 3) out.push(code.slice(i, i + 3));
  return out;
}

const hasCountry = (g: ActorGroup) => !g.code.startsWith('---');

const POSSESSIVES = new Set(['ITS', 'THEIR', 'HIS', 'HER']);

/** "Iran-aligned", "Saudi-led": a hyphenated participle before the noun, which the tagger may call a verb. */
const HYPHENATED_PARTICIPLE = /^[A-Z0-9]+(-[A-Z0-9]+)*-[A-Z]+(ED|LED|HELD|RUN)$/;

/**
 * A verb follows within a few words, past adverbs, auxiliaries and particles: the phrase
 * ending at `from` is a clause's subject ("Hamas said", "the ministry has summoned").
 */
export function verbFollows(tokens: Token[], from: number): boolean {
  for (let k = from; k < Math.min(tokens.length, from + 4); k++) {
    const t = tokens[k];
    if (t.pos === 'VERB') return true;
    // "troops in Syria [to] serve": an infinitive has no subject
    if ((t.pos !== 'ADV' && t.pos !== 'AUX' && t.pos !== 'PART') || t.norm === 'TO') return false;
  }
  return false;
}

/** The latest subject among `pool`, else the latest of all. */
function salient(tokens: Token[], pool: readonly ActorGroup[]): ActorGroup | undefined {
  return pool.filter((g) => verbFollows(tokens, g.end)).at(-1) ?? pool.at(-1);
}

/**
 * Gives the definite descriptions among this sentence's `groups` the code of their referent
 * among the actor phrases of the sentences before (`earlier`, in text order, asked for only
 * when a description is met) and this sentence's, and adds "the group"-like phrases no
 * dictionary covers. Returns the sentence's groups in text order.
 */
export function resolveDescriptions(
  tokens: Token[],
  groups: ActorGroup[],
  earlier: () => readonly ActorGroup[],
  range: { start: number; end: number },
  hidden: (i: number) => boolean,
): ActorGroup[] {
  const sentenceOf = (i: number) => tokens[i].sentence;
  const definite = (start: number) => start > range.start && tokens[start - 1].norm === 'THE';
  /** "his forces", "its troops": the possessive before an agent with no country, or undefined. */
  const possessor = (start: number) => (start > range.start && POSSESSIVES.has(tokens[start - 1].norm) ? tokens[start - 1].norm : undefined);
  let before: readonly ActorGroup[] | null = null;
  const candidates = (at: number, current: readonly ActorGroup[]) =>
    [...(before ??= earlier()), ...current.filter((g) => g.end <= at)].filter(
      (g) => hasCountry(g) && !g.antecedent && sentenceOf(g.start) >= sentenceOf(at) - MAX_SENTENCES_BACK,
    );
  const refer = (g: ActorGroup, referent: ActorGroup): ActorGroup => ({
    ...g,
    code: referent.code,
    actorCodes: referent.actorCodes,
    ...(referent.name ? { name: referent.name } : {}),
    antecedent: { start: referent.start, end: referent.end },
  });

  // "the ministry", "the army": an agent with no country, resolved by its sector
  const out: ActorGroup[] = groups.map((g) => {
    if (hasCountry(g) || g.actorCodes.length > 0) return g;
    const owner = possessor(g.start);
    if (owner) return possessed(g, owner);
    if (!definite(g.start)) return g;
    const sectors = parts(g.code).slice(1);
    const pool = candidates(g.start, groups).filter((c) => {
      const p = parts(c.code).slice(1);
      return sectors.every((s) => p.includes(s));
    });
    // one named with the same noun wins ("the Israeli foreign ministry" for "the ministry")
    const head = tokens[g.end - 1].lemma;
    const sameNoun = pool.filter((c) => tokens.slice(c.start, c.end).some((t) => t.lemma === head));
    const referent = salient(tokens, sameNoun.length ? sameNoun : pool);
    if (!referent) return g;
    // the description's own noun says which part of the referent's actor it is: "the rebels" after
    // "two RSF commanders" is the RSF, not its commanders
    const code = combineCodes(referent.actorCodes, g.agents);
    const described = refer(g, referent);
    return code && referent.actorCodes.length > 0 ? { ...described, code } : described;
  });

  /**
   * "its forces", "his troops": an agent owned by the organisation or country ("its", "their"), or
   * the person ("his", "her"), named last as the subject of a verb; the agent is that actor's part.
   */
  function possessed(g: ActorGroup, owner: string): ActorGroup {
    const personal = owner === 'HIS' || owner === 'HER';
    const pool = candidates(g.start, groups).filter((c) => (c.person || c.personName ? personal : !personal) && c.actorCodes.length > 0);
    // only a subject: a possessive refers back to who acts, and no subject found is no guess
    const referent = pool.filter((c) => verbFollows(tokens, c.end)).at(-1);
    const code = referent && combineCodes(referent.actorCodes, g.agents);
    return referent && code ? { ...refer(g, referent), code } : g;
  }

  // "the Russian leader": a country, then a noun standing for one of its people
  for (let n = 0; n < out.length; n++) {
    const g = out[n];
    if (g.antecedent || g.person || g.personName || g.agents.length > 0 || g.code.length !== 3 || !definite(g.start)) continue;
    const noun = descriptionNouns().find((d) => d.kinds.has('PERSON') && d.words.every((w, j) => tokens[g.end + j]?.lemma === w));
    if (!noun) continue;
    const end = g.end + noun.words.length;
    if (end > range.end || out.some((o) => o !== g && o.start < end && o.end > g.end)) continue;
    const referent = salient(tokens, candidates(g.start, out).filter((c) => (c.person || c.personName) && c.code.startsWith(g.code)));
    if (referent) out[n] = refer({ ...g, end }, referent);
  }

  // "the group", "the movement": nouns of data/lexicons/description-nouns.txt
  const covered = (i: number) => out.some((g) => g.start <= i && i < g.end);
  for (let i = range.start + 1; i < range.end; i++) {
    if (!definite(i) || covered(i) || hidden(i)) continue;
    // adjectives may come between: "the Islamist group", "the Iran-aligned movement"
    let k = i;
    while (k < range.end && (tokens[k].pos === 'ADJ' || HYPHENATED_PARTICIPLE.test(tokens[k].norm)) && !covered(k)) k++;
    const noun = descriptionNouns().find((n) => !n.kinds.has('PERSON') && n.words.every((w, j) => k + j < range.end && tokens[k + j].lemma === w && !covered(k + j)));
    if (!noun) continue;
    const end = k + noun.words.length;
    // "the group of experts" is not the earlier group
    if (tokens[end]?.norm === 'OF') continue;
    const referent = salient(
      tokens,
      candidates(i, out).filter((c) => parts(c.code).some((p, j) => noun.kinds.has(p) && (j > 0 || p === 'IGO' || p === 'NGO' || p === 'IMG'))),
    );
    if (!referent) continue;
    const description = refer({ start: i, end, code: '', actorCodes: [], agents: [], agentFirst: false }, referent);
    // "Hamas official Osama Hamdan … The group said": the group is the organisation, not its official
    const own = new Set(referent.actorCodes);
    const organisation = own.size === 1 && (referent.agents.length > 0 || referent.person || referent.personName);
    out.push(organisation ? { ...description, code: referent.actorCodes[0], actorCodes: [referent.actorCodes[0]] } : description);
    i = end - 1;
  }
  return out.sort((a, b) => a.start - b.start);
}
