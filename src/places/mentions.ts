/**
 * Finding place mentions: the dateline, names the gazetteer knows, and
 * capitalised names after a locative preposition that it does not know. Each
 * mention records how it is used (after "in", after "from", as the object of
 * "visited", or not locatively at all), which the filters and the choice of an
 * event's location both read.
 */
import type { ActorGroup } from '../actors/index.ts';
import { lexicon, type Doc, type Token } from '../text/index.ts';
import { placeKey, type Gazetteer, type Place } from './gazetteer.ts';

/** How a mention is used: 3 after in/at/near…, 2 after from/to/into…, 1 object of visit/enter/capture…, 0 otherwise. */
export type Locative = 0 | 1 | 2 | 3;

export interface Mention {
  text: string;
  /** Character offsets into the article, end exclusive. */
  start: number;
  end: number;
  /** Token range [tokenStart, tokenEnd). */
  tokenStart: number;
  tokenEnd: number;
  sentence: number;
  /** Readings from the gazetteer, best prior first; empty when the name is unknown. */
  candidates: readonly Place[];
  locative: Locative;
  /** The locative use comes from an earlier name in a list ("in Paris, Berlin and Rome"), not from a word right before. */
  chained?: boolean;
  dateline: boolean;
  /** "Donetsk region", "Kherson Oblast": the city's name stands for its region. */
  regionSuffix: boolean;
  /** ISO3 of a qualifier that follows or precedes ("Paris, Texas", "Lebanon's Tripoli"). */
  qualifier?: string;
  /** The gazetteer key matched. */
  key?: string;
  /** True when the name is (part of) one of the coder's actor phrases ("Moscow said"). */
  actor?: boolean;
  /** For a name the gazetteer lacks but the actor dictionary codes as a state ("in Zamfara" → NGA): that state, ISO3. */
  actorCountry?: string;
  /** Used the way an actor is: subject of an active verb ("Damascus rejected"), possessor ("Kyiv's proposal"), after against/with/by. */
  actorLike?: boolean;
}

const STRONG = new Set(['IN', 'AT', 'NEAR', 'OUTSIDE', 'INSIDE', 'WITHIN', 'AROUND', 'ACROSS', 'THROUGHOUT', 'OFF', 'ALONG', 'BEYOND', 'NEARBY']);
const WEAK = new Set(['FROM', 'TO', 'INTO', 'TOWARD', 'TOWARDS', 'VIA', 'THROUGH', 'ONTO', 'OVER']);
/** Nouns after which "of" is locative: "the city of Kherson", "south of Gaza City". */
const PLACE_NOUNS = new Set([
  'CITY', 'TOWN', 'VILLAGE', 'REGION', 'PROVINCE', 'DISTRICT', 'AREA', 'OUTSKIRTS', 'SUBURB', 'SUBURBS', 'CAPITAL', 'PORT', 'STREETS',
  'CENTRE', 'CENTER', 'NORTH', 'SOUTH', 'EAST', 'WEST', 'NORTHEAST', 'NORTHWEST', 'SOUTHEAST', 'SOUTHWEST', 'PART', 'PARTS', 'STATE',
  'GOVERNORATE', 'COUNTY', 'HEART', 'EDGE', 'BORDERS', 'CAMP', 'ENCLAVE', 'TERRITORY', 'KILOMETRES', 'KILOMETERS', 'KM', 'MILES',
]);
/** Verbs whose object is a place when it is one: "visited Kyiv", "captured Avdiivka". */
const LOCATIVE_VERBS = new Set([
  'VISIT', 'TOUR', 'ENTER', 'REACH', 'INVADE', 'OCCUPY', 'CAPTURE', 'SEIZE', 'RETAKE', 'RECAPTURE', 'LIBERATE', 'SHELL', 'BOMB',
  'BOMBARD', 'STRIKE', 'EVACUATE', 'FLEE', 'LEAVE', 'STORM', 'BESIEGE', 'ENCIRCLE', 'SURROUND', 'RAID', 'OVERRUN',
]);
/** Words after a city name that make it stand for its region. */
const REGION_WORDS = new Set(['REGION', 'PROVINCE', 'OBLAST', 'GOVERNORATE', 'STATE', 'DISTRICT', 'COUNTY', 'PREFECTURE', 'TERRITORY', 'OBLAST']);
/** Capitalised words that may follow a place name without making it part of a longer name. */
const FOLLOWERS_OK = new Set([
  ...REGION_WORDS, 'MAYOR', 'GOVERNOR', 'POLICE', 'AIRPORT', 'PORT', 'BAY', 'ISLAND', 'ISLANDS', 'RIVER', 'VALLEY', 'COAST', 'STRAIT',
  'GULF', 'LAKE', 'PENINSULA', 'DESERT', 'HEIGHTS', 'HILLS', 'BEACH', 'CROSSING', 'HARBOUR', 'HARBOR', 'AREA',
]);
/** Titles: a name right after one is a person's ("President Jordan", "Mr Paris"). */
const TITLES = new Set([
  'PRESIDENT', 'MINISTER', 'PREMIER', 'MR', 'MR.', 'MRS', 'MRS.', 'MS', 'MS.', 'DR', 'DR.', 'GEN', 'GEN.', 'GENERAL', 'SEN', 'SEN.', 'SENATOR',
  'REP', 'REP.', 'JUDGE', 'JUSTICE', 'KING', 'QUEEN', 'PRINCE', 'PRINCESS', 'POPE', 'LORD', 'LADY', 'SIR', 'DAME', 'SHEIKH', 'IMAM', 'RABBI',
  'FATHER', 'CHANCELLOR', 'GOVERNOR', 'MAYOR', 'SECRETARY', 'AMBASSADOR', 'ENVOY', 'SPEAKER', 'COMMANDER', 'CAPTAIN', 'COLONEL', 'COL.',
  'LT.', 'SGT.', 'CHIEF', 'SPOKESMAN', 'SPOKESWOMAN', 'SPOKESPERSON', 'COACH', 'ACTOR', 'SINGER', 'ST', 'ST.',
]);
const JOINERS = new Set([',', 'AND', 'OR', '&']);
/** Prepositions after which a capital stands for its state: "sanctions against Moscow", "talks with Kyiv". */
const ACTOR_PREPOSITIONS = new Set(['AGAINST', 'WITH', 'BY', 'ON', 'FOR']);
/** Last words of organisation and document names: "The New York Times", "Bogo-Medellin Medical Center". */
const ORG_WORDS = new Set([
  'TIMES', 'POST', 'JOURNAL', 'HERALD', 'TRIBUNE', 'NEWS', 'PRESS', 'MAGAZINE', 'RADIO', 'TV', 'TELEVISION', 'UNIVERSITY', 'COLLEGE',
  'SCHOOL', 'INSTITUTE', 'ACADEMY', 'COUNCIL', 'COURT', 'MINISTRY', 'DEPARTMENT', 'OFFICE', 'AGENCY', 'COMMISSION', 'COMMITTEE', 'BANK',
  'FUND', 'FOUNDATION', 'COMPANY', 'CORP', 'CORPORATION', 'GROUP', 'PARTY', 'FRONT', 'MOVEMENT', 'LEAGUE', 'UNION', 'ASSOCIATION',
  'ORGANIZATION', 'ORGANISATION', 'ACT', 'LAW', 'AGREEMENT', 'ACCORD', 'ACCORDS', 'TREATY', 'CONVENTION', 'PROTOCOL', 'CENTER', 'CENTRE',
  'HOSPITAL', 'AIRLINES', 'AIRWAYS', 'CLUB', 'FORUM', 'SUMMIT', 'CONFERENCE', 'ASSEMBLY', 'PARLIAMENT', 'SENATE', 'CONGRESS', 'POLICE',
  'ARMY', 'FORCE', 'FORCES', 'GUARD', 'CORPS', 'BRIGADE', 'BRIGADES', 'NETWORK', 'PROGRAM', 'PROGRAMME', 'PROJECT', 'SERVICE', 'SERVICES',
  'MISSION', 'AUTHORITY', 'BOARD', 'TRUST', 'INC', 'INC.', 'LTD', 'LTD.', 'GROUP', 'CUP', 'GAMES', 'FESTIVAL', 'AWARDS', 'PRIZE',
]);
const MONTHS = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';

const TIME_WORDS = lexicon('time-words');

function isCapitalized(t: Token): boolean {
  const c = t.text.charCodeAt(0);
  return c >= 65 && c <= 90 ? true : c > 127 && t.text[0] !== t.text[0].toLowerCase();
}

const TIME_ABBREVIATION = /^(?:JAN|FEB|MAR|APR|JUN|JUL|AUG|SEPT?|OCT|NOV|DEC|MON|TUES?|WED|THU|THURS?|FRI|SAT|SUN)\.?$/;

function isTimeWord(t: Token): boolean {
  return TIME_WORDS.has(t.norm) || TIME_ABBREVIATION.test(t.norm);
}

function isAllCaps(text: string): boolean {
  return /[A-Z]/.test(text) && text === text.toUpperCase();
}

/** "Ukrainian", "Israeli", "Lebanese": adjectives of nationality that may sit between "in" and a name. */
function isDemonym(t: Token): boolean {
  return isCapitalized(t) && /(?:an|ian|i|ese|ish)(?:-\w+)?$/.test(t.text) && t.text.length > 3;
}

export interface FindOptions {
  doc: Doc;
  gazetteer: Gazetteer;
  /** Actor phrases per sentence (token spans), from the coder. */
  actors: ActorGroup[][];
  /** Not-place words (data/gazetteer/not-places.txt), as placeKey()s. */
  notPlaces: ReadonlySet<string>;
  /** placeKey() of every token, computed once per document. */
  keys?: readonly string[];
}

/** All place mentions of a document, in text order. */
export function findMentions(opts: FindOptions): Mention[] {
  const { doc, gazetteer } = opts;
  if (!opts.keys) opts = { ...opts, keys: doc.tokens.map((t) => placeKey(t.text)) };
  const out: Mention[] = [];
  const { mentions: dateline, skipTo } = findDateline(doc, gazetteer);
  out.push(...dateline);
  for (const s of doc.sentences) {
    const covered = new Uint8Array(s.tokenEnd - s.tokenStart);
    for (const g of opts.actors[s.index] ?? []) for (let i = Math.max(g.start, s.tokenStart); i < Math.min(g.end, s.tokenEnd); i++) covered[i - s.tokenStart] = 1;
    const from = Math.max(s.tokenStart, skipTo);
    if (from >= s.tokenEnd) continue;
    const found = findInSentence(doc, s.index, from, s.tokenEnd, opts);
    for (const m of found) {
      m.actor = false;
      for (let i = m.tokenStart; i < m.tokenEnd; i++) if (covered[i - s.tokenStart]) m.actor = true;
    }
    out.push(...found);
  }
  return out;
}

function findInSentence(doc: Doc, sentence: number, from: number, to: number, opts: FindOptions): Mention[] {
  const { gazetteer } = opts;
  const tokens = doc.tokens;
  const found: Mention[] = [];
  const endsAt = new Map<number, Mention>();
  // how the name at tokens [i, end) is used, from the words before it
  let chained = false;
  const locativeBefore = (i: number, end: number): Locative => {
    chained = false;
    for (let j = i - 1, steps = 0; j >= from && steps < 6; j--, steps++) {
      const t = tokens[j];
      const n = t.norm;
      if (STRONG.has(n)) return 3;
      if (WEAK.has(n)) return 2;
      if (n === 'OF') return j - 1 >= from && PLACE_NOUNS.has(tokens[j - 1].norm) && !isCapitalized(tokens[j - 1]) ? 3 : 0;
      // a list carries the preposition on ("in Paris, Berlin and Rome"), unless the name is a verb's subject ("in Florida, Clinton said")
      if ((JOINERS.has(n) || n === "'S") && endsAt.has(j)) {
        if (n === ',' && activeSubject(tokens, end, to)) return 0;
        chained = true;
        return endsAt.get(j)!.locative;
      }
      if (t.pos === 'VERB' && LOCATIVE_VERBS.has(t.lemma)) return 1;
      if (n === ',' && j - 1 >= from && PLACE_NOUNS.has(tokens[j - 1].norm)) continue;
      if (t.pos === 'DET' || t.pos === 'ADJ' || t.pos === 'NUM' || (t.pos === 'NOUN' && !isCapitalized(t)) || (isDemonym(t) && !endsAt.has(j + 1))) continue;
      return 0;
    }
    return 0;
  };

  for (let i = from; i < to; ) {
    const t = tokens[i];
    if (!isCapitalized(t)) {
      i++;
      continue;
    }
    const match = longestMatch(tokens, i, to, gazetteer, opts.keys);
    if (!match) {
      i++;
      continue;
    }
    const start = tokens[i].start;
    const end = tokens[match.end - 1].end;
    const m: Mention = {
      text: doc.text.slice(start, end),
      start,
      end,
      tokenStart: i,
      tokenEnd: match.end,
      sentence,
      candidates: match.places,
      locative: locativeBefore(i, match.end),
      chained,
      dateline: false,
      regionSuffix: match.end < to && REGION_WORDS.has(tokens[match.end].norm) && match.places[0].precision === 'city',
      key: match.key,
      actorLike: activeSubject(tokens, match.end, to) || (match.end < to && tokens[match.end].norm === "'S") || (i > from && ACTOR_PREPOSITIONS.has(tokens[i - 1].norm)),
    };
    found.push(m);
    endsAt.set(match.end, m);
    i = match.end;
  }

  // qualifiers: "Paris, Texas" and "Lebanon's Tripoli" narrow a name to one country
  for (let k = 0; k < found.length; k++) {
    const a = found[k];
    const b = found[k + 1];
    if (!b) continue;
    const between = tokens.slice(a.tokenEnd, b.tokenStart).map((t) => t.norm).join(' ');
    if (between === ',') {
      const country = b.candidates[0].country;
      if (b.candidates[0].precision !== 'city' && a.candidates.some((p) => p.country === country)) {
        a.qualifier = country;
        b.qualifier = country;
        b.locative = a.locative;
      }
    } else if (between === "'S") {
      const country = a.candidates[0].country;
      if (a.candidates[0].precision === 'country' && b.candidates.some((p) => p.country === country)) b.qualifier = country;
    }
  }

  const kept = found.filter((m) => keepMatch(m, tokens, from, to, gazetteer, opts.keys));
  kept.push(...unknownAfterPrepositions(doc, sentence, from, to, kept, opts));
  kept.sort((a, b) => a.start - b.start);
  return kept;
}

/** Is the phrase ending before token `i` the subject of an active verb ("Moscow warned", "Kyiv has said"; not "Kyiv was hit")? */
function activeSubject(tokens: Token[], i: number, to: number): boolean {
  let passive = false;
  for (let j = i; j < to && j < i + 4; j++) {
    const t = tokens[j];
    if (t.pos === 'AUX') {
      if (t.lemma === 'BE') passive = true;
      continue;
    }
    if (t.pos === 'ADV' || t.pos === 'PART') continue;
    return t.pos === 'VERB' && !passive;
  }
  return false;
}

/** Filters that tell a place name from a person's or an organisation's that contains one. */
function keepMatch(m: Mention, tokens: Token[], from: number, to: number, gazetteer: Gazetteer, keys?: readonly string[]): boolean {
  if (m.tokenEnd - m.tokenStart === 1 && isTimeWord(tokens[m.tokenStart])) return false; // "in March"
  const before = m.tokenStart > from ? tokens[m.tokenStart - 1] : null;
  if (before && TITLES.has(before.norm)) return false;
  // "UN Support Mission", "Yasir Arafat", "Gloria Arroyo": the end of a longer name ("Russian Kursk" is fine)
  if (before && before.pos === 'PROPN' && isCapitalized(before) && !isDemonym(before) && !m.dateline && m.qualifier === undefined && !endsAtPlace(tokens, m.tokenStart - 1, from, gazetteer, keys)) return false;
  const after = m.tokenEnd < to ? tokens[m.tokenEnd] : null;
  // "Israel Katz", "New York Times", "Paris Agreement", "Syracuse University": part of a longer name
  if (after && isCapitalized(after) && after.pos !== 'PUNCT' && !FOLLOWERS_OK.has(after.norm) && !TIME_WORDS.has(after.norm) && !TITLES.has(after.norm)) return false;
  const after2 = m.tokenEnd + 1 < to ? tokens[m.tokenEnd + 1] : null;
  if (after && FOLLOWERS_OK.has(after.norm) && isCapitalized(after) && after2 && isCapitalized(after2) && ORG_WORDS.has(after2.norm)) return false; // "Tampa Bay Times"
  if (gazetteer.ambiguous.has(m.key ?? '') && m.qualifier === undefined) {
    // "Reading", "Clinton", "Victoria": a place only right after in/at/near, and not as a modifier ("in the Clinton ad")
    if (m.locative < 3 || m.chained) return false;
    if (after && after.pos === 'NOUN' && !isCapitalized(after) && !REGION_WORDS.has(after.norm)) return false;
    if (after?.norm === 'OF') return false;
  }
  return true;
}

/** Does a gazetteer name end at token `i` ("in Gaza City Hamas..." is not "City Hamas")? */
function endsAtPlace(tokens: Token[], i: number, from: number, gazetteer: Gazetteer, keys?: readonly string[]): boolean {
  for (let j = i; j >= from && j > i - 4; j--) {
    const m = longestMatch(tokens, j, i + 1, gazetteer, keys);
    if (m && m.end === i + 1) return true;
  }
  return false;
}

/** Longest gazetteer name starting at token i, if any. */
export function longestMatch(tokens: Token[], i: number, to: number, gazetteer: Gazetteer, keys?: readonly string[]): { end: number; key: string; places: readonly Place[] } | null {
  const max = Math.min(to, i + gazetteer.maxWords + 2);
  let key = '';
  let best: { end: number; key: string; places: readonly Place[] } | null = null;
  for (let j = i; j < max; j++) {
    const t = tokens[j];
    if (t.pos === 'PUNCT' && t.text !== '.' && t.text !== "'" && t.text !== '-') break;
    const part = keys ? keys[j] : placeKey(t.text);
    key = part === '' ? key : key === '' ? part : `${key} ${part}`;
    if (part === '' || !/[A-Z]/.test(t.text)) continue;
    const places = gazetteer.lookup(key);
    if (!places || places.length === 0) continue;
    const caps = j === i && isAllCaps(t.text) && t.text.replace(/\./g, '').length <= 4;
    if (caps) {
      // acronyms ("US", "UAE", "DRC") only from our table and the country names, never a GeoNames town
      const curated = places.filter((p) => p.prior >= 9.5);
      if (curated.length > 0) best = { end: j + 1, key, places: curated };
      continue;
    }
    if (j === i && key.length <= 2) continue;
    best = { end: j + 1, key, places };
  }
  return best;
}

/** Capitalised names after in/at/near… that the gazetteer does not know: listed, unresolved. */
function unknownAfterPrepositions(doc: Doc, sentence: number, from: number, to: number, known: Mention[], opts: FindOptions): Mention[] {
  const tokens = doc.tokens;
  const taken = new Uint8Array(to - from);
  for (const m of known) for (let i = m.tokenStart; i < m.tokenEnd; i++) if (i >= from) taken[i - from] = 1;
  const covered = new Uint8Array(to - from);
  for (const g of opts.actors[sentence] ?? []) for (let i = Math.max(g.start, from); i < Math.min(g.end, to); i++) covered[i - from] = 1;
  const out: Mention[] = [];
  for (let j = from; j < to; j++) {
    // after in/at/near…, or "the village of", "the town of"
    const ofPlace = tokens[j].norm === 'OF' && j > from && PLACE_NOUNS.has(tokens[j - 1].norm) && !isCapitalized(tokens[j - 1]);
    if (!ofPlace && (!STRONG.has(tokens[j].norm) || tokens[j].pos !== 'ADP')) continue;
    let k = j + 1;
    const demonymBeforeName = (i: number) => isDemonym(tokens[i]) && !taken[i - from] && i + 1 < to && isCapitalized(tokens[i + 1]) && tokens[i + 1].pos === 'PROPN';
    while (k < to && k - j <= 3 && (((tokens[k].pos === 'DET' || tokens[k].pos === 'ADJ') && !isCapitalized(tokens[k])) || tokens[k].norm === 'THE' || demonymBeforeName(k))) k++;
    if (k >= to || taken[k - from]) continue;
    if (covered[k - from]) {
      // a state the actor dictionary knows and the gazetteer does not: "in Zamfara" (NGA)
      const g = (opts.actors[sentence] ?? []).find((a) => a.start === k);
      const iso = g && g.code.length === 3 && g.agents.length === 0 ? opts.gazetteer.countryOfCameo(g.code) : undefined;
      if (g && iso && tokens.slice(g.start, g.end).every((t) => t.pos === 'PROPN' && isCapitalized(t))) {
        const text = doc.text.slice(tokens[g.start].start, tokens[g.end - 1].end);
        out.push({ text, start: tokens[g.start].start, end: tokens[g.end - 1].end, tokenStart: g.start, tokenEnd: g.end, sentence, candidates: [], locative: 3, dateline: false, regionSuffix: false, actorCountry: iso });
        for (let i = g.start; i < g.end; i++) taken[i - from] = 1;
      }
      continue;
    }
    const first = tokens[k];
    if (first.pos !== 'PROPN' || !isCapitalized(first) || isTimeWord(first) || TITLES.has(first.norm)) continue;
    let end = k + 1;
    for (;;) {
      if (end < to && tokens[end].pos === 'PROPN' && isCapitalized(tokens[end]) && !taken[end - from] && !covered[end - from] && !isTimeWord(tokens[end])) end++;
      else if (end + 1 < to && /^(?:of|de|del|al|el|la|le|du|des|da|do|ar|as|ash|ad|ez|es|on)$/.test(tokens[end].text) && tokens[end + 1].pos === 'PROPN' && isCapitalized(tokens[end + 1])) end += 2;
      else if (end < to && /^(?:al|el|ad|as|ar|ash|an|ez|es|de|du|di)-[A-Z]/.test(tokens[end].text)) end++; // "Maarat al-Numan"

      else break;
    }
    let clean = true;
    for (let i = k; i < end; i++) if (taken[i - from] || covered[i - from]) clean = false;
    if (!clean) continue;
    const text = doc.text.slice(tokens[k].start, tokens[end - 1].end);
    const key = placeKey(text);
    if (opts.notPlaces.has(key) || ORG_WORDS.has(tokens[end - 1].norm)) continue;
    if (end - k === 1 && (/^[A-Z0-9]{2,5}$/.test(first.text) || first.text.length < 2)) continue; // acronyms: "at the NBC forum", "in the GOP"
    if (end - k === 1 && /(?:ian|ese|ish|ic)$/.test(first.text)) continue; // "in Russian", "in Arabic"
    if (end < to && isCapitalized(tokens[end]) && tokens[end].pos !== 'PUNCT') continue;
    // "in the Brexit process", "at the G20 summit": a name modifying a noun ("in the Pando region" is fine)
    const next = end < to ? tokens[end] : null;
    const nounAfter = (t: Token | null) => t !== null && t.pos === 'NOUN' && !isCapitalized(t) && !REGION_WORDS.has(t.norm) && !PLACE_NOUNS.has(t.norm);
    if (nounAfter(next) || (next?.pos === 'ADJ' && !isCapitalized(next) && nounAfter(end + 1 < to ? tokens[end + 1] : null))) continue;
    if (next?.norm === "'S") continue; // "in Scott's district"
    out.push({ text, start: tokens[k].start, end: tokens[end - 1].end, tokenStart: k, tokenEnd: end, sentence, candidates: [], locative: 3, dateline: false, regionSuffix: false });
    for (let i = k; i < end; i++) taken[i - from] = 1;
  }
  return out;
}

// --- datelines -----------------------------------------------------------------

const CAPS_PLACE = "[A-Z][A-Z'’.\\-]*(?:[ ][A-Z][A-Z'’.\\-]*){0,4}";
const TITLE_PLACE = "[A-Z][a-z'’.\\-]+(?:[ ][A-Z][a-z'’.\\-]+){0,3}";
const QUALIFIER = "(?:,[ ]?(?<qual>[A-Z][A-Za-z.'’\\-]+(?:[ ][A-Z][A-Za-z.'’\\-]+){0,2}))?";
const AGENCY_OR_DATE = `(?:\\s*\\([A-Za-z][A-Za-z .&-]{0,30}\\)|,\\s*${MONTHS}\\s+\\d{1,2}\\b|,\\s*\\d{1,2}\\s+${MONTHS})`;
const CAPS_DATELINE = new RegExp(`^(?<place>${CAPS_PLACE}(?:\\s*/\\s*${CAPS_PLACE})*)${QUALIFIER}(?<end>${AGENCY_OR_DATE}|\\s*[:—–]|\\s+-\\s)`);
const TITLE_DATELINE = new RegExp(`^(?<place>${TITLE_PLACE}(?:\\s*/\\s*${TITLE_PLACE})*)${QUALIFIER}(?<end>${AGENCY_OR_DATE})`);

/** The dateline ("KYIV, Nov 20 (Reuters) -", "GAZA CITY:", "Washington (AP) —") at the start of the text or after a title line. */
export function findDateline(doc: Doc, gazetteer: Gazetteer): { mentions: Mention[]; skipTo: number } {
  const none = { mentions: [], skipTo: 0 };
  const text = doc.text;
  const starts: number[] = [];
  const first = text.search(/\S/);
  if (first < 0) return none;
  starts.push(first);
  const nl = text.indexOf('\n', first);
  if (nl > 0 && nl - first < 300) {
    const second = text.slice(nl).search(/\S/);
    if (second >= 0) starts.push(nl + second);
  }
  for (const lineStart of starts) {
    const line = text.slice(lineStart, lineStart + 200);
    const m = CAPS_DATELINE.exec(line) ?? TITLE_DATELINE.exec(line);
    if (!m?.groups) continue;
    const caps = m.groups.place === m.groups.place.toUpperCase();
    const strongEnd = new RegExp(`^${AGENCY_OR_DATE}$`).test(m.groups.end);
    let qualifier: string | undefined;
    if (m.groups.qual) qualifier = gazetteer.lookup(placeKey(m.groups.qual))?.[0]?.country;
    const mentions: Mention[] = [];
    let offset = 0;
    for (const part of m.groups.place.split('/')) {
      const at = m.groups.place.indexOf(part, offset);
      offset = at + part.length;
      const name = part.trim();
      const start = lineStart + at + part.indexOf(name);
      const end = start + name.length;
      const candidates = gazetteer.lookup(placeKey(name)) ?? [];
      if (!caps && candidates.length === 0) continue;
      const tokenStart = tokenAt(doc, start);
      const tokenEnd = Math.max(tokenStart + 1, tokenAt(doc, end));
      mentions.push({ text: name, start, end, tokenStart, tokenEnd, sentence: doc.tokens[tokenStart]?.sentence ?? 0, candidates, locative: 3, dateline: true, regionSuffix: false, qualifier });
    }
    // a colon or dash after capitals is a dateline only when the name is a known place ("BREAKING:" is not)
    if (mentions.length === 0 || (!strongEnd && mentions.every((x) => x.candidates.length === 0))) continue;
    // the dateline's tokens (place, date, agency) are not read again as mentions
    return { mentions, skipTo: tokenAt(doc, lineStart + m[0].length) };
  }
  return none;
}

/** Index of the first token that ends after character `offset`. */
function tokenAt(doc: Doc, offset: number): number {
  const tokens = doc.tokens;
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
