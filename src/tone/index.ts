/**
 * Article tone, in the spirit of GDELT's AvgTone: the share of positive words
 * minus the share of negative words, in percent.
 *
 *   tone = (positive words − negative words) / words × 100
 *
 * A word is positive or negative by its score in AFINN-165 (the `sentiment`
 * package's English lexicon, about 3,400 scored words); a word right after a
 * negator ("not good") counts with the opposite sign. `words` counts every
 * token of the text, scored or not. The result is rounded to two decimals;
 * an empty text has tone 0. Typical news runs from about −10 to +5.
 */
import { createRequire } from 'node:module';
import type { Stage } from '../pipeline/index.ts';

export interface ToneDetail {
  tone: number;
  words: number;
  positive: number;
  negative: number;
}

// The lexicon is read from the `sentiment` package's data; scoring is ours, over one
// regular-expression pass, because the package's analyzer allocates per token and was
// the slowest part of the pipeline.
const require = createRequire(import.meta.url);
const AFINN = new Map<string, number>(Object.entries(require('sentiment/languages/en/labels.json') as Record<string, number>));
const NEGATORS = new Set(Object.keys(require('sentiment/languages/en/negators.json') as Record<string, number>));
// the package's tokenizer: lower case, punctuation other than apostrophes and hyphens removed, split on spaces
const PUNCTUATION = /[.,/#!$%^&*;:{}=_`"~()?\[\]]/g;

/** Tone of a text, with the counts it was computed from. */
export function toneDetail(text: string): ToneDetail {
  const tokens = text.toLowerCase().replace(/\n/g, ' ').replace(PUNCTUATION, ' ').split(' ');
  let words = 0;
  let positive = 0;
  let negative = 0;
  let previous = '';
  for (const t of tokens) {
    if (t === '') continue;
    words++;
    let score = AFINN.get(t);
    if (score !== undefined && NEGATORS.has(previous)) score = -score;
    if (score !== undefined && score > 0) positive++;
    else if (score !== undefined && score < 0) negative++;
    previous = t;
  }
  const tone = words === 0 ? 0 : Math.round(((positive - negative) / words) * 100 * 100) / 100;
  return { tone: tone === 0 ? 0 : tone, words, positive, negative };
}

/** Tone of a text: (positive − negative words) / words × 100, two decimals. */
export function tone(text: string): number {
  return toneDetail(text).tone;
}

export const toneStage: Stage = {
  name: 'tone',
  assigns: ['tone'],
  run(ctx) {
    ctx.article.tone = tone(ctx.doc.text);
  },
};
