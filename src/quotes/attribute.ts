/**
 * Attribution over the token table. Every cue outside quotation marks (a verb of
 * data/lexicons/speech-cues.txt, or of attribution-cues.txt unless `speechOnly`)
 * is read in one of four frames, tried in order:
 *
 * 1. quote before the cue: `“…,” she said` / `“…,” said Smith` (direct; a split
 *    quote `“…,” he said, “…”` and a quote continued in the next sentence of
 *    the paragraph `“…,” he said. “…”` are one quotation);
 * 2. content after the cue: `X said (that) …`, `X told reporters …`, `X said: “…”`,
 *    `…, adding that …` (the speaker of a participle is the clause's subject);
 * 3. content before the cue: `…, X said.` and the parenthetical `…, X said, …`;
 * 4. `according to X, …` / `…, according to X`; and `as X put it, …` / `…, as X noted, …`, where
 *    "as" stands for the content: the clause the as-clause is attached to.
 *
 * A cue is also an adjective of feeling or stance after "be" (`were frustrated that …`,
 * attribution-adjectives.txt). A thought or stance (not speech) after "to" is not an
 * attribution of its own.
 *
 * Attributions do not nest (`flatten`): speech, thought or stance inside what someone else
 * said is part of that content; after a connector ("…, and Clinton is promising …") a content
 * is cut first (`cutAtNextClause`), so a clause of its own stays an attribution; so is one in an
 * opening adverbial clause at the main clause (`endAtMainClause`), and one before a reporting
 * relative clause (`endBeforeReportingRelative`). A content before its cue (`…, X said.`) takes
 * the unattributed sentences of its paragraph before it (`extendOverParagraph`).
 *
 * Then: nouns with a that-clause (`Trump's claim that …`, speech-nouns.txt);
 * paragraphs labelled with a name (`PENCE: …`, `“…” ― Carla Sanchez`), a cue
 * inside one being part of it; and a
 * quotation no cue claimed, standing as its own sentence, given the previous
 * speaker (`continuations`).
 *
 * The speaker is the subject noun phrase of the cue (or the phrase after an
 * inverted `said X`, or after a passive `by`; for `who said` the pronoun, with its
 * antecedent). Results are token ranges; `index.ts` turns them into character
 * offsets and `speakers.ts` resolves who the speakers are.
 */
import { lexicon, type Doc, type Token } from '../text/index.ts';
import { findQuoteSpans, markTokens, paragraphsOf, type QuoteSpan } from './marks.ts';
import { isNominal, isTimePhraseAt, isWh, isWord, npEndingAt, npStartingAt, PERSONAL, POSSESSIVE, skipAdjuncts, unitStarts } from './phrases.ts';

const isNominalOrPronoun = (t: Token): boolean => isNominal(t) || t.pos === 'PRON';

export type Range = [number, number];

export interface Attribution {
  /** The cue's tokens. */
  cue: Range;
  /** The speaker's tokens as written ("he", "the Russian leader", "Sen. Bernie Sanders"), or null. */
  speaker: Range | null;
  /** What was said, in one or more pieces (a split or multi-paragraph quote), marks excluded for direct quotes. */
  content: Range[];
  kind: 'direct' | 'indirect' | 'mixed';
  /** For a relative pronoun speaker ("officials, who said …"): the phrase it stands for. */
  antecedent?: Range;
  /** True when no cue was found and the quotation was given the speaker of the quotation before it. */
  continued?: boolean;
}

export interface AttributeOptions {
  /** Quotations without any cue (a paragraph that is only a quote) get the speaker of the previous quotation (default true). */
  continuations?: boolean;
  /**
   * Only speech cues (data/lexicons/speech-cues.txt). By default the attribution cues that are not
   * speech (attribution-cues.txt: "a poll shows that …", "Trump wants …") count too.
   */
  speechOnly?: boolean;
}

interface CuePhrase {
  tail: string[];
}

const cueTables = new Map<boolean, Map<string, CuePhrase[]>>();

/** speech-cues.txt (and attribution-cues.txt) as first word → the words that must follow it (longest first). */
function cues(speechOnly: boolean): Map<string, CuePhrase[]> {
  const cached = cueTables.get(speechOnly);
  if (cached) return cached;
  const table = new Map<string, CuePhrase[]>();
  const entries = speechOnly ? [...lexicon('speech-cues')] : [...lexicon('speech-cues'), ...lexicon('attribution-cues')];
  for (const entry of entries) {
    const [first, ...tail] = entry.split(/\s+/);
    const list = table.get(first) ?? [];
    list.push({ tail });
    table.set(first, list);
  }
  for (const list of table.values()) list.sort((a, b) => b.tail.length - a.tail.length);
  cueTables.set(speechOnly, table);
  return table;
}

/** First words of the speech cues: a cue whose first word is not one of them is an attribution cue that is not speech ("thinks", "supports"). */
const SPEECH_FIRST = new Set([...lexicon('speech-cues')].map((entry) => entry.split(/\s+/)[0]));
/** attribution-adjectives.txt as adjective → the words that must follow it (longest first). */
const ADJECTIVE_CUES = new Map<string, string[][]>();
for (const entry of lexicon('attribution-adjectives')) {
  const [first, ...tail] = entry.split(/\s+/);
  ADJECTIVE_CUES.set(first, [...(ADJECTIVE_CUES.get(first) ?? []), tail].sort((a, b) => b.length - a.length));
}
/** Verbs an attribution adjective follows: "were frustrated", "seemed sure", "remains skeptical". */
const LINKING = lexicon('linking-verbs');
/** stance-nouns.txt: "OPPONENT OF" → a predicate nominal "is a staunch opponent of …" is a stance cue. */
const STANCE_NOUNS = lexicon('stance-nouns');
/** Prepositions that open an adjunct of the cue ("by …", "in 2015", "at a meeting"), never what was said. */
const NOT_CONTENT_PREPS = new Set(['BY', 'AT', 'IN', 'FROM', 'WITHOUT', 'AMONG', 'OUT', 'UP', 'INTO', 'DURING', 'SINCE', 'AFTER', 'BEFORE', 'UNTIL', 'THROUGH', 'ACROSS', 'NEAR', 'BESIDE']);
/** What one "assumes" in the sense of taking it on: an office, a power, a duty. */
const TAKEN_ON = lexicon('assumed-duties');
const ADDRESSEE = lexicon('speech-addressee-verbs');
const RAISING = lexicon('raising-verbs');
const SPEECH_NOUNS = lexicon('speech-nouns');
const VIEW_NOUNS = lexicon('view-nouns');
const RESOLVE_NOUNS = lexicon('resolve-nouns');
const RECEIVED_STANCES = lexicon('received-stance-nouns');
/** Verbs whose subject receives the criticism or praise of their object: "faced criticism", "has drawn scrutiny", "took heat". */
const RECEIVING_VERBS = new Set(['FACE', 'DRAW', 'TAKE', 'RECEIVE', 'ATTRACT']);
const OBJECT_CONTROL = lexicon('object-control-verbs');
const TIME_WORDS = lexicon('time-words');
const KNOWING = lexicon('knowing-verbs');
const MEANS = lexicon('means-nouns');
const CLAUSE_ONLY = lexicon('clause-only-cues');
/** A verb's form as far as the tagger shows it: "said" past, "says" present, "say" base. */
function tense(t: Token): 'past' | 'present' | 'base' {
  if (/ED$/.test(t.norm) || (t.norm !== t.lemma && !/S$/.test(t.norm))) return 'past';
  return t.norm === t.lemma ? 'base' : 'present';
}
/** Words that open a subordinate clause before the main one: "(said that) if …, X would …". */
const SUBORDINATORS = new Set(['IF', 'WHEN', 'WHILE', 'ALTHOUGH', 'THOUGH', 'BECAUSE', 'AFTER', 'BEFORE', 'UNLESS', 'ONCE', 'SINCE', 'AS', 'WHETHER', 'UNTIL']);
/** Words opening an adverbial clause before the main clause: "While aides insisted …, the campaign …". */
const OPENING_SUBORDINATORS = new Set([...SUBORDINATORS, 'DESPITE', 'WHEREAS']);
/** Words opening a condition ("if", "unless"), shared with modality: "If …, would you …?". */
const CONDITIONS = lexicon('modality-conditional');
const CONNECTORS = new Set(['THOUGH', 'ALTHOUGH', 'WHILE', 'WHEREAS', 'BUT', 'AND', 'YET']);
/** Words before a paragraph's colon that head an editorial note, not a speaker: "Correction: …", "The Latest: …". */
const NOT_LABELS = new Set(['CORRECTION', 'CORRECTIONS', 'CLARIFICATION', 'UPDATE', 'UPDATED', 'LATEST', 'NOTE', 'ABSTRACT', 'SUMMARY']);
/** Words that open a new clause ("what she said when she resigned"), shared with the event coder. */
const CLAUSE_BREAKS = lexicon('clause-breaks');
const BREAK_AFTER_CUE = new Set(['.', '!', '?', ';', ',', '—', '–', '--', ')', ':']);

export function attribute(doc: Doc, options: AttributeOptions = {}): Attribution[] {
  const tokens = doc.tokens;
  const n = tokens.length;
  if (n === 0) return [];
  const para = paragraphsOf(doc);
  const spans = findQuoteSpans(doc, para);
  const mark = markTokens(doc);
  const isMark = (i: number) => i >= 0 && i < n && mark[i] === 1;
  const inQuote = new Int32Array(n).fill(-1);
  const spanOpeningAt = new Map<number, number>();
  const spanClosingAt = new Map<number, number>();
  spans.forEach((s, k) => {
    for (const [a, b] of s.parts) for (let i = a; i <= b; i++) inQuote[i] = k;
    spanOpeningAt.set(s.open, k);
    if (s.closed) spanClosingAt.set(s.close, k);
  });
  const starts = unitStarts(doc, para, mark);
  const unitOf = new Int32Array(n);
  for (let u = 0; u + 1 < starts.length; u++) for (let i = starts[u]; i < starts[u + 1]; i++) unitOf[i] = u;

  const cueTable = cues(options.speechOnly ?? false);
  const isOpening = (i: number) => i >= 0 && i < n && spanOpeningAt.has(i);
  const isClosing = (i: number) => i >= 0 && i < n && spanClosingAt.has(i);

  function cueLength(i: number): number {
    const t = tokens[i];
    const nominal = stanceNominalLength(i);
    if (nominal > 0) return nominal;
    if (ADJECTIVE_CUES.has(t.norm)) {
      const length = adjectiveCueLength(i);
      if (length > 0) return length;
    }
    if (!options.speechOnly && RAISING.has(t.lemma) && t.pos === 'VERB' && infinitiveAt(i + 1)) return 1;
    const listed = cueTable.get(t.norm === 'ACCORDING' ? 'ACCORDING' : t.lemma);
    const progressive = listed ? undefined : progressiveTaggedAdjective(i);
    const candidates = listed ?? progressive;
    // any verb right before a colon and a quotation: "Caddell continued: “…”"; with a comma only right after
    // the subject that opens the sentence: "She continued, “…”"
    if (!candidates) {
      if (t.pos !== 'VERB' || i + 2 >= n || !isOpening(i + 2)) return 0;
      if (tokens[i + 1].text === ':') return 1;
      return tokens[i + 1].text === ',' && opensWithSubjectOf(i) ? 1 : 0;
    }
    if (t.norm !== 'ACCORDING' && t.pos !== 'VERB' && !progressive && !haveWithObject(i)) {
      // a cue the tagger took for a noun: "The New York Post reports that …"
      const next = i + 1 < n ? tokens[i + 1] : null;
      // "Some Democrats, however, question the plan": an adverb set off by commas between subject and verb
      let subject = i - 1;
      if (subject > 0 && tokens[subject].text === ',') {
        let k = subject - 1;
        while (k > 0 && tokens[k].pos === 'ADV') k--;
        if (k < subject - 1 && tokens[k].text === ',') subject = k - 1;
      }
      const prev = subject >= 0 ? tokens[subject] : null;
      // "Two unions support the tax": a determiner after it makes it the verb; so does a subject pronoun
      // ("documents show he took …") and, after a plural noun, a name ("polls show Clinton ahead")
      const objectFollows = next !== null && ((next.pos === 'DET' && next.norm !== 'THAT') || POSSESSIVE.has(next.norm));
      const clauseFollows = next !== null && ((PERSONAL.has(next.norm) && next.pos === 'PRON') || (next.pos === 'PROPN' && prev?.pos === 'NOUN' && /S$/.test(prev.norm)));
      const complementFollows = next !== null && (next.norm === 'THAT' || next.text === ':' || isOpening(i + 1) || objectFollows || clauseFollows);
      // "… pay his?” a narrator in the Clinton ad asks."
      const endsClause = (next === null || /^[.,;]$/.test(next.text)) && /S$/.test(t.norm);
      if (!(t.pos === 'NOUN' && prev !== null && isNominalOrPronoun(prev) && (complementFollows || endsClause))) return 0;
    }
    // a participle used as an adjective: "such expected backers", "his announced plans"
    if (/ED$/.test(t.norm) && i > 0 && i + 1 < n && tokens[i + 1].pos === 'NOUN' && modifiesNoun(tokens[i - 1])) return 0;
    for (const { tail } of candidates) {
      const gap = tail.indexOf('_');
      if (gap >= 0) {
        if (tailWithGapMatches(i, tail, gap)) return 1 + gap;
        continue;
      }
      let ok = i + tail.length < n;
      for (let k = 0; ok && k < tail.length; k++) ok = tokens[i + 1 + k].norm === tail[k];
      if (ok && (tail.length > 0 || !notAttributing(i))) return 1 + tail.length;
    }
    return 0;
  }

  /** A word before a participle that makes it a noun's modifier: a determiner, an adjective, a possessive ("his announced plans"), "such". */
  const modifiesNoun = (t: Token): boolean => t.pos === 'DET' || t.pos === 'ADJ' || POSSESSIVE.has(t.norm) || t.norm === 'SUCH';

  /**
   * "Trump is promising lower taxes": a progressive cue the tagger read as an adjective, after "be" and
   * before an object or "to". Its cue entries, or undefined.
   */
  function progressiveTaggedAdjective(i: number): CuePhrase[] | undefined {
    const t = tokens[i];
    if (t.pos !== 'ADJ' || !/ING$/.test(t.norm) || i + 1 >= n || i === 0 || tokens[i - 1].lemma !== 'BE') return undefined;
    const next = tokens[i + 1];
    if (!(next.norm === 'TO' || next.pos === 'DET' || next.pos === 'ADJ' || next.pos === 'NOUN' || POSSESSIVE.has(next.norm) || isOpening(i + 1))) return undefined;
    const stem = t.norm.slice(0, -3);
    for (const base of [stem, `${stem}E`, stem.slice(0, -1)]) {
      const entries = cueTable.get(base);
      if (entries) return entries;
    }
    return undefined;
  }

  /** "She has no illusions about": the tagger reads a "have" with an object as an auxiliary; it is the verb. */
  const haveWithObject = (i: number): boolean => tokens[i].pos === 'AUX' && tokens[i].lemma === 'HAVE' && i + 1 < n && tokens[i + 1].pos === 'DET';

  /** The verb at i follows the noun phrase its sentence opens with, and nothing else ("She continued"). */
  function opensWithSubjectOf(i: number): boolean {
    const lo = starts[unitOf[i]];
    let v = i;
    while (v > lo && (tokens[v - 1].pos === 'ADV' || tokens[v - 1].pos === 'AUX')) v--;
    const e = npStartingAt(tokens, lo, v);
    return e > lo && e === v;
  }

  /** "SEE _ AS": the words before `_` follow the cue, then a noun phrase (part of the content), then the words after `_`. */
  function tailWithGapMatches(i: number, tail: string[], gap: number): boolean {
    let j = i + 1;
    for (let k = 0; k < gap; k++, j++) if (j >= n || tokens[j].norm !== tail[k]) return false;
    const e = npStartingAt(tokens, j, n);
    if (e === j) return false;
    for (let k = gap + 1; k < tail.length; k++) if (e + k - gap - 1 >= n || tokens[e + k - gap - 1].norm !== tail[k]) return false;
    return true;
  }

  /** "were frustrated", "has been critical of": an attribution adjective after a linking verb (adverbs between), with its preposition. */
  function adjectiveCueLength(i: number): number {
    let k = i - 1;
    while (k >= 0 && (tokens[k].pos === 'ADV' || tokens[k].pos === 'PART')) k--;
    if (k < 0 || !LINKING.has(tokens[k].lemma)) return 0;
    for (const tail of ADJECTIVE_CUES.get(tokens[i].norm)!) {
      let ok = i + tail.length < n;
      for (let m = 0; ok && m < tail.length; m++) ok = tokens[i + 1 + m].norm === tail[m];
      if (ok) return 1 + tail.length;
    }
    return 0;
  }

  /**
   * "is a staunch opponent of", "has been a consistent and outspoken supporter of": after a linking verb, an
   * article, its modifiers and a noun of stance with its preposition (stance-nouns.txt) hold a position as an
   * adjective of stance does; the cue runs from the article. Only with "a": "the supporters of X" names people.
   */
  function stanceNominalLength(i: number): number {
    return followsLinkingVerb(i) ? stanceNounPhraseLength(i) : 0;
  }

  /** "a staunch opponent of": an article, modifiers, a noun of stance and its preposition at i; their length, or 0. */
  function stanceNounPhraseLength(i: number): number {
    if (!/^(A|AN)$/.test(tokens[i].norm)) return 0;
    let j = i + 1;
    while (j < n && j - i <= 5 && /^(ADJ|ADV|CCONJ)$/.test(tokens[j].pos)) j++;
    if (j + 1 >= n || tokens[j].pos !== 'NOUN' || !STANCE_NOUNS.has(`${tokens[j].lemma} ${tokens[j + 1].norm}`)) return 0;
    return j + 2 - i;
  }

  /**
   * "A passionate defender of RT America, Mr. Schultz likened …": a stance phrase opening the sentence in
   * apposition to the subject after the comma, which holds the stance.
   */
  function stanceAppositive(i: number, lo: number, hi: number): Attribution | null {
    const length = i === lo ? stanceNounPhraseLength(i) : 0;
    if (length === 0) return null;
    const object = i + length;
    const e = npStartingAt(tokens, object, hi);
    if (e === object || e + 1 >= hi || tokens[e].text !== ',' || !clauseStarts(e + 1, hi)) return null;
    const read = classify(object, e);
    return read ? { cue: [i, object], speaker: [e + 1, npStartingAt(tokens, e + 1, hi)], ...read } : null;
  }

  /** A linking verb ("is", "has been", "remains") is right before token i, past adverbs ("is also a …"). */
  function followsLinkingVerb(i: number): boolean {
    let k = i - 1;
    while (k >= 0 && (tokens[k].pos === 'ADV' || tokens[k].pos === 'PART')) k--;
    return k >= 0 && LINKING.has(tokens[k].lemma);
  }

  const isParticiple = (t: Token): boolean => t.pos === 'VERB' && /ING$/.test(t.norm);

  /** An adjective or predicate nominal of stance: not speech, and "is" before it is no passive. */
  const isAdjectiveCue = (i: number): boolean => (ADJECTIVE_CUES.has(tokens[i].norm) && adjectiveCueLength(i) > 0) || stanceNominalLength(i) > 0;

  const infinitiveAt = (k: number): boolean => k + 1 < n && tokens[k].norm === 'TO' && (tokens[k + 1].pos === 'VERB' || tokens[k + 1].pos === 'AUX');

  /** An -ing phrase at k that is the subject of a finite verb before the next comma: "replacing Clinton would be …". */
  function gerundSubjectAt(k: number, hi: number): boolean {
    if (!/ING$/.test(tokens[k].norm)) return false;
    for (let j = k + 1; j < hi && j - k <= 8; j++) {
      const t = tokens[j];
      if (t.pos === 'PUNCT') return false;
      if (t.pos === 'AUX' || (t.pos === 'VERB' && t.norm !== t.lemma && !/ING$/.test(t.norm) && tokens[j - 1].pos !== 'PART')) return true;
    }
    return false;
  }

  /**
   * "Melania seems to have vanished", "one in nine voters is expected to be Latino", "most claims were
   * rated as false": the subject and what follows the cue are the content, and no source is named. Not after "what" or "there" ("what appeared to be
   * normal", "there did not appear to be any link"), which hold nothing to attribute.
   */
  function raised(cue: Range, l: number, lo: number, hi: number): Attribution | null {
    // "…, which seems to be a polarizing question": the relative pronoun is the subject
    let s = /^(WHICH|THAT)$/.test(tokens[l].norm) ? l : npEndingAt(tokens, l, lo);
    // "one in nine voters this fall is expected to …": a time phrase before the verb is an adjunct, the subject is before it
    if (s > lo && s + 1 === l && isTimePhraseAt(tokens, s)) {
      const before = npEndingAt(tokens, s - 1, lo);
      if (before >= 0) s = before;
    }
    if (s < 0 || /^(WHAT|THERE|IT)$/.test(tokens[s].norm) && s === l) return null;
    const read = classify(cue[1], hi);
    if (!read) return null;
    return { cue, speaker: null, content: [[s, l + 1], ...read.content], kind: read.kind };
  }

  /**
   * Who does the act of an infinitive at `to`: a noun phrase right before it after "for" or an object-control
   * verb ("for Trump to attack", "invited neighbors to discuss"); else the subject of the verb or adjective that governs it, past
   * its prepositional phrases ("Caddell went on to discuss", "He was able to tout", "the senator spoke at a
   * gathering to discuss"); else null.
   */
  function infinitiveSubject(to: number, lo: number): Range | null {
    let v = to - 1;
    let object = v >= lo && isNominalOrPronoun(tokens[v]) && !TIME_WORDS.has(tokens[v].norm) ? npEndingAt(tokens, v, lo) : -1;
    // the noun phrase may hold its own preposition: "a call for the United States"
    for (let k = to - 1; object >= 0 && k > object; k--) if (tokens[k].pos === 'ADP') object = k + 1;
    if (object > lo && (tokens[object - 1].norm === 'FOR' || OBJECT_CONTROL.has(tokens[object - 1].lemma))) return [object, to];
    // "spoke at a gathering of conservatives to discuss": back over noun phrases and their prepositions
    for (let hops = 0; hops < 4 && v >= lo && isNominalOrPronoun(tokens[v]); hops++) {
      const s = npEndingAt(tokens, v, lo);
      if (s <= lo || tokens[s - 1].pos !== 'ADP') return null;
      v = s - 2;
    }
    while (v >= lo && (tokens[v].pos === 'ADV' || tokens[v].pos === 'PART' || tokens[v].pos === 'ADP')) v--;
    if (v < lo || !(tokens[v].pos === 'VERB' || tokens[v].pos === 'ADJ')) return null;
    while (v > lo && (tokens[v - 1].pos === 'AUX' || tokens[v - 1].pos === 'ADV' || tokens[v - 1].pos === 'PART')) v--;
    const s = npEndingAt(tokens, v - 1, lo);
    return s >= 0 ? [s, v] : null;
  }

  /** The verb at c0 opens its sentence in its base form, after nothing but "please", "don't", "now" and the like. */
  function isImperative(lo: number, c0: number): boolean {
    if (tokens[c0].norm !== tokens[c0].lemma) return false;
    for (let k = lo; k < c0; k++) {
      const t = tokens[k];
      if (!(t.pos === 'ADV' || t.pos === 'PART' || t.pos === 'INTJ' || (t.pos === 'PUNCT' && !isMark(k)) || t.lemma === 'DO')) return false;
    }
    return true;
  }

  /**
   * The subject at s follows an auxiliary that opens the sentence (after nothing but "and", "or", adverbs),
   * and the sentence ends in a question mark: "Do you know …?", "Or would you think …?". Not after a
   * wh-word ("How do you know when …?"), whose answer may be attributed.
   */
  function isYesNoQuestion(lo: number, s: number, hi: number): boolean {
    if (s - 1 < lo || tokens[s - 1].pos !== 'AUX') return false;
    let k = lo;
    k = pastOpeners(k, s - 1);
    // "If Trump were a woman, would you still vote for her?": a condition may open the question
    if (k < s - 1 && CONDITIONS.has(tokens[k].norm)) {
      for (let j = k + 1; j < s - 1; j++) if (isWh(tokens[j]) || isMark(j)) return false;
      k = s - 1;
    }
    for (; k < s - 1; k++) {
      const t = tokens[k];
      if (isWh(t) || !(t.pos === 'CCONJ' || t.pos === 'ADV' || t.pos === 'INTJ' || (t.pos === 'PUNCT' && !isMark(k)))) return false;
    }
    for (let k = s; k < hi; k++) if (tokens[k].text === '?' && inQuote[k] < 0) return true;
    return false;
  }

  /** The cue at token i is a speech verb (speech-cues.txt), not a thought or stance (attribution-cues.txt). */
  function isSpeechCue(i: number): boolean {
    const t = tokens[i];
    if (isAdjectiveCue(i)) return false;
    return t.norm === 'ACCORDING' || SPEECH_FIRST.has(t.lemma) || !cueTable.has(t.lemma);
  }

  /**
   * Uses of a cue verb that attribute nothing: "call" that names or phones ("a stream called Miracle Run",
   * "she called into a radio show", "called to service"); "known as"; "compared with" as a preposition
   * ("…, compared with $2,700 for the middle"); a reflexive object ("they find themselves in a war zone").
   */
  function notAttributing(i: number): boolean {
    if (i + 1 >= n) return false;
    const next = tokens[i + 1];
    // ("they find themselves in a war zone"), but "portrayed himself as …", "defending himself and his record" attribute
    if (next.pos === 'PRON' && /(SELF|SELVES)$/.test(next.norm)) return !(i + 2 < n && /^(AS|AND)$/.test(tokens[i + 2].norm));
    if (tokens[i].lemma === 'KNOW' && next.norm === 'AS') return true;
    if (tokens[i].lemma === 'ASSUME' && takesOnOffice(i + 1)) return true;
    if (tokens[i].lemma === 'COMPARE' && /^(WITH|TO)$/.test(next.norm) && (i === 0 || tokens[i - 1].text === ',' || tokens[i - 1].pos === 'ADV' || i === starts[unitOf[i]])) return true;
    if (tokens[i].lemma !== 'CALL') return false;
    if (/^(TO|INTO|IN|BACK|UP|OFF)$/.test(next.norm)) return true;
    if (!(i > 0 && tokens[i - 1].pos === 'NOUN' && next.pos === 'PROPN')) return false;
    // "a stream called Miracle Run, which …" names; "the docs called Oz a quack", "the governor called
    // National Guard members to service" have an object and more after the name
    let k = i + 1;
    while (k < n && tokens[k].pos === 'PROPN') k++;
    return !(k < n && (/^(DET|NOUN|ADJ)$/.test(tokens[k].pos) || tokens[k].norm === 'TO'));
  }

  /**
   * "assumed his post", "will assume Patriot's obligations": "assume" with an office, a power or a duty
   * as its object means taking it on, not supposing anything.
   */
  function takesOnOffice(k: number): boolean {
    // the object's head: its last noun, past modifiers such as "a newly created"
    let head = -1;
    for (let j = k; j < n && j - k < 8; j++) {
      const t = tokens[j];
      const modifier = /^(DET|ADJ|ADV|NUM|PART|PROPN|CCONJ)$/.test(t.pos) || POSSESSIVE.has(t.norm) || (t.pos === 'VERB' && /ED$/.test(t.norm));
      if (t.pos === 'NOUN') head = j;
      else if (!modifier) break;
    }
    return head >= 0 && TAKEN_ON.has(tokens[head].lemma);
  }

  /** Pieces of a quote span, marks excluded, a trailing comma dropped. */
  function inner(span: QuoteSpan): Range[] {
    const out: Range[] = [];
    for (const [a, b] of span.parts) {
      let from = a;
      while (from <= b && isMark(from)) from++;
      let to = b + 1;
      while (to > from && isMark(to - 1)) to--;
      while (to > from && (tokens[to - 1].text === ',' || tokens[to - 1].text === ':')) to--;
      if (to > from) out.push([from, to]);
    }
    return out;
  }

  /** Drop punctuation at either end of a range (quote marks stay), and a leading "that". */
  function trim(a: number, b: number): Range {
    while (a < b && tokens[a].pos === 'PUNCT' && !isMark(a)) a++;
    while (b > a && tokens[b - 1].pos === 'PUNCT' && !isMark(b - 1)) b--;
    return [a, b];
  }

  const hasVerb = (a: number, b: number) => {
    for (let i = a; i < b; i++) if (tokens[i].pos === 'VERB' || tokens[i].pos === 'AUX') return true;
    return false;
  };

  const hasWord = (a: number, b: number) => {
    for (let i = a; i < b; i++) if (isWord(tokens[i])) return true;
    return false;
  };

  /** A content range as it reads: exactly one quotation (direct), with quotations inside (mixed), or none (indirect). */
  function classify(a: number, b: number): { content: Range[]; kind: Attribution['kind'] } | null {
    [a, b] = trim(a, b);
    if (!hasWord(a, b)) return null;
    // extend over a quotation that opens inside and closes later
    for (let i = a; i < b; i++) {
      const k = spanOpeningAt.get(i);
      if (k !== undefined && spans[k].close >= b) b = spans[k].close + 1;
    }
    const inside = new Set<number>();
    for (let i = a; i < b; i++) if (inQuote[i] >= 0) inside.add(inQuote[i]);
    if (inside.size === 1) {
      const span = spans[[...inside][0]];
      let outside = false;
      for (let i = a; i < b && !outside; i++) if (inQuote[i] < 0 && isWord(tokens[i])) outside = true;
      if (!outside && span.open >= a) return { content: inner(span), kind: 'direct' };
    }
    return { content: [[a, b]], kind: inside.size > 0 ? 'mixed' : 'indirect' };
  }

  /** The quotation that ends right before token `k` is reached from the right: `“…,” he` or `“…”, he`. */
  function quoteEndingAt(k: number): number | null {
    if (isClosing(k)) return spanClosingAt.get(k)!;
    if (k >= 1 && (tokens[k].text === ',' || tokens[k].text === '—') && isClosing(k - 1)) return spanClosingAt.get(k - 1)!;
    return null;
  }

  /**
   * Quotations that follow in the same paragraph, right after one another: `“…,” he said. “…”`.
   * With `wholeSentences`, each must be a sentence of its own: `“…” to drive up the price, she said`
   * is another attribution's.
   */
  function following(first: number, from: number, wholeSentences = false): QuoteSpan[] {
    const out: QuoteSpan[] = [];
    let i = from;
    while (i < n && isOpening(i) && para[i] === para[first]) {
      const span = spans[spanOpeningAt.get(i)!];
      if (wholeSentences && !endsUnit(span.close)) break;
      out.push(span);
      i = span.close + 1;
      if (!isClosing(span.close)) break;
    }
    return out;
  }

  /** Nothing but punctuation follows token k in its unit. */
  function endsUnit(k: number): boolean {
    const end = starts[unitOf[k] + 1];
    for (let i = k + 1; i < end; i++) if (tokens[i].pos !== 'PUNCT' || isMark(i)) return isOpening(i);
    return true;
  }

  /** The subject of a clause opening the unit: "Trump" in "Trump spoke for an hour, saying that …". */
  function unitSubject(lo: number, hi: number, found: Attribution[]): Range | null {
    for (let k = found.length - 1; k >= 0; k--) {
      const prev = found[k];
      if (prev.cue[0] >= lo && prev.cue[0] < hi && prev.speaker) return prev.speaker;
    }
    let i = lo;
    while (i < hi && (tokens[i].pos === 'CCONJ' || tokens[i].pos === 'ADV' || tokens[i].pos === 'PUNCT')) i++;
    const e = npStartingAt(tokens, i, hi);
    return e > i ? [i, e] : null;
  }

  /**
   * "When she mentioned it, I laughed and said …": the subject of the verb before "and", unless that verb is
   * part of what an earlier cue of the clause introduces ("Smith said the plan failed and argued …": Smith).
   */
  function conjunctSubject(and: number, lo: number, found: Attribution[]): Range | null {
    if (tokens[and].pos !== 'CCONJ') return null;
    let v = and - 1;
    while (v >= lo && tokens[v].pos !== 'VERB' && !/^[,;:]$/.test(tokens[v].text) && !isMark(v)) v--;
    if (v < lo || tokens[v].pos !== 'VERB') return null;
    // a comma between ends a subordinate clause: "When she mentioned the devil, I laughed"
    const commaBefore = (x: number) => tokens.slice(x, v).some((t) => t.text === ',');
    const inContent = found.some((a) => a.cue[0] >= lo && a.cue[0] < v && a.content.some(([x, y]) => x <= v && v < y && !commaBefore(x)));
    if (inContent) return null;
    while (v > lo && (tokens[v - 1].pos === 'AUX' || tokens[v - 1].pos === 'ADV')) v--;
    const s = npEndingAt(tokens, v - 1, lo);
    return s >= 0 ? [s, v] : null;
  }

  function complement(from: number, hi: number, addressee: boolean): { start: number; end: number } | null {
    let j = skipAdjuncts(tokens, from, hi);
    if (addressee && j < hi) {
      const e = npStartingAt(tokens, j, hi);
      if (e > j) {
        const k = skipAdjuncts(tokens, e, hi);
        const t = k < hi ? tokens[k] : null;
        if (t && (t.norm === 'THAT' || t.text === ':' || isOpening(k) || (t.text === ',' && isOpening(k + 1)) || isWh(t) || clauseStarts(k, hi))) j = k;
        // "…, Graham told The Huffington Post on Thursday.": the listener, and nothing said after
        else if (!t || /^[.!?;]$/.test(t.text)) return null;
      }
    }
    if (j >= hi) return null;
    const t = tokens[j];
    // "Reagan proposed and further carried out …", "echoed by everyone I interviewed", "rejected in 2015":
    // a conjunction or a preposition the cue does not take starts no content of its own
    if (t.pos === 'CCONJ') return null;
    if (t.pos === 'ADP' && NOT_CONTENT_PREPS.has(t.norm)) {
      // "responded by using the example …" is how, and what, was said
      if (t.norm === 'BY' && j + 1 < hi && isParticiple(tokens[j + 1])) return { start: j, end: hi };
      // "have heard by now that …": an adjunct before the content
      const e = tokens[j + 1]?.pos === 'ADV' ? j + 2 : npStartingAt(tokens, j + 1, hi);
      if (e > j + 1 && e < hi && tokens[e].norm === 'THAT') return complement(e, hi, false);
      return null;
    }
    // "the best one I know of --", "what they asked for or …": a preposition stranded by a relative clause
    // or question has its object before the cue, and nothing after it was said
    if (t.pos === 'ADP' && (j + 1 >= hi || tokens[j + 1].pos === 'CCONJ' || (tokens[j + 1].pos === 'PUNCT' && !isOpening(j + 1)))) return null;
    let start = j;
    if (t.norm === 'THAT' && t.pos !== 'PRON') {
      if (j + 1 >= hi || /^[.!?]$/.test(tokens[j + 1].text)) return null;
      start = j + 1;
    } else if (t.text === ':') {
      start = j + 1;
      if (start >= hi) {
        // "He said:" and the quotation opens the next paragraph
        if (isOpening(hi)) {
          const span = spans[spanOpeningAt.get(hi)!];
          return { start: hi, end: span.close + 1 };
        }
        // "Limbaugh added:" and a block quotation without marks: the whole next paragraph
        if (hi < n && para[hi] !== para[hi - 1]) {
          let end = hi;
          while (end < n && para[end] === para[hi]) end++;
          return { start: hi, end };
        }
        return null;
      }
    } else if (t.text === ',') {
      if (!isOpening(j + 1)) return null;
      start = j + 1;
    } else if (t.pos === 'PUNCT' && !isOpening(j) && !scareQuoteAt(j, hi)) return null;
    return { start, end: hi };
  }

  /**
   * "reveals ‘demoralizing’ experience": a single quote mark that marks.ts leaves unpaired (it may be an apostrophe)
   * opens content when it stands after a space and against the next word; "Davis' commentary" is a possessive.
   */
  function scareQuoteAt(j: number, hi: number): boolean {
    if (!/^[‘']$/.test(tokens[j].text) || j === 0 || j + 1 >= hi || !isWord(tokens[j + 1])) return false;
    return tokens[j - 1].end < tokens[j].start && tokens[j].end === tokens[j + 1].start;
  }

  /** Token k starts a clause: a noun phrase followed by a verb ("the plan was dead", "he would"). */
  function clauseStarts(k: number, hi: number): boolean {
    const e = npStartingAt(tokens, k, hi);
    if (e === k || e >= hi) return false;
    let v = e;
    while (v < hi && tokens[v].pos === 'ADV') v++;
    return v < hi && (tokens[v].pos === 'VERB' || tokens[v].pos === 'AUX');
  }

  /**
   * "said Friday as he entered the talks", "But when Congress cut funding, Mexico said enough.": a content that
   * is one adverbial clause (a subordinator and a clause, with no main clause after a comma or dash) tells
   * when or why the cue's own clause happened, not what was said. After the cue not a question word ("asked
   * if …", "did not say when …"), nor "because", which may open a clause that is a subject ("because X is
   * Y does not mean …").
   */
  function onlyAdverbialClause(x: number, y: number, afterCue: boolean): boolean {
    let k = x;
    k = pastOpeners(k, y);
    if (k >= y || inQuote[k] >= 0) return false;
    const t = tokens[k];
    if (!SUBORDINATORS.has(t.norm) || (afterCue && (isWh(t) || t.norm === 'BECAUSE')) || !clauseStarts(k + 1, y)) return false;
    for (let j = k + 2; j < y; j++) if (!isMark(j) && /^(,|--|[\u2013\u2014\u2015])$/.test(tokens[j].text) && clauseStarts(j + 1, y)) return false;
    return true;
  }

  /** The first token from `k` (before `limit`) that is not a conjunction or punctuation other than a quote mark: where a clause's words start. */
  function pastOpeners(k: number, limit: number): number {
    while (k < limit && (tokens[k].pos === 'CCONJ' || (tokens[k].pos === 'PUNCT' && !isMark(k)))) k++;
    return k;
  }

  /** Where a sentence starts after a dateline: "GENEVA, March 3 - Talks …", "HEMPSTEAD, N.Y., Sept. 26 (UPI) — Green Party …". */
  function afterDateline(lo: number, hi: number): number {
    if ((lo > 0 && para[lo] === para[lo - 1]) || !/^\p{Lu}{2,}/u.test(tokens[lo].text)) return lo;
    for (let k = lo + 1; k < hi && k - lo < 14; k++) if (/^[-\u2013\u2014\u2015]$/.test(tokens[k].text)) return k + 1;
    return lo;
  }

  /** The quotation opens its sentence (after nothing but punctuation and "and"/"but"), or follows a colon. */
  function opensUnit(span: QuoteSpan): boolean {
    let k = starts[unitOf[span.open]];
    k = pastOpeners(k, span.open);
    return k === span.open || (span.open > 0 && tokens[span.open - 1].text === ':');
  }

  /** Nothing but adverbials (and a listener) follow the cue up to the end of the unit. */
  function endsAfter(from: number, hi: number, addressee: boolean): boolean {
    let j = skipAdjuncts(tokens, from, hi);
    if (addressee) j = skipAdjuncts(tokens, npStartingAt(tokens, j, hi), hi);
    return j >= hi || /^[.!?]$/.test(tokens[j].text);
  }

  /** "Trump's claim that …", "a warning from officials that …": the noun is the cue, the possessor or by/from phrase the speaker. */
  function atNoun(i: number, hi: number): Attribution | null {
    const t = tokens[i];
    if (t.pos !== 'NOUN' || !SPEECH_NOUNS.has(t.lemma) || i + 2 >= hi) return null;
    let j = i + 1;
    let speaker: Range | null = null;
    if (tokens[j].norm === 'BY' || tokens[j].norm === 'FROM') {
      const e = npStartingAt(tokens, j + 1, hi);
      if (e > j + 1) [speaker, j] = [[j + 1, e], e];
    }
    // "that" opening a clause, not a relative clause ("the statement that was released")
    if (j + 1 >= hi || tokens[j].norm !== 'THAT' || tokens[j + 1].pos === 'VERB' || tokens[j + 1].pos === 'AUX') return null;
    speaker ??= possessorOf(i, 0);
    const read = classify(j + 1, hi);
    return read ? { cue: [i, i + 1], speaker, ...read } : null;
  }

  /**
   * "In this poll, Trump rose …", "In Trump's view, …", "Only European immigrants are safe in his eyes.":
   * a phrase of "in" and a noun of view or finding (view-nouns.txt) makes the clause it opens, or the clause
   * it ends, the finding or view of the phrase, as "according to" does. Not when the clause has a cue of its
   * own ("In the poll, 40 percent said …" is theirs).
   */
  function inViewPhrases(lo: number, hi: number, found: Attribution[]): Attribution[] {
    const out: Attribution[] = [];
    for (let i = lo; i < hi; i++) {
      if (tokens[i].norm !== 'IN' || inQuote[i] >= 0) continue;
      const head = viewHead(i + 1, hi);
      if (head < 0) continue;
      const a = opensUnitAt(i, lo) ? viewOpener(i, head, hi) : viewCloser(i, head, lo, hi);
      const ownCue = a !== null && found.some((f) => a.content.some(([x, y]) => x <= f.cue[0] && f.cue[0] < y));
      if (a && !ownCue && hasVerbIn(a.content)) out.push(a);
    }
    return out;
  }

  /** The noun of view or finding heading the phrase at k ("the previous national poll", "his eyes"), or -1. */
  function viewHead(k: number, hi: number): number {
    for (let j = k; j < hi && j - k < 10; j++) {
      const t = tokens[j];
      if (t.pos === 'PUNCT' || t.pos === 'VERB' || t.pos === 'AUX') return -1;
      const named = VIEW_NOUNS.has(t.norm) || VIEW_NOUNS.has(t.lemma);
      // the head, not a modifier: "poll workers", "survey data"
      if (named && t.pos === 'NOUN' && !(j + 1 < hi && tokens[j + 1].pos === 'NOUN')) return j;
    }
    return -1;
  }

  /** Nothing but conjunctions and adverbs come before token i in its unit. */
  function opensUnitAt(i: number, lo: number): boolean {
    for (let k = lo; k < i; k++) if (!(tokens[k].pos === 'CCONJ' || tokens[k].pos === 'ADV' || (tokens[k].pos === 'PUNCT' && !isMark(k)))) return false;
    return true;
  }

  /** "In the poll, conducted in May, Clinton led": the source up to the comma, past a participle phrase; the clause after it is the content. */
  function viewOpener(i: number, head: number, hi: number): Attribution | null {
    let k = head + 1;
    while (k < hi && tokens[k].text !== ',') k++;
    if (k + 1 < hi && tokens[k + 1].pos === 'VERB' && /(ED|ING)$/.test(tokens[k + 1].norm)) {
      k++;
      while (k < hi && tokens[k].text !== ',') k++;
    }
    if (k >= hi) return null;
    const read = classify(k + 1, hi);
    return read ? { cue: [i, i + 1], speaker: [i + 1, head + 1], ...read } : null;
  }

  /**
   * "she did not receive a bump in one of the first polls to emerge.": a phrase that ends its unit (after a
   * participle or infinitive of its own at most) holds the clause before it, from the last comma.
   */
  function viewCloser(i: number, head: number, lo: number, hi: number): Attribution | null {
    let end = head + 1;
    if (infinitiveAt(end) || (end < hi && tokens[end].pos === 'VERB' && /ED$/.test(tokens[end].norm))) {
      while (end < hi && !/^[.!?;]$/.test(tokens[end].text)) end++;
    }
    if (end < hi && !/^[.!?]$/.test(tokens[end].text)) return null;
    let from = i;
    while (from > lo && !/^[,;:]$/.test(tokens[from - 1].text)) from--;
    const read = classify(from, i);
    return read ? { cue: [i, i + 1], speaker: [i + 1, head + 1], ...read } : null;
  }

  const hasVerbIn = (content: Range[]): boolean => content.some(([x, y]) => hasVerb(x, y));

  /**
   * "Trump is drawing criticism", "Suu Kyi has faced sharp criticism for failing to …", "came under scrutiny from
   * some who …": the subject receives a stance (received-stance-nouns.txt) held by the phrase after "from", or by
   * no one named. What is criticised is the "for" phrase, else the subject.
   */
  function receivedStance(i: number, lo: number, hi: number): Attribution | null {
    const t = tokens[i];
    const under = t.lemma === 'COME' && i + 1 < hi && tokens[i + 1].norm === 'UNDER';
    if (t.pos !== 'VERB' || !(RECEIVING_VERBS.has(t.lemma) || under)) return null;
    let j = under ? i + 2 : i + 1;
    // modifiers, participles among them: "withering criticism", "growing scrutiny"
    while (j < hi && j - i <= 4 && (tokens[j].pos === 'ADJ' || tokens[j].pos === 'ADV' || (tokens[j].pos === 'VERB' && /(ING|ED)$/.test(tokens[j].norm)))) j++;
    if (j >= hi || tokens[j].pos !== 'NOUN' || !RECEIVED_STANCES.has(tokens[j].lemma)) return null;
    const cue: Range = [i, j + 1];
    // "from" before skipping adjuncts, which would step over it as one
    let k = j + 1 < hi && tokens[j + 1].norm === 'FROM' ? j + 1 : skipAdjuncts(tokens, j + 1, hi);
    let speaker: Range | null = null;
    if (k < hi && tokens[k].norm === 'FROM') {
      const e = npStartingAt(tokens, k + 1, hi);
      if (e > k + 1) [speaker, k] = [[k + 1, e], skipAdjuncts(tokens, e, hi)];
    }
    if (k < hi && tokens[k].norm === 'FOR') {
      const read = classify(k + 1, hi);
      return read ? { cue, speaker, ...read } : null;
    }
    let l = i - 1;
    while (l >= lo && (tokens[l].pos === 'AUX' || tokens[l].pos === 'ADV' || tokens[l].pos === 'PART') && !isMark(l)) l--;
    const s = l >= lo ? npEndingAt(tokens, l, lo) : -1;
    // "whose own conduct came under scrutiny": a relative clause's subject is no content of its own
    if (s < 0 || isWh(tokens[s]) || /^WHOSE$/.test(tokens[s].norm)) return null;
    const read = classify(s, l + 1);
    return read ? { cue, speaker, ...read } : null;
  }

  /**
   * "Obama's decision to jump-start relations …", "his determination to act alone inflamed …": a possessed noun of
   * resolve (resolve-nouns.txt) before an infinitive; the possessor holds the infinitive phrase, which ends
   * where the sentence's own verb or a comma comes.
   */
  function atResolveNoun(i: number, lo: number, hi: number): Attribution | null {
    if (tokens[i].pos !== 'NOUN' || !RESOLVE_NOUNS.has(tokens[i].lemma) || !infinitiveAt(i + 1)) return null;
    const speaker = possessorOf(i, lo);
    if (!speaker) return null;
    // a verb after a subordinator or a pronoun belongs to a clause inside the phrase: "while the department was
    // investigating", "the sway he has"
    let end = i + 3;
    let inner = false;
    for (; end < hi && !/^[,;.!?]$/.test(tokens[end].text) && !isMark(end); end++) {
      if (SUBORDINATORS.has(tokens[end].norm) || /^(WHO|WHICH|THAT)$/.test(tokens[end].norm)) inner = true;
      if (finiteVerbAt(end) && !inner && tokens[end - 1].pos !== 'PRON') break;
    }
    const read = classify(i + 1, end);
    return read ? { cue: [i, i + 1], speaker, ...read } : null;
  }

  /** "Obama's decision", "his own decision": who possesses the noun at i, or null. */
  function possessorOf(i: number, lo: number): Range | null {
    let k = i - 1;
    while (k > lo && (tokens[k].pos === 'ADJ' || tokens[k].norm === 'OWN')) k--;
    if (k >= lo && POSSESSIVE.has(tokens[k].norm) && tokens[k].pos === 'PRON') return [k, k + 1];
    if (k - 1 < lo || tokens[k].norm !== "'S") return null;
    const s = npEndingAt(tokens, k - 1, lo);
    return s >= 0 ? [s, k] : null;
  }

  /** A verb in the past or present at k, not an infinitive or participle: the verb of a clause. */
  function finiteVerbAt(k: number): boolean {
    const t = tokens[k];
    if (!(t.pos === 'VERB' || t.pos === 'AUX') || /ING$/.test(t.norm) || tokens[k - 1].norm === 'TO') return false;
    return tense(t) !== 'base' || t.pos === 'AUX';
  }

  function accordingTo(c0: number, c1: number, lo: number, hi: number): Attribution | null {
    // "according to state media": a modifier the tagger took for a verb opens the source all the same
    const taggedVerb = c1 + 1 < hi && tokens[c1].pos === 'VERB' && isNominal(tokens[c1 + 1]);
    const e = npStartingAt(tokens, taggedVerb ? c1 + 1 : c1, hi);
    const speaker: Range | null = e > c1 ? [c1, e] : null;
    let k = lo;
    while (k < c0 && (tokens[k].pos === 'CCONJ' || tokens[k].pos === 'ADV' || tokens[k].pos === 'PUNCT')) k++;
    let read: ReturnType<typeof classify>;
    if (k === c0) {
      let j = speaker ? speaker[1] : c1;
      while (j < hi && tokens[j].text !== ',') j++;
      read = classify(j + 1, hi);
    } else {
      const after = speaker ? speaker[1] : c1;
      const continues = after < hi && tokens[after].text === ',' && hasWord(after + 1, hi);
      read = classify(afterDateline(lo, hi), continues ? hi : c0);
      if (read && read.kind === 'indirect' && quoteEndingAt(c0 - 1) !== null) read = classify(spans[quoteEndingAt(c0 - 1)!].open, c0);
    }
    return read ? { cue: [c0, c1], speaker, ...read } : null;
  }

  function atCue(c0: number, c1: number, unitStart: number, hi: number, found: Attribution[]): Attribution | null {
    // "MOSCOW, Sept 12 (Dyad) - Russian President Vladimir Putin warned …": the dateline is no part of the speaker
    const dateline = afterDateline(unitStart, hi);
    const lo = c0 >= dateline ? dateline : unitStart;
    if (tokens[c0].norm === 'ACCORDING') return accordingTo(c0, c1, lo, hi);
    const cue: Range = [c0, c1];
    const speech = isSpeechCue(c0);
    // left of the cue: auxiliaries and adverbs ("has also said"), then the subject
    let l = c0 - 1;
    while (l >= lo && (tokens[l].pos === 'AUX' || tokens[l].pos === 'ADV' || tokens[l].pos === 'PART') && tokens[l].norm !== 'TO' && !isMark(l)) l--;
    // "Trump took to Twitter to accuse …": the clause's subject
    const passive = l < c0 - 1 && /^(BE|GET)$/.test(tokens[c0 - 1].lemma) && !/ING$/.test(tokens[c0].norm) && !isAdjectiveCue(c0);
    const participle = /ING$/.test(tokens[c0].norm) && (l < lo || tokens[l].text === ',' || tokens[l].pos === 'SCONJ' || tokens[l].pos === 'ADP' || tokens[l].pos === 'CCONJ');
    const coordinated = !participle && l >= lo && (tokens[l].pos === 'CCONJ' || tokens[l].norm === 'TO');
    const asFollows = passive && c1 < hi && tokens[c1].norm === 'AS';
    if ((passive || RAISING.has(tokens[c0].lemma)) && (infinitiveAt(c1) || asFollows) && l >= lo) return raised(cue, l, lo, hi);
    // "need to know", "begins to show": a verb of knowing or perceiving after "to" is what another verb is
    // about, not an attribution of its own; other stances after "to" are ("went on to discuss", "tried to
    // convince"), and one inside a cue's content ("wants to support") is dropped with the nesting below.
    // "to be considered" is a passive the infinitive's subject undergoes, not a stance
    const afterTo = !speech && l >= lo && tokens[l].norm === 'TO';
    if (afterTo && (KNOWING.has(tokens[c0].lemma) || tokens[c0 - 1].lemma === 'BE')) return null;
    // "a way to report profits", "three ways to seek enforcement": after a noun of means, speech or stance is
    // what the means is for, nobody's act
    if (l > lo && tokens[l].norm === 'TO' && tokens[l - 1].pos === 'NOUN' && MEANS.has(tokens[l - 1].lemma)) return null;
    let antecedent: Range | undefined;
    let speaker: Range | null = null;
    let before = c0 - 1;
    if (!passive && !participle && !coordinated && l >= lo) {
      const t = tokens[l];
      if (t.norm === 'WHO' || t.norm === 'WHICH' || (t.norm === 'THAT' && l > lo && tokens[l - 1].pos === 'NOUN')) {
        // "Democrats, who argued …": the relative pronoun is the speaker's mention, its antecedent says who
        let k = l - 1;
        if (k >= lo && tokens[k].text === ',') k--;
        const s = npEndingAt(tokens, k, lo);
        speaker = [l, l + 1];
        if (s >= 0) [antecedent, before] = [[s, k + 1], s - 1];
      } else if (t.text === ',' || t.text === ')') {
        // "Smith, the party's spokesman, said" / "Trump, who spoke in Ohio, said"
        let k = l - 1;
        while (k > lo && l - k < 30 && tokens[k].text !== ',' && !isMark(k) && !/^[.!?;]$/.test(tokens[k].text)) k--;
        // words between the commas that open with "and" or "but" are a clause of the content, not a description
        // of the name: "…, and the meeting deteriorated from there, said one GOP source"
        const apposition = tokens[k + 1].pos !== 'CCONJ';
        if (t.text === ',' && k > lo && tokens[k].text === ',' && apposition) {
          const s = npEndingAt(tokens, k - 1, lo);
          if (s >= 0) [speaker, before] = [[s, k], s - 1];
        } else if (t.text === ')') {
          const s = npEndingAt(tokens, l, lo);
          if (s >= 0) [speaker, before] = [[s, l + 1], s - 1];
        }
      } else {
        const s = npEndingAt(tokens, l, lo);
        if (s >= 0) [speaker, before] = [[s, l + 1], s - 1];
      }
    }
    let after = c1;
    // "“…,” said Smith" / "…, said Smith, the spokesman."
    if (!speaker && !passive && !participle && c0 - 1 >= lo && (tokens[c0 - 1].text === ',' || isClosing(c0 - 1))) {
      const e = npStartingAt(tokens, c1, hi);
      if (e > c1) {
        speaker = [c1, e];
        after = e;
      }
    }
    // "was told by the Daily Caller"
    if (passive && c1 < hi && tokens[c1].norm === 'BY') {
      const e = npStartingAt(tokens, c1 + 1, hi);
      if (e > c1 + 1) {
        speaker = [c1 + 1, e];
        after = e;
        // "Trump is supported by far fewer papers": a stance in the passive is about its subject; so is speech
        // ("His views were echoed by several experts I spoke to"), unless a clause follows the speaker ("was told
        // by aides that …") or the subject is the one spoken to ("was asked by reporters")
        const k = skipAdjuncts(tokens, e, hi);
        const saysMore = k < hi && (tokens[k].norm === 'THAT' || tokens[k].text === ':' || isOpening(k) || isWh(tokens[k]) || infinitiveAt(k));
        const aboutSubject = !speech || !(saysMore || ADDRESSEE.has(tokens[c0].lemma) || OBJECT_CONTROL.has(tokens[c0].lemma));
        const s = aboutSubject && l >= lo ? npEndingAt(tokens, l, lo) : -1;
        if (s >= 0) return { cue, speaker, content: [[s, l + 1]], kind: 'indirect' };
      }
    }
    // "…, adding that …", "Trump is telling veterans … and says he will …": the clause's subject speaks
    if (participle) speaker = unitSubject(lo, c0, found);
    else if (afterTo) speaker = infinitiveSubject(l, lo) ?? unitSubject(lo, c0, found);
    else if (coordinated) speaker = conjunctSubject(l, lo, found) ?? unitSubject(lo, c0, found);

    // "Do you know where …?", "Or would you still vote for her?": a yes/no question to the reader asks what
    // they think, it reports nobody's words or stance ("But has he called for …?" still may)
    if (speaker && tokens[speaker[0]].norm === 'YOU' && isYesNoQuestion(lo, speaker[0], hi)) return null;

    // "Don't blame Bush.", "Please ask yourself …": an imperative addresses the reader, nobody is quoted
    if (!speaker && !participle && !coordinated && !passive && isImperative(lo, c0)) return null;

    // "That was what Liz Wahl said when she resigned": the content is "what", the cue's object moved before it
    if (speaker && before >= lo && tokens[before].norm === 'WHAT' && !passive) {
      const next = skipAdjuncts(tokens, after, hi);
      if (next >= hi || (tokens[next].pos === 'PUNCT' && !isOpening(next)) || tokens[next].pos === 'SCONJ' || CLAUSE_BREAKS.has(tokens[next].norm)) {
        return { cue, speaker, content: [[before, before + 1]], kind: 'indirect', ...(antecedent && { antecedent }) };
      }
    }

    // "As Ms. Ortiz put it, the plan …", "Aleppo, as one adviser pointed out, has …", "…, as a memo put it.":
    // "as" stands in for what was said, which is the clause the as-clause is attached to
    if (speaker && !passive && before >= lo) {
      const read = tokens[before].norm === 'AS' ? asClauseContent(before, after, lo, hi) : null;
      if (read) return { cue, speaker, ...read, ...(antecedent && { antecedent }) };
    }
    if (tokens[c0].lemma === 'PUT') return null;

    // 1. a quotation right before the speaker
    const addressee = ADDRESSEE.has(tokens[c0].lemma);
    let q = speaker && !participle && !coordinated && before >= 0 ? quoteEndingAt(speaker[0] === c1 ? c0 - 1 : before) : null;
    // a quotation closing the previous sentence is this cue's only when the cue says nothing else: `“…” Trump said.`
    if (q !== null && before < lo && (para[before] !== para[lo] || !endsAfter(after, hi, addressee))) q = null;
    // a quotation inside the sentence is not all the cue introduces: `On “Fox News Sunday,” Pence said his …`,
    // `Using the tax ''is a misguided approach,'' said Mr. Burman` (read below as a mixed quote)
    if (q !== null && !opensUnit(spans[q])) q = null;
    if (q !== null) {
      const content = inner(spans[q]);
      const rest = skipAdjuncts(tokens, addressee ? npStartingAt(tokens, skipAdjuncts(tokens, after, hi), hi) : after, hi);
      let more: QuoteSpan[] = [];
      if (rest < hi && (tokens[rest].text === ',' || tokens[rest].text === ':')) {
        // `“…,” he said, “…”`, also with words between: `“…,” Tester said, referring to the excuse, “…”`
        let k = rest + 1;
        while (k < hi && !isMark(k) && cueLength(k) === 0) k++;
        if (isOpening(k)) more = following(k, k);
      } else if (rest >= hi - 1 && (rest >= hi || /^[.!?]$/.test(tokens[rest].text))) more = following(spans[q].open, hi, true);
      for (const span of more) content.push(...inner(span));
      if (content.length > 0) return { cue, speaker, content, kind: 'direct', ...(antecedent && { antecedent }) };
    }

    // 2. content after the cue
    const comp = complement(after, hi, addressee);
    if (comp && !onlyAdverbialClause(comp.start, comp.end, true)) {
      const read = classify(comp.start, comp.end);
      // "would add $84 billion": a noun phrase is no clause such a cue reports
      const notSaid = read !== null && read.kind === 'indirect' && CLAUSE_ONLY.has(tokens[c0].lemma) && !hasVerbIn(read.content);
      if (read && !notSaid) return { cue, speaker, ...read, ...(antecedent && { antecedent }) };
    }

    // 3. content before the cue: "…, X said." / "…, X said, …"
    if (speaker && before >= lo && (BREAK_AFTER_CUE.has(tokens[before].text) || isClosing(before))) {
      const rest = skipAdjuncts(tokens, after, hi);
      // "…, she said, referencing the bank's drive": a participle after the cue tells how it was said, it is not more content
      // (but "…, he said, replacing Clinton would be …" goes on: the -ing word is the subject of the rest)
      const participleFollows = rest + 1 < hi && tokens[rest].text === ',' && isParticiple(tokens[rest + 1]) && !gerundSubjectAt(rest + 1, hi);
      const ends = rest >= hi || /^[.!?;]$/.test(tokens[rest].text) || participleFollows;
      const continues = !ends && tokens[rest].text === ',' && hasWord(rest + 1, hi) && (cueLength(rest + 1) === 0 || gerundSubjectAt(rest + 1, hi));
      const end = isClosing(before) ? before + 1 : before;
      // "If the plan fails, Mr. Kamin said, there are other tools" goes on past the cue to its main clause
      const read = continues || (ends && !onlyAdverbialClause(afterDateline(lo, hi), end, false)) ? classify(afterDateline(lo, hi), end) : null;
      // "Details aside, Mr. Kamin said, the plan offers …": what was said is on both sides of the cue
      const rest2 = continues && read ? classify(rest + 1, hi) : null;
      if (read && rest2) return { cue, speaker, content: [...read.content, ...rest2.content], kind: read.kind === rest2.kind ? read.kind : 'mixed', ...(antecedent && { antecedent }) };
      if (read && ends) return { cue, speaker, ...read, ...(antecedent && { antecedent }) };
    }
    return null;
  }

  /**
   * The clause an "as X said" clause is attached to, when the cue has nothing after it ("as" is its
   * object): the rest of the sentence after an opening as-clause, the words on both sides of one between
   * commas, the words before a closing one. A cue with an object of its own ("as Trump went on about …")
   * or an as-clause not set off by commas ("cheered as he spoke") is not this frame.
   */
  function asClauseContent(as: number, after: number, lo: number, hi: number): { content: Range[]; kind: Attribution['kind'] } | null {
    let rest = skipAdjuncts(tokens, after, hi);
    if (rest < hi && tokens[after - 1].lemma === 'PUT' && tokens[rest].norm === 'IT') rest = skipAdjuncts(tokens, rest + 1, hi);
    const closes = rest >= hi || /^[.!?;]$/.test(tokens[rest].text);
    if (!closes && tokens[rest].text !== ',') return null;
    let first = afterDateline(lo, hi);
    first = pastOpeners(first, as);
    if (first === as) return closes ? null : classify(rest + 1, hi);
    if (tokens[as - 1].text !== ',') return null;
    const left = classify(first, as - 1);
    if (!left || closes) return left;
    const right = classify(rest + 1, hi);
    if (!right) return left;
    return { content: [...left.content, ...right.content], kind: left.kind === right.kind ? left.kind : 'mixed' };
  }

  /** "as X put it": "put it" is a cue only in an as-clause (asClauseContent). */
  const putItAt = (i: number): boolean => tokens[i].lemma === 'PUT' && i + 1 < n && tokens[i + 1].norm === 'IT';

  const editorial = editorialNotes();
  const found: Attribution[] = [];
  for (let u = 0; u + 1 < starts.length; u++) {
    const lo = starts[u];
    const hi = starts[u + 1];
    for (let i = lo; i < hi; i++) {
      if (inQuote[i] >= 0 || editorial[i] === 1) continue;
      const len = cueLength(i) || (putItAt(i) ? 2 : 0);
      if (len === 0) {
        const a = atNoun(i, hi) ?? receivedStance(i, lo, hi) ?? atResolveNoun(i, lo, hi) ?? stanceAppositive(i, lo, hi);
        if (a) found.push(a);
        continue;
      }
      const a = atCue(i, i + len, lo, hi, found);
      if (a) found.push(a);
      i += len - 1;
      // "according to state media": no cue inside the source named after the cue
      if (a?.speaker && a.speaker[0] === i + 1) i = a.speaker[1] - 1;
    }
    found.push(...inViewPhrases(lo, hi, found));
    const unit = found.filter((a) => a.cue[0] >= lo && a.cue[0] < hi);
    cutAtNextClause(unit);
    endAtContrast(unit);
    endAtMainClause(unit, lo, hi);
    endBeforeReportingRelative(unit);
  }

  flatten();
  extendOverParagraph(found);
  addLabels(found);
  if (options.continuations ?? true) addContinuations(found);
  return found.sort((x, y) => x.content[0][0] - y.content[0][0]);

  /**
   * "C2I's business is planting trees. The trees soak up carbon. An acre can convert 156 tons, Mr. Van Voorhis
   * said.": a sentence reported with "…, X said" goes on the account the paragraph's earlier sentences give,
   * when nothing in them is attributed (no cue, no quotation, no one else's content).
   */
  function extendOverParagraph(list: Attribution[]): void {
    const claimed = new Uint8Array(n);
    for (const a of list) {
      claimed.fill(1, a.cue[0], a.cue[1]);
      for (const [x, y] of a.content) claimed.fill(1, x, y);
    }
    const unattributed = (u: number) => {
      for (let i = starts[u]; i < starts[u + 1]; i++) if (claimed[i] || inQuote[i] >= 0 || cueLength(i) > 0) return false;
      return true;
    };
    for (const a of list) {
      if (a.kind === 'direct' || a.content.length !== 1) continue;
      const [x, y] = a.content[0];
      // the whole sentence up to ", X said"
      const u = unitOf[x];
      if (y > a.cue[0] || tokens[y]?.text !== ',' || starts[u] < x - 1 || !hasVerb(x, y)) continue;
      let v = u;
      while (v > 0 && para[starts[v - 1]] === para[x] && unattributed(v - 1)) v--;
      if (v === u) continue;
      const read = classify(starts[v], y);
      if (read) [a.content, a.kind] = [read.content, read.kind];
    }
  }

  /**
   * "Editor's note: …" is the paper speaking about its own report, boilerplate that attributes nothing
   * to anyone; the note runs to the end of its paragraph, which may be wrapped over several lines, so it
   * ends at a line break after a sentence-final token.
   */
  function editorialNotes(): Uint8Array {
    const marked = new Uint8Array(n);
    for (let i = 0; i + 3 < n; i++) {
      const note = tokens[i].norm === 'EDITOR' && tokens[i + 1].norm === "'S" && tokens[i + 2].norm === 'NOTE' && tokens[i + 3].text === ':';
      if (!note) continue;
      let k = i;
      for (; k < n; k++) {
        marked[k] = 1;
        const endsSentence = /[.!?]$/.test(tokens[k].text) || (isMark(k) && k > 0 && /[.!?]$/.test(tokens[k - 1].text));
        if (endsSentence && (k + 1 >= n || para[k + 1] !== para[k])) break;
      }
      i = k;
    }
    return marked;
  }

  /**
   * Attributions do not nest, as PolNeAR annotates them: "Flynn said Trump was right when he said that …"
   * is Flynn's, and what Trump said is part of it. An attribution whose content ran over a trailing
   * "…, sources said" is the wrong reading of that sentence and goes; then whatever lies inside
   * another's content goes.
   */
  function flatten(): void {
    const holds = (outer: Attribution, k: number) => outer.content.some(([x, y]) => x <= k && k < y);
    const tails = found.filter((a) => a.kind !== 'direct' && a.content[a.content.length - 1][1] <= a.cue[0]);
    const overran = new Set(found.filter((o) => o.kind !== 'direct' && tails.some((t) => t !== o && holds(o, t.cue[0]))));
    const span = (a: Attribution) => a.content[a.content.length - 1][1] - a.content[0][0];
    // widest first, so of two that hold each other's cue the wider stays
    const flat: Attribution[] = [];
    for (const a of found.filter((x) => !overran.has(x)).sort((x, y) => span(y) - span(x))) {
      if (!flat.some((o) => o.kind !== 'direct' && holds(o, a.cue[0]))) flat.push(a);
    }
    found.splice(0, found.length, ...flat);
  }

  /**
   * "Figueroa said the campaign planned a protest, though she acknowledged it was unlikely to work":
   * a content stops where a later attribution of the sentence starts after a connector (and, but,
   * though, a comma), not where it is nested ("X said Y told him …").
   */
  function cutAtNextClause(list: Attribution[]): void {
    for (const a of list) {
      if (a.kind === 'direct') continue;
      // the last piece: "Details aside, he said, the plan works, and …" is cut after the cue
      const [x, y] = a.content[a.content.length - 1];
      // "Details aside, the plans offer …, Mr. Kamin said": a content before its cue is all the speaker's,
      // a cue inside it is nested in what was said (flatten drops it)
      if (y <= a.cue[0]) continue;
      let cut = y;
      for (const b of list) {
        if (b === a) continue;
        const start = b.speaker && b.speaker[0] > x ? Math.min(b.speaker[0], b.cue[0]) : b.cue[0];
        if (start <= x || start >= cut) continue;
        // "…, and has called for …": the connector before the auxiliaries
        let p = start - 1;
        while (p > x && (tokens[p].pos === 'AUX' || tokens[p].pos === 'ADV') && (b.speaker === null || b.speaker[0] < x)) p--;
        const prev = tokens[p];
        // "said the shootings and protests demand …": "and" between two nouns joins them, it starts no clause;
        // with a verb in the past it is a clause of its own: "… mishandled the inquiry and Democrats accused …",
        // and so with a count as the subject, as polls report: "… prefer Johnson and 1 percent support Stein"
        const past = tense(tokens[b.cue[0]]) === 'past';
        const counted = tokens[start].pos === 'NUM';
        const joinsNouns = !past && !counted && prev.pos === 'CCONJ' && start >= 2 && isNominal(tokens[start - 2]) && b.speaker !== null && b.speaker[0] === start && isNominal(tokens[b.speaker[1] - 1]);
        if (joinsNouns) continue;
        if (completesOpeningClause(x, start) || sharesContentSubject(a, b, x, start)) continue;
        if (continuesBareVerb(list, x, start, b)) continue;
        // "noted that at a meeting in 1972, he backed …": a content opening with an adjunct ("at", "in", "after")
        // goes on to its clause; cut there, it would hold no verb
        if (NOT_CONTENT_PREPS.has(tokens[x].norm) && tokens[start - 1].text === ',' && !hasVerb(x, start)) continue;
        if (prev.pos === 'CCONJ' || /^[,;(]$/.test(prev.text) || CONNECTORS.has(prev.norm)) cut = p;
      }
      if (cut === y) continue;
      while (cut > x && (tokens[cut - 1].pos === 'CCONJ' || tokens[cut - 1].pos === 'PUNCT' && !isMark(cut - 1) || CONNECTORS.has(tokens[cut - 1].norm))) cut--;
      endLastPiece(a, cut);
    }
  }

  /**
   * "Trump is promising lower taxes, but he has also intensified his attacks": a clause with its own subject
   * after ", but" is the writer's contrast, not more of what the cue introduced. Quotations keep their words.
   */
  function endAtContrast(list: Attribution[]): void {
    for (const a of list) {
      if (a.kind === 'direct') continue;
      const [x, y] = a.content[a.content.length - 1];
      // (a paragraph introduced by "X added:" is a block of what was said, kept whole)
      if (y <= a.cue[0] || unitOf[x] !== unitOf[a.cue[0]]) continue;
      for (let k = x + 1; k + 2 < y; k++) {
        if (inQuote[k] >= 0 || tokens[k].text !== ',' || tokens[k + 1].norm !== 'BUT' || !clauseStarts(k + 2, y)) continue;
        endLastPiece(a, k);
        break;
      }
    }
  }

  /** End the last piece of a's content at token `end` (exclusive), read again for its kind. */
  function endLastPiece(a: Attribution, end: number): void {
    const read = classify(a.content[a.content.length - 1][0], end);
    if (!read) return;
    a.content = [...a.content.slice(0, -1), ...read.content];
    if (a.content.length === read.content.length) a.kind = read.kind;
  }

  /**
   * "Although a judge found that action unconstitutional, his decision was overturned": a cue inside a
   * sentence's opening adverbial clause (after "although", "while", "despite", "when" …) says
   * nothing past the end of that clause; the comma or dash before the main clause's subject and verb ends it.
   */
  function endAtMainClause(list: Attribution[], lo: number, hi: number): void {
    const open = adverbialOpening(lo, hi);
    if (open < 0) return;
    for (const a of list) {
      if (a.kind === 'direct' || a.cue[0] < open) continue;
      const [x, y] = a.content[a.content.length - 1];
      if (x < a.cue[1]) continue;
      const main = mainClauseAfter(a.cue[1], x, y);
      if (main < 0) continue;
      endLastPiece(a, main);
    }
  }

  /**
   * "denounced the annexation, which RT pointed to as proof of its openness": a relative clause after a comma
   * whose own subject reports or thinks something is the writer's aside, with its own source; the content ends
   * before it (and the clause's attribution, no longer nested, stays).
   */
  function endBeforeReportingRelative(list: Attribution[]): void {
    for (const a of list) {
      if (a.kind === 'direct') continue;
      const [x, y] = a.content[a.content.length - 1];
      for (let k = x + 1; k + 2 < y; k++) {
        if (tokens[k].text !== ',' || !/^(WHICH|WHO|WHOM)$/.test(tokens[k + 1].norm)) continue;
        const reported = list.some((b) => b !== a && b.speaker !== null && b.speaker[0] === k + 2 && b.cue[0] < y);
        if (!reported) continue;
        endLastPiece(a, k);
        break;
      }
    }
  }

  /** Where a unit opens with an adverbial clause ("While …", "Despite …"): its first word, or -1. */
  function adverbialOpening(lo: number, hi: number): number {
    let i = lo;
    i = pastOpeners(i, hi);
    if (i >= hi) return -1;
    const t = tokens[i];
    return OPENING_SUBORDINATORS.has(t.norm) ? i : -1;
  }

  /** The first comma or dash after `from` (past the content's start) that a clause with subject and verb follows, or -1. */
  function mainClauseAfter(from: number, x: number, y: number): number {
    for (let k = Math.max(from, x + 1); k < y; k++) {
      if (isMark(k) || !/^(,|--|[\u2013\u2014\u2015])$/.test(tokens[k].text)) continue;
      if (clauseStarts(k + 1, y)) return k;
    }
    return -1;
  }

  /**
   * "called on the board to review the deal and consider other bids": a bare verb after "and" that follows a
   * bare verb of the content (an infinitive, or after a modal) is that verb's conjunct, what the board is
   * called on to do, not a second act of the speaker's; unless the verb before is itself a cue.
   */
  function continuesBareVerb(list: Attribution[], x: number, start: number, b: Attribution): boolean {
    if (tokens[start - 1].norm !== 'AND' || start !== b.cue[0] || tense(tokens[b.cue[0]]) !== 'base') return false;
    let v = start - 2;
    while (v >= x && tokens[v].pos !== 'VERB') v--;
    if (v < x || tense(tokens[v]) !== 'base') return false;
    return !list.some((o) => o.cue[0] <= v && v < o.cue[1]);
  }

  /**
   * "worried that if the state held up the deal, Patriot could threaten …": a content that opens with a
   * subordinate clause goes on to the main clause after its first comma; the clause there is part of it.
   */
  function completesOpeningClause(x: number, start: number): boolean {
    if (!SUBORDINATORS.has(tokens[x].norm) || tokens[start - 1].text !== ',') return false;
    for (let k = x + 1; k < start - 1; k++) if (tokens[k].text === ',') return false;
    return true;
  }

  /**
   * "Police say he posed a deadly threat and refused to drop the gun": a verb after "and" with no subject
   * of its own, after a content with a subject and verb, goes on with the content's subject when it has
   * the tense of the content's verb and not the cue's ("said he would order … and warned" is two acts).
   */
  function sharesContentSubject(a: Attribution, b: Attribution, x: number, start: number): boolean {
    // b's speaker, if any, is the one before the content or the content's own subject
    if (tokens[start - 1].norm !== 'AND' || start !== b.cue[0] || (b.speaker !== null && b.speaker[0] > x)) return false;
    // "says Machado promised to stay and said she would …": what the content's subject said is an attribution of its own
    if (a.cue[0] >= x || !clauseStarts(x, start) || isSpeechCue(b.cue[0])) return false;
    let v = npStartingAt(tokens, x, start);
    while (v < start && tokens[v].pos === 'ADV') v++;
    const conjoined = tense(tokens[b.cue[0]]);
    return conjoined === tense(tokens[v]) && conjoined !== tense(tokens[a.cue[0]]);
  }

  /**
   * A paragraph opening with a name and a colon or dash: transcripts ("PENCE: Well, look …"),
   * headlines ("Pence: Flowers won't be at debate") and lists of voices ("Carla Sanchez ― “…”").
   * After a dash the words must be a quotation, so datelines ("WASHINGTON — The …") are not read as one.
   */
  function addLabels(list: Attribution[]): void {
    const taken = new Set(list.map((a) => a.cue[0]));
    const unlabelled = list.length;
    for (let i = 0; i < n; i++) {
      if (i > 0 && para[i] === para[i - 1]) continue;
      // a transcript quoted whole: each paragraph opens with a mark before the name
      let first = i;
      while (isMark(first) && first + 1 < n && para[first + 1] === para[i]) first++;
      let k = first;
      let named = false;
      while (k < n && k - first < 7 && para[k] === para[i] && (/^\p{Lu}/u.test(tokens[k].text) || (k > first && /^(\.|-|&)$/.test(tokens[k].text)))) {
        if (tokens[k].pos === 'PROPN' || /^\p{Lu}{2,}$/u.test(tokens[k].text)) named = true;
        k++;
      }
      if (k === first || !named || k >= n || para[k] !== para[i] || taken.has(k) || NOT_LABELS.has(tokens[k - 1].norm)) continue;
      // a preposition other than "of" makes a heading, not a name: "Stealth Over Health: …", "The Gap Goes On: …"
      if (tokens.slice(first, k).some((t) => (t.pos === 'ADP' || t.pos === 'PART') && t.norm !== 'OF')) continue;
      const dash = /^[\u2015\u2014\u2013]$/.test(tokens[k].text);
      if (tokens[k].text !== ':' && !(dash && isOpening(k + 1))) continue;
      let end = k + 1;
      while (end < n && para[end] === para[i]) end++;
      const read = classify(k + 1, end);
      if (!read) continue;
      let words = 0;
      for (const [x, y] of read.content) for (let t = x; t < y; t++) if (isWord(tokens[t])) words++;
      if (words >= 3) list.push({ cue: [k, k + 1], speaker: [first, k], ...read });
    }
    // a quotation signed at the paragraph's end: `“…” ― Pamela Padilla`
    for (let e = n - 1; e > 0; e--) {
      if (e + 1 < n && para[e + 1] === para[e]) continue;
      let k = e;
      while (k > 0 && e - k < 6 && para[k] === para[e] && (tokens[k].pos === 'PROPN' || /^\p{Lu}/u.test(tokens[k].text) || tokens[k].text === '.')) k--;
      if (k === e || !/^[\u2015\u2014\u2013]$/.test(tokens[k].text) || !isClosing(k - 1)) continue;
      const span = spans[spanClosingAt.get(k - 1)!];
      if (taken.has(k) || inner(span).length === 0) continue;
      list.push({ cue: [k, k + 1], speaker: [k + 1, e + 1], content: inner(span), kind: 'direct' });
    }
    // attributions do not nest (see flatten): a cue in a labelled paragraph ("WALLACE: … it shows people …",
    // "Caddell: Voters Worried About …") is part of what the label's speaker said
    const labels = list.slice(unlabelled);
    const outside = list.slice(0, unlabelled).filter((a) => !labels.some((l) => l.content.some(([x, y]) => x <= a.cue[0] && a.cue[0] < y)));
    list.splice(0, list.length, ...outside, ...labels);
  }

  /** Quotations no cue claimed: a whole sentence or paragraph in quotes takes the previous quotation's speaker. */
  function addContinuations(list: Attribution[]): void {
    const covered = new Uint8Array(n);
    for (const a of list) for (const [x, y] of a.content) for (let i = x; i < y; i++) covered[i] = 1;
    const byStart = [...list].sort((x, y) => x.content[0][0] - y.content[0][0]);
    for (const span of spans) {
      const parts = inner(span);
      if (parts.length === 0 || parts.some(([x, y]) => covered.subarray(x, y).some((v) => v === 1))) continue;
      // a straight mark left open, cut off by a curly opening mark in its paragraph, is a stray mark of text
      // typeset with curly ones, no quotation: `"Trump walked onto the stage, chanting “U-S-A!”`
      const cutOff = !span.closed && span.close + 1 < n && para[span.close + 1] === para[span.close];
      if (cutOff && tokens[span.open].text === '"' && tokens[span.close + 1].text === '“') continue;
      let words = 0;
      for (const [x, y] of parts) for (let i = x; i < y; i++) if (isWord(tokens[i])) words++;
      // a quotation standing as its own sentence, not a scare quote inside one
      const opensUnit = starts[unitOf[span.open]] === span.open || (span.open > 0 && tokens[span.open - 1].text === ':');
      if (words < 4 || !opensUnit) continue;
      let prev: Attribution | undefined;
      for (const a of byStart) if (a.content[0][0] < span.open && a.speaker) prev = a;
      if (!prev || para[span.open] - para[prev.content[prev.content.length - 1][1] - 1] > 1) continue;
      // `“…,” said Caddell, speaking of her health. “…”`: the quotation goes on the paragraph's last direct quotation
      const lastDirect = byStart.filter((a) => a.kind === 'direct' && a.speaker && a.content[0][0] < span.open && para[a.content[0][0]] === para[span.open]).pop();
      if (lastDirect && prev.kind === 'indirect') prev = lastDirect;
      // in the paragraph of the quotation before, it is more of the same quotation: `“…,” she said of the race. “…”`
      if (para[span.open] === para[prev.content[prev.content.length - 1][1] - 1]) {
        prev.content.push(...parts);
        if (prev.kind === 'indirect') prev.kind = 'mixed';
        for (const [x, y] of parts) covered.fill(1, x, y);
        continue;
      }
      const continued: Attribution = { cue: prev.cue, speaker: prev.speaker, content: parts, kind: 'direct', continued: true, ...(prev.antecedent && { antecedent: prev.antecedent }) };
      list.push(continued);
      // a quotation after it in its paragraph is more of it: `“…” (no cue) “…”`
      const next = byStart.findIndex((a) => a.content[0][0] > span.open);
      byStart.splice(next < 0 ? byStart.length : next, 0, continued);
    }
  }
}
