/**
 * Who a speaker is: the name and CAMEO code behind "he", "Figueroa" or "the
 * Russian leader". Named speakers are remembered in article order; a surname
 * alone takes the full name met before, a personal pronoun the most recent
 * named person, and a description ("the senator", "the Russian leader") the
 * most recent named speaker or actor with the same code.
 */
import type { ActorGroup } from '../actors/index.ts';
import type { Doc, Token } from '../text/index.ts';
import type { Range } from './attribute.ts';

export interface SpeakerIdentity {
  name?: string;
  code?: string;
}

interface Known {
  name: string;
  code?: string;
  /** Upper-cased words of the name, for "Figueroa" → "Melezia Figueroa". */
  words: string[];
  /** Upper-cased words of the whole phrase, for "the foreign minister" → "Foreign Minister Lena Varga". */
  phrase?: Set<string>;
  /** A person rather than an organisation, as far as can be told. */
  person: boolean;
}

/** Words before a name that are not part of it. */
const TITLES = new Set(['MR.', 'MRS.', 'MS.', 'DR.', 'MR', 'MRS', 'MS', 'DR', 'SEN.', 'REP.', 'GOV.', 'GEN.', 'LT.', 'COL.', 'SGT.', 'SEN', 'REP', 'GOV', 'GEN', 'PRES.', 'PRESIDENT', 'SENATOR', 'GOVERNOR', 'MAYOR', 'SECRETARY', 'MINISTER', 'PRIME', 'CHANCELLOR', 'SPEAKER', 'LEADER', 'CHAIRMAN', 'CHAIRWOMAN', 'JUDGE', 'JUSTICE', 'GENERAL', 'ATTORNEY', 'DIRECTOR', 'SPOKESMAN', 'SPOKESWOMAN', 'CANDIDATE', 'NOMINEE', 'REPUBLICAN', 'DEMOCRAT', 'DEMOCRATIC', 'CONGRESSMAN', 'CONGRESSWOMAN', 'AMBASSADOR', 'POPE', 'KING', 'QUEEN', 'PRINCE', 'FORMER', 'VICE', 'THE']);
const SINGULAR_PERSON = new Set(['HE', 'SHE', 'I']);
const INDEFINITE = new Set(['A', 'AN', 'ANOTHER', 'ONE', 'SOME', 'SEVERAL', 'MANY', 'TWO', 'THREE']);
const ORG_WORDS = /^(HOUSE|DEPARTMENT|MINISTRY|COMMITTEE|CAMPAIGN|PARTY|COMMISSION|OFFICE|AGENCY|COUNCIL|COURT|NEWS|POST|TIMES|JOURNAL|PRESS|UNIVERSITY|INSTITUTE|ASSOCIATION|FOUNDATION|GROUP|CENTER|CENTRE|BUREAU|SERVICE|NETWORK|CNN|FBI|CIA|NBC|ABC|CBS|MSNBC|GOVERNMENT|ADMINISTRATION|CONGRESS|SENATE|UNION|COMPANY|INC\.?|CORP\.?)$/;

/** The last run of proper nouns in [a, b), honorifics dropped: "Stein spokeswoman Melezia Figueroa" → Melezia Figueroa. */
function nameRun(tokens: Token[], a: number, b: number): Range | null {
  // the name is the head of the phrase: "Melezia Figueroa" in "Stein spokeswoman Melezia Figueroa", none in "the Russian leader"
  let end = b;
  if (tokens[end - 1].text === ')') {
    while (end > a && tokens[end - 1].text !== '(') end--;
    end--;
  }
  if (end <= a || !isProper(tokens[end - 1])) return null;
  let start = end - 1;
  while (start - 1 >= a && isProper(tokens[start - 1]) && !TITLES.has(tokens[start - 1].norm)) start--;
  while (start < end && TITLES.has(tokens[start].norm)) start++;
  return start < end ? [start, end] : null;
}

/** A proper noun, or a capitalised word the tagger took for a verb or adjective ("Lynch said"). */
const isProper = (t: Token): boolean => t.pos === 'PROPN' || (/^\p{Lu}\p{Ll}/u.test(t.text) && (t.pos === 'VERB' || t.pos === 'ADJ' || t.pos === 'X'));

/** A speaker as written, and for a relative pronoun ("who") the phrase it stands for. */
export interface SpeakerMention {
  span: Range;
  antecedent?: Range;
}

export function resolveSpeakers(doc: Doc, mentions: Array<SpeakerMention | null>, actors: ActorGroup[][] = []): SpeakerIdentity[] {
  const speakers = mentions.map((m) => (m === null ? null : (m.antecedent ?? m.span)));
  const tokens = doc.tokens;
  const known: Known[] = [];
  const text = (a: number, b: number) => doc.text.slice(tokens[a].start, tokens[b - 1].end);

  // named actors from the coder, in order, so a description can refer back to one who never spoke
  const namedActors: Array<{ at: number; known: Known }> = [];
  for (const groups of actors) {
    for (const g of groups ?? []) {
      const run = nameRun(tokens, g.start, g.end);
      if (run) {
        const words = text(run[0], run[1]).toUpperCase().split(/\s+/);
        // the coder knows a dictionary person or a titled name; "a senior US official" names only a country
        const person = g.person === true || g.personName !== undefined;
        namedActors.push({ at: g.start, known: { name: text(run[0], run[1]), code: g.code, words, person } });
      }
    }
  }

  const groupAt = (a: number, b: number): ActorGroup | undefined => {
    const s = tokens[a]?.sentence;
    return (actors[s] ?? []).find((g) => g.start < b && g.end > a);
  };

  const order = speakers.map((_, k) => k).filter((k) => speakers[k] !== null).sort((x, y) => speakers[x]![0] - speakers[y]![0]);
  const out: SpeakerIdentity[] = speakers.map(() => ({}));
  for (const k of order) {
    const [a, b] = speakers[k]!;
    const group = groupAt(a, b);
    const run = nameRun(tokens, a, b);
    let id: SpeakerIdentity = {};
    const conjoined = tokens.slice(a, b).some((t) => t.pos === 'CCONJ');
    if (conjoined) {
      // "Russia and Ukraine agreed": several speakers, no one name
      if (group?.code) id = { code: group.code };
    } else if (run) {
      const name = text(run[0], run[1]);
      const words = name.toUpperCase().split(/\s+/);
      let entry: Known | undefined;
      if (words.length === 1) entry = recent(known, (e) => e.words.length > 1 && e.words[e.words.length - 1] === words[0]);
      if (!entry) {
        const country = group?.code !== undefined && /^[A-Z]{3}$/.test(group.code);
        entry = { name, code: group?.code, words, person: !country && !words.some((w) => ORG_WORDS.test(w)) };
      }
      if (!entry.code && group?.code) entry.code = group.code;
      entry = { ...entry, phrase: new Set(text(a, b).toUpperCase().split(/[\s,]+/)) };
      known.push(entry);
      id = { name: entry.name, code: group?.code ?? entry.code };
    } else if (group?.antecedent && group.start >= a && group.end <= b) {
      // "the group said": the coder already resolved the description to the organisation it refers back to
      const [x, y] = [group.antecedent.start, group.antecedent.end];
      id = { code: group.code, ...(group.agents.length === 0 && { name: group.name ?? text(x, y) }) };
    } else if (b - a === 1 && SINGULAR_PERSON.has(tokens[a].norm)) {
      const before = recent(known, (e) => e.person) ?? latestActor(a, (e) => e.person);
      if (before) id = { name: before.name, code: before.code };
    } else {
      // a description: "the foreign minister" after "Foreign Minister Lena Varga" (the words of an earlier
      // speaker's phrase), or "the Russian leader" → the last named speaker or actor coded RUSGOV
      // (an unknown country, "---GOV", says too little)
      const words = described(a, b) ? descriptionWords(a, b) : [];
      const byWords = (e: Known) => words.length > 0 && e.phrase !== undefined && words.every((w) => e.phrase!.has(w));
      // "the Russian leader" (RUS, or RUSGOV) is someone coded RUSGOV; "the Russians" are not one person
      const singular = !/S$/.test(tokens[b - 1].norm);
      // "the official", "the spokesman" (an agent noun that names no body) is a person, not "the United States"
      const personal = singular && group !== undefined && group.agents.length > 0 && !ORG_WORDS.test(tokens[b - 1].norm);
      const byCode = (e: Known) =>
        group !== undefined && e.code !== undefined && !group.code.startsWith('---') && (!personal || e.person) &&
        (e.code === group.code || (singular && words.length > 0 && e.code.startsWith(group.code)));
      // among actors, a full name ("Vladimir Putin") before a one-word one ("Moscow", the seat of government)
      // "a senior US official" brings in someone new: an indefinite phrase refers back to nobody
      const indefinite = INDEFINITE.has(tokens[a].norm) || tokens[a].pos === 'NUM';
      const before = indefinite ? undefined : recent(known, byWords) ?? recent(known, byCode)
        ?? latestActor(a, (e) => byCode(e) && e.words.length > 1) ?? latestActor(a, byCode);
      // the more specific code of the two: "the Russian leader" (RUS) is Putin (RUSGOV)
      const code = group && !(before?.code && before.code.startsWith(group.code)) ? group.code : before?.code;
      if (before) id = { name: before.name, ...(code && { code }) };
      // the actor's own name only when the phrase is that actor ("the White House"), not a description of someone in it
      else if (group?.code) id = { code: group.code, ...(group.agents.length === 0 && group.end >= b && group.name && { name: group.name }) };
    }
    out[k] = id;
  }
  return out;

  /** "the foreign minister", "the Russian leader": a determiner and words, no name. */
  function described(a: number, b: number): boolean {
    return b - a >= 2 && /^(THE|THIS|THAT)$/.test(tokens[a].norm) && descriptionWords(a, b).length > 0;
  }

  function descriptionWords(a: number, b: number): string[] {
    const out: string[] = [];
    for (let i = a + 1; i < b; i++) if (tokens[i].pos === 'NOUN' || tokens[i].pos === 'ADJ' || tokens[i].pos === 'PROPN') out.push(tokens[i].norm);
    return out;
  }

  function latestActor(at: number, ok: (e: Known) => boolean): Known | undefined {
    // namedActors is in text order: binary-search the last one before `at`, then look back a bounded way
    let lo = 0;
    let hi = namedActors.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (namedActors[mid].at < at) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo - 1; i >= 0 && i >= lo - LOOKBACK; i--) if (ok(namedActors[i].known)) return namedActors[i].known;
    return undefined;
  }
}

/**
 * Coreference looks back this many speakers or actors at most: far enough for any
 * news story, and it keeps a book-length input linear instead of quadratic.
 */
const LOOKBACK = 200;

/** The most recent entry satisfying `ok`, within the last LOOKBACK entries. */
function recent<T>(items: readonly T[], ok: (item: T) => boolean): T | undefined {
  for (let i = items.length - 1; i >= 0 && i >= items.length - LOOKBACK; i--) if (ok(items[i])) return items[i];
  return undefined;
}
