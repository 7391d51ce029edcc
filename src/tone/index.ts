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
import Sentiment from 'sentiment';
import type { Stage } from '../pipeline/index.ts';

export interface ToneDetail {
  tone: number;
  words: number;
  positive: number;
  negative: number;
}

const analyzer = new Sentiment();

/** Tone of a text, with the counts it was computed from. */
export function toneDetail(text: string): ToneDetail {
  const r = analyzer.analyze(text);
  const words = r.tokens.filter((t) => t !== '').length;
  const positive = r.positive.length;
  const negative = r.negative.length;
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
