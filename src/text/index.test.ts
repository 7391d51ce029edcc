import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from './index.ts';

test('text: token offsets point into the original text', () => {
  const text = 'Israel’s envoy didn’t meet  Gondor on Tuesday. Russia urged a cease-fire.';
  const doc = analyze(text);
  for (const t of doc.tokens) assert.equal(text.slice(t.start, t.end), t.text);
  assert.equal(doc.sentences.length, 2);
  assert.equal(doc.sentences[1].text, 'Russia urged a cease-fire.');
});

test('text: hyphenated words are one token, spaced hyphens are not', () => {
  const doc = analyze('They agreed to a cease-fire with anti- Gondor forces.');
  const norms = doc.tokens.map((t) => t.norm);
  assert.ok(norms.includes('CEASE-FIRE'));
  assert.ok(norms.includes('ANTI'));
});

test('text: curly apostrophes are normalised for matching', () => {
  const doc = analyze('Gondor’s leaders won’t go.');
  assert.deepEqual(doc.tokens.map((t) => t.norm).slice(0, 2), ['GONDOR', "'S"]);
  assert.equal(doc.tokens.find((t) => t.norm === "N'T")?.lemma, 'NOT');
});

test('text: empty input gives an empty document', () => {
  const doc = analyze('   ');
  assert.equal(doc.sentences.length, 0);
});
