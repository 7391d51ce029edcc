/**
 * Quotation marks: pair opening and closing marks into quote spans, over
 * sentence and paragraph breaks. Curly marks say which way they face; a
 * straight mark is read from the characters around it. A quote left open at
 * the end of a paragraph continues when the next paragraph opens with a mark
 * (the wire convention for multi-paragraph quotes); otherwise it ends there.
 */
import type { Doc } from '../text/index.ts';

/** One quotation between marks, as token indices into `Doc.tokens`. */
export interface QuoteSpan {
  /** The (first token of the) opening mark. */
  open: number;
  /** The (last token of the) closing mark, or the last token of the paragraph when the quote was left open. */
  close: number;
  /** False when the quote was left open at a paragraph's end. */
  closed: boolean;
  /** Per paragraph: [first token, last token] (both marks included), in order. */
  parts: Array<[number, number]>;
}

const OPENING = new Set(['“', '„', '«']);
const CLOSING = new Set(['”', '»']);
const STRAIGHT = new Set(['"', '＂']);

export function isQuoteMark(text: string): boolean {
  return OPENING.has(text) || CLOSING.has(text) || STRAIGHT.has(text);
}

/** Paragraph index of every token: a new paragraph starts after any line break. */
export function paragraphsOf(doc: Doc): number[] {
  const para: number[] = new Array(doc.tokens.length);
  let p = 0;
  for (let i = 0; i < doc.tokens.length; i++) {
    if (i > 0 && doc.text.slice(doc.tokens[i - 1].end, doc.tokens[i].start).includes('\n')) p++;
    para[i] = p;
  }
  return para;
}

type Facing = 'open' | 'close' | 'either';

interface Mark {
  /** First and last token of the mark: two for a doubled apostrophe (\'\' as some papers write a quotation mark). */
  first: number;
  last: number;
  facing: Facing;
}

function facing(doc: Doc, first: number, last: number): Facing {
  const t = doc.tokens[first];
  const start = t.start;
  const end = doc.tokens[last].end;
  const before = start > 0 ? doc.text[start - 1] : '';
  const after = end < doc.text.length ? doc.text[end] : '';
  const opens = (before === '' || /[\s([{\u2014\u2013\u2015-]/.test(before)) && after !== '' && !/\s/.test(after);
  const closes = before !== '' && !/\s/.test(before) && (after === '' || /[\s.,;:!?)\]\u2014\u2013\u2015-]/.test(after));
  // a curly mark facing the wrong way (”Fear. I am …) is read from its surroundings
  if (OPENING.has(t.text)) return closes && !opens ? 'close' : 'open';
  if (CLOSING.has(t.text)) return opens && !closes ? 'open' : 'close';
  if (opens && !closes) return 'open';
  if (closes && !opens) return 'close';
  return 'either';
}

/** The quotation marks of the document, in order. */
function marks(doc: Doc): Mark[] {
  const out: Mark[] = [];
  const tokens = doc.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    let last = -1;
    if (isQuoteMark(t.text)) last = i;
    else if ((t.text === "'" || t.text === '\u2019') && i + 1 < tokens.length && tokens[i + 1].text === t.text && tokens[i + 1].start === t.end) last = i + 1;
    else if (t.text === "''") last = i;
    if (last < 0) continue;
    out.push({ first: i, last, facing: facing(doc, i, last) });
    i = last;
  }
  return out;
}

/** 1 for every token that is (part of) a quotation mark. */
export function markTokens(doc: Doc): Uint8Array {
  const out = new Uint8Array(doc.tokens.length);
  for (const m of marks(doc)) for (let i = m.first; i <= m.last; i++) out[i] = 1;
  return out;
}

/** Every quotation in the document, in text order. */
export function findQuoteSpans(doc: Doc, para: number[] = paragraphsOf(doc)): QuoteSpan[] {
  const pieces: Array<{ open: number; close: number; closed: boolean }> = [];
  let open = -1;
  const lastOfParagraph = (i: number): number => {
    let j = i;
    while (j + 1 < doc.tokens.length && para[j + 1] === para[i]) j++;
    return j;
  };
  for (const m of marks(doc)) {
    const i = m.first;
    const f = m.facing;
    if (open >= 0 && para[i] !== para[open]) {
      // the open quote ran to the end of its paragraph
      pieces.push({ open, close: lastOfParagraph(open), closed: false });
      open = -1;
    }
    if (open < 0) {
      if (f !== 'close') open = i;
      continue;
    }
    if (f === 'open') {
      // two openings in one paragraph: the first was never closed; it ends before the second
      if (i - 1 > open) pieces.push({ open, close: i - 1, closed: false });
      open = i;
    } else {
      pieces.push({ open, close: m.last, closed: true });
      open = -1;
    }
  }
  if (open >= 0) pieces.push({ open, close: lastOfParagraph(open), closed: false });

  // join a piece left open at a paragraph's end with the one opening the next paragraph
  const spans: QuoteSpan[] = [];
  for (let k = 0; k < pieces.length; k++) {
    const piece = pieces[k];
    const span: QuoteSpan = { open: piece.open, close: piece.close, closed: piece.closed, parts: [[piece.open, piece.close]] };
    let last = piece;
    while (!last.closed && k + 1 < pieces.length) {
      const next = pieces[k + 1];
      const startsParagraph = next.open > 0 && para[next.open] === para[last.close] + 1 && para[next.open - 1] !== para[next.open];
      if (!startsParagraph) break;
      span.parts.push([next.open, next.close]);
      span.close = next.close;
      span.closed = next.closed;
      last = next;
      k++;
    }
    spans.push(span);
  }
  return spans;
}
