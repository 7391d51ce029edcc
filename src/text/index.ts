/**
 * The text layer: sentences and tokens with character offsets, part of speech,
 * lemma and negation, from wink-nlp's English light model. Everything later in
 * the pipeline refers to tokens by index and to text by character offset into
 * the original string, so evidence always points at what the user gave us.
 */
import winkNLP, { type ItemSentence, type ItsFunction } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export interface Token {
  /** Index in `Doc.tokens`. */
  i: number;
  text: string;
  start: number;
  end: number;
  /** Universal POS tag from wink-nlp (VERB, NOUN, PROPN, AUX, ADP, PUNCT…). */
  pos: string;
  /** Upper-cased lemma, the form dictionaries are matched against. */
  lemma: string;
  /** Upper-cased surface form with typographic apostrophes made plain. */
  norm: string;
  /** wink-nlp's negation scope flag. */
  negated: boolean;
  /** Index of the sentence this token belongs to. */
  sentence: number;
}

export interface Sentence {
  index: number;
  start: number;
  end: number;
  text: string;
  /** Token range [tokenStart, tokenEnd). */
  tokenStart: number;
  tokenEnd: number;
}

export interface Doc {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
}

/**
 * wink-nlp's pipeline as Dyad runs it: sentence boundaries, negation scope and POS tags. Its
 * named-entity, custom-entity and sentiment steps are left out: nothing here reads them, and
 * without them reading is about 1.5 times as fast, with the same tokens, tags and sentences.
 */
export const WINK_PIPE = ['sbd', 'negation', 'pos'];
const nlp = winkNLP(model, WINK_PIPE);
const its = nlp.its;

/** Characters of a UTF-8 letter read as Latin-1: combining marks, C1 controls, symbols of Latin-1's upper half. */
const MISDECODED_START = /^[\p{M}\p{Cc}\u00a1-\u00bf]/u;
const MISDECODED_END = /[\p{M}\p{Cc}\u00a1-\u00bf]$/u;
/** "Ã" or "Â" (also decomposed): the first byte of a two-byte UTF-8 letter read as Latin-1. */
const LATIN1_LEAD_END = /(?:[\u00c2\u00c3]|A[\u0302\u0303])$/u;
const LETTER_END = /\p{L}$/u;
const LETTER_START = /^\p{L}/u;

const TYPOGRAPHIC_APOSTROPHE = /[\u2018\u2019\u02bc]/;
const TYPOGRAPHIC_APOSTROPHES = /[\u2018\u2019\u02bc]/g;

export function normalizeWord(word: string): string {
  const upper = word.toUpperCase();
  // most words hold no apostrophe at all: skip the replacement for them
  return TYPOGRAPHIC_APOSTROPHE.test(upper) ? upper.replace(TYPOGRAPHIC_APOSTROPHES, "'") : upper;
}

/**
 * Tokenise, tag and split `text` into sentences. Hyphenated words that wink
 * splits ("cease-fire" → cease, -, fire) are joined back into one token when no
 * space surrounds the hyphen, because dictionaries list them whole.
 */
export function analyze(text: string): Doc {
  const doc = nlp.readDoc(text);
  // bulk reads are several times faster than per-token reads in wink-nlp
  const all = doc.tokens();
  const texts = all.out() as string[];
  const tags = all.out(its.pos) as string[];
  // wink's typings declare `its.lemma` with a model-addons parameter the generic `out` does not accept
  const lemmas = all.out(its.lemma as unknown as ItsFunction<string>) as string[];
  const negations = all.out(its.negationFlag) as unknown as boolean[];

  const spans: Array<[number, number]> = [];
  doc.sentences().each((s: ItemSentence) => {
    spans.push(s.out(its.span) as unknown as [number, number]);
  });

  // Character offsets: each token is searched for from the end of the previous one.
  const starts: number[] = new Array(texts.length);
  let cursor = 0;
  for (let k = 0; k < texts.length; k++) {
    const found = text.indexOf(texts[k], cursor);
    const start = found >= 0 && found - cursor < 64 ? found : cursor;
    starts[k] = start;
    cursor = start + texts[k].length;
  }

  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  for (let si = 0; si < spans.length; si++) {
    const [first, last] = spans[si];
    const tokenStart = tokens.length;
    for (let k = first; k <= last; k++) {
      if (texts[k].trim() === '') continue;
      let end = starts[k] + texts[k].length;
      let pos = tags[k];
      let lemma = lemmas[k];
      let j = k;
      // join "word-word(-word)" written without spaces
      while (
        j + 2 <= last &&
        texts[j + 1] === '-' &&
        starts[j + 1] === end &&
        starts[j + 2] === end + 1 &&
        tags[j] !== 'PUNCT' &&
        tags[j + 2] !== 'PUNCT'
      ) {
        end = starts[j + 2] + texts[j + 2].length;
        pos = tags[j + 2];
        j += 2;
      }
      // join a word that text decoded in the wrong character set split apart ("FranÃÂ§ois" for "François"):
      // pieces written without spaces that meet at a combining mark, a control character or a symbol of
      // Latin-1's upper half, from a letter to a letter; the word keeps its first piece's tag
      // (most tokens are followed by a space: test the cheap offsets before any pattern)
      if (j === k && k + 1 <= last && starts[k + 1] === end && LETTER_START.test(texts[k])) {
        let m = k;
        let e = end;
        while (m + 1 <= last && starts[m + 1] === e && (MISDECODED_END.test(texts[m]) || MISDECODED_START.test(texts[m + 1]))) {
          m++;
          e = starts[m] + texts[m].length;
        }
        // "JosÃ©" ends in the symbol after the lead byte ("Ã")
        if (m > k && (LETTER_END.test(texts[m]) || (MISDECODED_START.test(texts[m]) && LATIN1_LEAD_END.test(texts[m - 1])))) [j, end] = [m, e];
      }
      const surface = text.slice(starts[k], end);
      if (j !== k) lemma = surface;
      const i = tokens.length;
      tokens.push({
        i,
        text: surface,
        start: starts[k],
        end,
        pos,
        lemma: normalizeWord(lemma),
        norm: normalizeWord(surface),
        negated: negations[k],
        sentence: si,
      });
      k = j;
    }
    const tokenEnd = tokens.length;
    if (tokenEnd === tokenStart) continue;
    const start = tokens[tokenStart].start;
    const end = tokens[tokenEnd - 1].end;
    sentences.push({ index: sentences.length, start, end, text: text.slice(start, end), tokenStart, tokenEnd });
  }
  // sentence indices may shift if an empty sentence was skipped
  for (const s of sentences) for (let i = s.tokenStart; i < s.tokenEnd; i++) tokens[i].sentence = s.index;
  return { text, tokens, sentences };
}

/** A future auxiliary ("will", "'ll", "won't", "would", "shall") among tokens [from, to): an action still to come. */
export function hasFutureAuxiliary(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    if (t.lemma === 'WILL' || t.lemma === 'WOULD' || t.norm === 'WOULD' || t.norm === 'SHALL') return true;
  }
  return false;
}

export { lexicon } from './lexicon.ts';
