/**
 * Actor recognition in one sentence: longest dictionary matches for actors and
 * agents, grouped into actor phrases ("Russian Foreign Minister Sergey Lavrov",
 * "soldiers from Gondor", "Gondor's militia") that resolve to one CAMEO code,
 * and compound lists ("Arnor, Rohan and Gondor") that act together.
 */
import { matchPhraseAt, type ActorEntry, type AgentEntry, type Dictionaries } from '../dictionaries/index.ts';
import { lexicon, type Token } from '../text/index.ts';
import { actorCountry } from '../store/actor-code.ts';
import { verbFollows } from './descriptions.ts';

export { resolveDescriptions } from './descriptions.ts';

export interface Mention {
  kind: 'actor' | 'agent';
  start: number; // token index, inclusive
  end: number; // token index, exclusive
  actor?: ActorEntry;
  agent?: AgentEntry;
  /** Resolved code for actors at the article date (a person out of every role: the roles' one country); null = no code then. */
  code?: string | null;
}

/** One actor as it takes part in an event. */
export interface ActorGroup {
  start: number;
  end: number;
  code: string;
  name?: string;
  /** How the code was built, so conjoined phrases can share parts ("Danish media and government"). */
  actorCodes: string[];
  agents: AgentEntry[];
  /** "lawmakers in Arnor": the agent comes first and applies to every actor conjoined after it. */
  agentFirst: boolean;
  /** Token span of a person's name absorbed after a title ("President [Michel Suleiman]"). */
  personName?: { start: number; end: number };
  /** The phrase names a person from the dictionary (an entry with dated roles and no fixed code). */
  person?: boolean;
  /** Where that person's name is in the phrase ("General [Abdel Fattah al-Burhan]"). */
  personSpan?: { start: number; end: number };
  /** A definite description ("the ministry", "the group"): the token span of the earlier actor it refers to, whose code it took. */
  antecedent?: { start: number; end: number };
}

/** Actor groups that act together (a compound subject or object). */
export interface ActorList {
  start: number;
  end: number;
  members: ActorGroup[];
}

/** The code an actor entry has on `date` (YYYYMMDD), or null. */
export function codeAt(entry: ActorEntry, date: number): string | null {
  for (const d of entry.dated) {
    if ((d.from === undefined || date >= d.from) && (d.to === undefined || date <= d.to)) return normalizeCode(d.code);
  }
  return entry.defaultCode === undefined ? null : normalizeCode(entry.defaultCode);
}

/**
 * A person with dated roles, none of them in force on the date (or the date unknown), is still
 * the country all the roles are in: "President Michel Suleiman" out of his term is Lebanese, and
 * a title beside the name adds its sector as it does to a country. Roles in more than one country,
 * or in no country (an IGO post), leave the person uncoded, as nothing says which one applies.
 */
export function roleCountry(entry: ActorEntry): string | null {
  if (entry.defaultCode !== undefined || entry.dated.length === 0) return null;
  const countries = new Set(entry.dated.map((d) => actorCountry(normalizeCode(d.code))));
  const [country] = countries;
  return countries.size === 1 && country ? country : null;
}

function normalizeCode(code: string): string | null {
  return code === '---' || code === '' ? null : code;
}


/** Longest-match scan of a sentence's tokens against actors and agents. */
/**
 * People met earlier in the article with a title ("Qatari minister Mohammed
 * Al-Khulaifi"): later, the name alone ("Al-Khulaifi said") is the same actor.
 * Keys are upper-case surnames and full names.
 */
export type ArticleNames = Map<string, { code: string; name: string }>;

/** The file named by the actor entries made for names met earlier in the article. */
const ARTICLE_NAMES = '(article)';

export function findMentions(tokens: Token[], start: number, end: number, dicts: Dictionaries, date: number, names?: ArticleNames): Mention[] {
  const out: Mention[] = [];
  for (let i = start; i < end; ) {
    const actor = isLowercasePronoun(tokens[i]) ? null : matchPhraseAt(dicts.actors, tokens, i, end);
    const agent = matchPhraseAt(dicts.agents, tokens, i, end);
    const known = !actor && !agent && names && tokens[i].pos === 'PROPN' ? names.get(tokens[i].norm) : undefined;
    if (known) {
      // a run of capitalised words ending in a known surname: "Mohammed Al-Khulaifi"
      let j = i;
      while (j + 1 < end && tokens[j + 1].pos === 'PROPN' && names!.has(tokens[j + 1].norm)) j++;
      const entry = names!.get(tokens[j].norm) ?? known;
      const synthetic: ActorEntry = { phrases: [], dated: [], defaultCode: entry.code, name: entry.name, loc: { file: ARTICLE_NAMES, line: 0 } };
      out.push({ kind: 'actor', start: i, end: j + 1, actor: synthetic, code: entry.code });
      i = j + 1;
      continue;
    }
    // "a Liberian-flagged tanker", "a Greek-owned ship": the country the flag or the owner is
    const owner = !actor && !agent ? OWNED_OR_FLAGGED.exec(tokens[i].norm) : null;
    const ownerActor = owner ? matchPhraseAt(dicts.actors, tokens, i, i + 1, owner[1]) : null;
    if (ownerActor) {
      out.push({ kind: 'actor', start: i, end: i + 1, actor: ownerActor.value, code: codeAt(ownerActor.value, date) ?? roleCountry(ownerActor.value) });
      i++;
      continue;
    }
    if (actor && (!agent || actor.len >= agent.len)) {
      out.push({ kind: 'actor', start: i, end: i + actor.len, actor: actor.value, code: codeAt(actor.value, date) ?? roleCountry(actor.value) });
      i += actor.len;
    } else if (agent) {
      out.push({ kind: 'agent', start: i, end: i + agent.len, agent: agent.value });
      i += agent.len;
    } else i++;
  }
  return out;
}

/** "Liberian-flagged", "Greek-owned": a hyphenated word naming whose flag a ship flies, or who owns a thing. */
const OWNED_OR_FLAGGED = /^(.+)-(FLAGGED|REGISTERED|OWNED|OPERATED)$/;

/**
 * Dictionaries are matched case-blind, as PETRARCH reads them, but a pronoun written in lower case
 * never names an actor: "us" is not the US, "who" not the WHO.
 */
function isLowercasePronoun(t: Token): boolean {
  return t.pos === 'PRON' && t.text === t.text.toLowerCase();
}

const TIME_WORDS = lexicon('time-words');
const DETERMINERS = new Set(['THE', 'A', 'AN', 'ITS', 'THEIR', 'HIS', 'HER', 'OUR', 'SOME', 'SEVERAL', 'MANY', 'TWO', 'THREE', 'ALL', 'BOTH']);
const LINKS_AGENT_TO_ACTOR = new Set(['OF', 'FROM', 'IN', 'FOR']);
const LIST_JOINERS = new Set(['AND', 'OR', 'NOR', ',']);
/** Words that place a noun ("positions near Aleppo", "a target southwest of Baghdad"), unlike "of" or "from" alone. */
const PLACING_PREPOSITIONS = new Set(['IN', 'NEAR', 'OUTSIDE', 'INSIDE']);
const COMPASS_WORD = /^(NORTH|SOUTH|EAST|WEST|NORTHEAST|NORTHWEST|SOUTHEAST|SOUTHWEST|NORTH-EAST|NORTH-WEST|SOUTH-EAST|SOUTH-WEST)$/;
/** The nouns an agent modifies before the phrase that places them: "[rebel] positions", "[Islamic] State target". */
const MAX_MODIFIED_NOUNS = 3;

/**
 * Tokens [from, to) between an agent and a place are the rest of a named group's noun phrase and a
 * placing preposition: "an Islamic State [target southwest of] Baghdad", "the Free Police [unit in]
 * Aleppo". Then the place is where the group is: a country-less sector takes the place's country,
 * as "rebels in Idlib" does. Only when the sector word opens a name: a sector word that merely
 * modifies a common noun names a thing or an event, no actor ("military exercises in Alaska",
 * "a cabinet meeting in Washington"). "Of" or "from" alone after the noun names what the noun is
 * about or where an action starts ("the capture of Aleppo", "a withdrawal from Syria"), not where
 * the group is.
 */
function locatedAfterNoun(tokens: Token[], from: number, to: number, hidden: (i: number) => boolean): boolean {
  if (tokens[from]?.pos !== 'PROPN') return false;
  let k = from;
  while (k < to && !hidden(k) && (tokens[k].pos === 'NOUN' || tokens[k].pos === 'ADJ' || tokens[k].pos === 'PROPN' || tokens[k].pos === 'NUM') && !COMPASS_WORD.test(tokens[k].norm)) k++;
  const nouns = k - from;
  if (nouns === 0 || nouns > MAX_MODIFIED_NOUNS || tokens[k - 1].pos !== 'NOUN') return false;
  if (k < to && COMPASS_WORD.test(tokens[k].norm) && tokens[k + 1]?.norm === 'OF') k += 2;
  else if (k < to && PLACING_PREPOSITIONS.has(tokens[k].norm)) k++;
  else return false;
  while (k < to && !hidden(k) && DETERMINERS.has(tokens[k].norm)) k++;
  return k === to;
}

/** Tokens that may sit inside an actor phrase without ending it. */
function isModifier(t: Token): boolean {
  return (
    t.pos === 'ADJ' || t.pos === 'PROPN' || t.norm === "'S" || DETERMINERS.has(t.norm) || (t.pos === 'NOUN' && /^[A-Z]/.test(t.text)) || t.pos === 'NUM' ||
    // "military-ruled Myanmar", "Iran-backed rebels": hyphenated participles the tagger calls verbs
    (t.pos === 'VERB' && /^[A-Z0-9]+(-[A-Z0-9]+)*-([A-Z]+(ED|ING)|HELD|LED|RUN|BUILT|MADE|DRIVEN|TORN|BORN|GROWN|HIT|STRICKEN|KNOWN)$/.test(t.norm))
  );
}

/** A model number after a maker's name ("777", "A330", "Su-24"), not a year ("2014"). */
function isModelDesignation(t: Token): boolean {
  return /\d/.test(t.norm) && /^[A-Z]{0,3}-?\d[\dA-Z-]*$/.test(t.norm) && !/^(1[89]|20)\d\d$/.test(t.norm);
}

/** Sectors of armed groups outside a state's forces. */
const ARMED_GROUPS = new Set(['REB', 'UAF', 'INS', 'SEP']);

/** The code already names an armed group ("SDNREB"): "the paramilitary Rapid Support Forces" is no more than that. */
function armedGroup(code: string): boolean {
  for (let k = 0; k + 3 <= code.length; k += 3) if (ARMED_GROUPS.has(code.slice(k, k + 3))) return true;
  return false;
}

/** Combine a country/actor code with agent codes: DNK + MUS + MED → DNKMUSMED; NGO~ goes in front. */
export function combineCodes(actorCodes: string[], agents: AgentEntry[]): string | null {
  let base = actorCodes[0] ?? '';
  // a more specific code that extends the first one wins ("DAG" + "DAGGOV" → DAGGOV)
  for (const c of actorCodes) if (c.length > base.length && c.startsWith(base)) base = c;
  for (const a of agents) {
    if (a.placement === 'prefix') {
      if (!base.startsWith(a.code)) base = a.code + base;
    } else if (!base.endsWith(a.code) && !(base.length > 3 && base.includes(a.code)) && !(ARMED_GROUPS.has(a.code) && armedGroup(base))) base = base + a.code;
  }
  if (base === '') return null;
  // an agent with no country ("insurgents", "the government") is coded with an unknown country, as PETRARCH does
  if (actorCodes.length === 0) return agents.some((a) => a.placement === 'suffix') ? `---${base}` : base;
  return base;
}

/**
 * Dictionaries are written in capitals; names are shown in title case. In the name of a body,
 * words of up to three letters are acronyms ("UN", "EU") and "of", "the", "and" are lower case;
 * a person's name has no acronyms ("Joe Biden", "Xi Jinping"). Dotted abbreviations stay ("U.S.").
 */
const NAME_PARTICLES = new Set(['AL', 'EL', 'BIN', 'BEN', 'IBN', 'ABU', 'DE', 'DA', 'DI', 'DU', 'LA', 'LE', 'VAN', 'VON', 'DER', 'DOS', 'DEL', 'MAC', 'MC']);
const FUNCTION_WORDS = new Set(['OF', 'THE', 'AND', 'FOR', 'ON', 'IN', 'AT', 'TO']);

export function displayName(dictionaryName: string, person = false): string {
  const cache = person ? personNames : displayNames;
  let shown = cache.get(dictionaryName);
  if (shown === undefined) {
    const titled = (w: string) => w.toLowerCase().replace(/(^|[-'(])(\p{L})/gu, (_, p, c) => p + c.toUpperCase());
    shown = dictionaryName
      .split(' ')
      .map((w, k) => {
        if (/^([A-Z]\.)+$/.test(w)) return w;
        if (person) return titled(w);
        if (k > 0 && FUNCTION_WORDS.has(w)) return w.toLowerCase();
        return w.length <= 3 && !NAME_PARTICLES.has(w) && !FUNCTION_WORDS.has(w) ? w : titled(w);
      })
      .join(' ');
    cache.set(dictionaryName, shown);
  }
  return shown;
}

/** Names as shown, by dictionary name: the same few actors come back in every article. */
const displayNames = new Map<string, string>();
const personNames = new Map<string, string>();

const ORGANISATION_NOUNS = lexicon('organisation-nouns');

/**
 * An actor entry names a person: it has dated codes only (roles held for a time), and no word of
 * its name names an organisation ("Rapid Support Forces", "Labour Party" change codes too).
 */
export function isPersonEntry(entry: ActorEntry): boolean {
  // a name met earlier in the article with a title ("Erdan" after "Israel's ambassador, Gilad Erdan")
  if (entry.loc.file === ARTICLE_NAMES) return true;
  if (entry.dated.length === 0 || entry.defaultCode !== undefined) return false;
  let person = personEntries.get(entry);
  if (person === undefined) {
    person = !entry.name.split(/[\s_]+/).some((w) => ORGANISATION_NOUNS.has(w.toUpperCase()));
    personEntries.set(entry, person);
  }
  return person;
}

const personEntries = new WeakMap<ActorEntry, boolean>();

function nameOf(mentions: Mention[]): string | undefined {
  // a person named in the phrase names it ("Kremlin spokesman Dmitry Peskov" is Peskov)
  const person = mentions.find((m) => m.kind === 'actor' && m.actor && isPersonEntry(m.actor));
  const actor = person ?? mentions.find((m) => m.kind === 'actor' && m.code);
  return actor?.actor ? (actor.actor.loc.line === 0 ? actor.actor.name : displayName(actor.actor.name, actor === person)) : undefined;
}

/**
 * Group mentions into actor phrases. `hidden` tokens (removed sub-clauses) end a phrase.
 * Returns groups in text order; a group without any coded actor is dropped.
 */
export function groupActors(tokens: Token[], mentions: Mention[], hidden: (i: number) => boolean): ActorGroup[] {
  const groups: ActorGroup[] = [];
  let k = 0;
  while (k < mentions.length) {
    const first = mentions[k];
    if (first.kind === 'actor' && !first.code) {
      k++;
      continue;
    }
    const parts: Mention[] = [first];
    let end = first.end;
    let j = k + 1;
    /** The place came after a noun the agent modifies: the sector is not shared with places listed after it. */
    let placedNoun = false;
    // extend over modifiers, "'s", and agent→of→actor links
    while (j < mentions.length) {
      const next = mentions[j];
      let ok = true;
      // "an Islamic State target southwest of Baghdad": a named group without a country is located by
      // the place after the noun it modifies
      const onlyAgents = parts.every((p) => p.kind === 'agent');
      const located = onlyAgents && next.kind === 'actor' && locatedAfterNoun(tokens, end, next.start, hidden);
      if (located) placedNoun = true;
      for (let t = end; t < next.start && !located; t++) {
        if (hidden(t)) {
          ok = false;
          break;
        }
        const tok = tokens[t];
        if (isModifier(tok)) continue;
        // "awful and evil minister": adjectives joined by "and" stay inside the phrase
        if (tok.norm === 'AND' && t > 0 && tokens[t - 1].pos === 'ADJ' && tokens[t + 1]?.pos === 'ADJ') continue;
        // "ambassadors of Arnor", "soldiers from Gondor": only right after an agent, one link word
        if (LINKS_AGENT_TO_ACTOR.has(tok.norm) && parts[parts.length - 1].kind === 'agent' && !parts.some((p) => p.kind === 'actor') && t === end) continue;
        ok = false;
        break;
      }
      // two coded actors side by side are two actors, unless the second is a person of the first's
      // country, or a name right after a title ("Ithilen's minister Calimehtar": the title's country wins)
      let nameAfterTitle = false;
      let makeOfModel = false;
      if (ok && next.kind === 'actor' && parts.some((p) => p.kind === 'actor' && p.code)) {
        const prev = parts.find((p) => p.kind === 'actor' && p.code)!;
        const sameCountry = next.code && prev.code && (next.code.startsWith(prev.code) || prev.code.startsWith(next.code));
        nameAfterTitle = !sameCountry && parts[parts.length - 1].kind === 'agent' && parts[parts.length - 1].end === next.start;
        // "the Malaysia Airlines Boeing 777": a maker before a model names the thing, whose owner
        // is the actor named first
        makeOfModel = !sameCountry && !nameAfterTitle && end === next.start && next.end < tokens.length && isModelDesignation(tokens[next.end]);
        if (!sameCountry && !nameAfterTitle && !makeOfModel) ok = false;
      }
      if (!ok) break;
      parts.push(nameAfterTitle || makeOfModel ? { ...next, code: null } : next);
      end = next.end;
      j++;
    }
    // a name right after a title belongs to the phrase: "Arnor President Umbardacil"
    const nameStart = end;
    while (end < tokens.length && tokens[end].pos === 'PROPN' && !TIME_WORDS.has(tokens[end].norm) && !hidden(end) && tokens[end].sentence === tokens[first.start].sentence && !mentions.some((m) => m.start === end)) end++;
    const actorCodes = parts.filter((p) => p.kind === 'actor' && p.code).map((p) => p.code!) as string[];
    const agents = parts.filter((p) => p.kind === 'agent').map((p) => p.agent!);
    let codes = actorCodes;
    let allAgents = agents;
    const prev = groups[groups.length - 1];
    if (actorCodes.length === 0 && prev && prev.actorCodes.length > 0 && joinedByList(tokens, prev.end, first.start, hidden) && !commaBetween(tokens, prev.end, first.start)) {
      // "Danish Islamist media and government": the country and leading sectors carry over
      // (not after a comma: "talks in Cairo, and the militant group warned" starts a new clause)
      codes = prev.actorCodes;
      allAgents = [...prev.agents.slice(0, -1), ...agents];
    } else if (agents.length === 0 && prev && prev.agentFirst && joinedByList(tokens, prev.end, first.start, hidden)) {
      // "lawmakers in Arnor and Gondor": the sector applies to each conjoined actor
      allAgents = prev.agents;
    }
    // a sector word that only modifies the next noun ("military exercises") is not an actor
    const lastPart = parts[parts.length - 1];
    const modifierOnly = codes.length === 0 && end < tokens.length && tokens[end].pos === 'NOUN' && lastPart.end === end;
    const code = modifierOnly ? null : combineCodes(codes, allAgents);
    const agentFirst = parts[0].kind === 'agent' && actorCodes.length > 0 && !placedNoun;
    const personName = end > nameStart && parts[parts.length - 1].kind === 'agent' ? { start: nameStart, end } : undefined;
    const personPart = parts.find((p) => p.actor && isPersonEntry(p.actor));
    if (code) {
      groups.push({
        start: first.start,
        end,
        code,
        name: nameOf(parts),
        actorCodes: codes,
        agents: allAgents,
        agentFirst: agentFirst || (allAgents !== agents && prev?.agentFirst === true),
        ...(personName ? { personName } : {}),
        ...(personPart ? { person: true, personSpan: { start: personPart.start, end: personPart.end } } : {}),
      });
    }
    k = j;
  }
  // "US and British activists": a bare actor conjoined to "<actor> <sector>" shares the sector
  for (let g = groups.length - 2; g >= 0; g--) {
    const cur = groups[g];
    const next = groups[g + 1];
    const onlyAnd = next.start === cur.end + 1 && tokens[cur.end].norm === 'AND';
    if (cur.agents.length === 0 && next.agents.length > 0 && !next.agentFirst && cur.actorCodes.length > 0 && onlyAnd) {
      const code = combineCodes(cur.actorCodes, next.agents);
      if (code) groups[g] = { ...cur, code, agents: next.agents };
    }
  }
  return groups;
}

function commaBetween(tokens: Token[], from: number, to: number): boolean {
  for (let t = from; t < to; t++) if (tokens[t].norm === ',') return true;
  return false;
}

function joinedByList(tokens: Token[], from: number, to: number, hidden: (i: number) => boolean): boolean {
  if (to <= from || to - from > 3) return false;
  let joiner = false;
  for (let t = from; t < to; t++) {
    if (hidden(t)) return false;
    if (LIST_JOINERS.has(tokens[t].norm)) joiner = true;
    else if (!DETERMINERS.has(tokens[t].norm) && tokens[t].pos !== 'ADJ') return false;
  }
  return joiner;
}

/** Remember titled people ("Qatari minister Mohammed Al-Khulaifi") so their names alone code later. */
export function rememberNames(tokens: Token[], groups: ActorGroup[], names: ArticleNames): void {
  for (const g of groups) {
    if (g.code.startsWith('---')) continue;
    let span = g.personName;
    // an apposition: "Israel's ambassador [to the UN], Gilad Erdan, said"
    let comma = g.end;
    while (comma < g.end + 6 && comma < tokens.length && ['ADP', 'DET', 'PROPN', 'NOUN'].includes(tokens[comma].pos)) comma++;
    // (a name the dictionary knows is remembered with its own phrase's code, below)
    const known = groups.some((o) => o.start === comma + 1 && o.personSpan);
    if (!span && !known && g.agents.length > 0 && tokens[comma]?.norm === ',') {
      let k = comma + 1;
      while (k < tokens.length && tokens[k].pos === 'PROPN' && tokens[k].sentence === tokens[g.start].sentence) k++;
      if (k - (comma + 1) >= 2 && tokens[k]?.norm === ',') span = { start: comma + 1, end: k };
    }
    if (span) {
      const words = tokens.slice(span.start, span.end);
      const name = words.map((t) => t.text).join(' ');
      for (const w of words) for (const key of nameKeys(w.norm)) if (!names.has(key)) names.set(key, { code: g.code, name });
      continue;
    }
    // a person the dictionary knows by full name is known by surname later ("Abdel Fattah
    // al-Burhan" … "Burhan accused"): the surname only, as first names are shared by many
    if (g.personSpan && g.personSpan.end - g.personSpan.start >= 2 && g.name) {
      const surname = tokens[g.personSpan.end - 1];
      if (surname.pos !== 'PROPN') continue;
      for (const key of nameKeys(surname.norm)) if (!names.has(key)) names.set(key, { code: g.code, name: g.name });
    }
  }
}

/** A name word and, for "al-Burhan", "el-Sisi", the name without its article ("Burhan"). */
function nameKeys(word: string): string[] {
  if (word.length <= 2) return [];
  const bare = /^(AL|EL)-(.{3,})$/.exec(word);
  return bare ? [word, bare[2]] : [word];
}

/** Join groups separated only by list joiners (",", "and", "or", "nor") into compound lists. */
export function listActors(tokens: Token[], groups: ActorGroup[], hidden: (i: number) => boolean): ActorList[] {
  const lists: ActorList[] = [];
  for (const g of groups) {
    const last = lists[lists.length - 1];
    if (last) {
      let joinable = last.end < g.start;
      let sawJoiner = false;
      for (let t = last.end; t < g.start && joinable; t++) {
        if (hidden(t)) joinable = false;
        else if (LIST_JOINERS.has(tokens[t].norm)) sawJoiner = true;
        else if (!DETERMINERS.has(tokens[t].norm) && tokens[t].pos !== 'ADJ') joinable = false;
      }
      // "talks in Cairo, and the militant group warned": ", and" before a phrase with its own verb
      // opens a clause, unless a list is under way ("Russia, China, and Iran warned")
      const newClause = last.members.length === 1 && commaBetween(tokens, last.end, g.start) && verbFollows(tokens, g.end);
      if (joinable && sawJoiner && !newClause) {
        last.members.push(g);
        last.end = g.end;
        continue;
      }
    }
    lists.push({ start: g.start, end: g.end, members: [g] });
  }
  // "lawmakers and officials in Arnor and Gondor": sectors without a country take each country of the list
  for (const list of lists) {
    const countryless = list.members.filter((m) => m.actorCodes.length === 0);
    const located = list.members.filter((m) => m.actorCodes.length > 0);
    if (countryless.length === 0 || located.length === 0 || !located[0].agentFirst) continue;
    const expanded: ActorGroup[] = [];
    for (const m of list.members) {
      if (m.actorCodes.length > 0) {
        expanded.push(m);
        continue;
      }
      for (const l of located) {
        const code = combineCodes(l.actorCodes, m.agents);
        if (code) expanded.push({ ...m, code, actorCodes: l.actorCodes });
      }
    }
    list.members = expanded;
  }
  return lists;
}
