import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tone, toneDetail } from './index.ts';

test('tone_formula: (positive - negative words) / words x 100', () => {
  // 11 words; AFINN scores "rebels", "killed" and "condemned" negative, "welcomed" positive: (1 - 3) / 11 x 100
  assert.deepEqual(toneDetail('Rebels killed ten soldiers; the UN condemned it and welcomed talks.'), {
    tone: -18.18,
    words: 11,
    positive: 1,
    negative: 3,
  });
});

test('tone_sign: conflict news is negative, cooperation positive, neutral text zero', () => {
  assert.ok(tone('Troops attacked the city, killing dozens and wounding hundreds in a brutal assault.') < 0);
  assert.ok(tone('The leaders praised the agreement and welcomed the progress of the friendly talks.') > 0);
  assert.equal(tone('The minister travelled to Geneva on Tuesday.'), 0);
  assert.equal(tone(''), 0);
});

test('tone_negation: a negated word counts with the opposite sign', () => {
  assert.ok(tone('The talks were not good.') < 0);
});
