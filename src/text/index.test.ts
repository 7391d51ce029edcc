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

test('text: a word split by text decoded in the wrong character set is one token again', () => {
  // "José" and "François" written as UTF-8 and read as Latin-1 (the second also decomposed), as some feeds deliver them
  const text = 'Minister Jos\u00c3\u00a9 Ramos and Fran\u0041\u0303\u0083\u0041\u0302\u00a7ois Dupont met; AT&T paid 25\u00b0 less.';
  const doc = analyze(text);
  for (const t of doc.tokens) assert.equal(text.slice(t.start, t.end), t.text);
  const words = doc.tokens.map((t) => t.text);
  assert.ok(words.includes('Jos\u00c3\u00a9'));
  assert.ok(words.includes('Fran\u0041\u0303\u0083\u0041\u0302\u00a7ois'));
  assert.equal(doc.tokens.find((t) => t.text.startsWith('Fran'))?.pos, 'PROPN');
});
