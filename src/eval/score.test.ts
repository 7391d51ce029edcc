import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EventRecord } from '../model/index.ts';
import { eventTotals, eventTriples, normaliseTriple, rootLevelTriple, scoreRecord, type Triple } from './index.ts';

const t = (source: string, target: string, code: string): Triple => ({ source, target, code });
const A = t('ARN', 'GON', '112');
const B = t('GON', 'ARN', '111');
const C = t('GONGOV', '---', '010');

test('score: identical multisets are exactly right', () => {
  const s = scoreRecord([A, B], [B, A]);
  assert.deepEqual({ matched: s.matched, exact: s.exact, missing: s.missing, extra: s.extra }, { matched: 2, exact: true, missing: [], extra: [] });
});

test('score: each expected triple is matched at most once', () => {
  const s = scoreRecord([A], [A, A]);
  assert.equal(s.matched, 1);
  assert.equal(s.exact, false);
  assert.deepEqual(s.extra, [A]);
});

test('score: a duplicated expected triple needs two predictions', () => {
  const s = scoreRecord([A, A], [A]);
  assert.equal(s.matched, 1);
  assert.deepEqual(s.missing, [A]);
  assert.equal(s.exact, false);
  assert.equal(scoreRecord([A, A], [A, A]).exact, true);
});

test('score: missing and extra are reported separately', () => {
  const s = scoreRecord([A, B], [B, C]);
  assert.equal(s.matched, 1);
  assert.deepEqual(s.missing, [A]);
  assert.deepEqual(s.extra, [C]);
});

test('score: a no-event record is exactly right only when nothing is predicted', () => {
  assert.equal(scoreRecord([], []).exact, true);
  const s = scoreRecord([], [A]);
  assert.equal(s.exact, false);
  assert.deepEqual(s.extra, [A]);
});

test('score: a triple differing in any field does not match', () => {
  for (const p of [t('ARN', 'GON', '111'), t('ARN', '---', '112'), t('GON', 'GON', '112')]) {
    assert.equal(scoreRecord([A], [p]).matched, 0);
  }
});

test('score: precision, recall and F1 are micro-averaged over records', () => {
  const totals = eventTotals([
    scoreRecord([A, B], [A, B]), // 2 expected, 2 predicted, 2 matched
    scoreRecord([A], [C, B]), //    1 expected, 2 predicted, 0 matched
    scoreRecord([C], []), //        1 expected, 0 predicted
  ]);
  assert.equal(totals.eventsExpected, 4);
  assert.equal(totals.eventsPredicted, 4);
  assert.equal(totals.eventsMatched, 2);
  assert.equal(totals.precision, 0.5);
  assert.equal(totals.recall, 0.5);
  assert.equal(totals.f1, 0.5);
  const uneven = eventTotals([scoreRecord([A, B, C, A], [A])]);
  assert.equal(uneven.precision, 1);
  assert.equal(uneven.recall, 0.25);
  assert.equal(uneven.f1, 0.4);
});

test('score: nothing predicted gives precision 0, not NaN', () => {
  const totals = eventTotals([scoreRecord([A], [])]);
  assert.deepEqual([totals.precision, totals.recall, totals.f1], [0, 0, 0]);
  assert.deepEqual(eventTotals([]).f1, 0);
});

test('score: actor codes compare case-insensitively, empty target is ---', () => {
  assert.deepEqual(normaliseTriple(t(' pse', '', '042 ')), t('PSE', '---', '042'));
});

test('score: negated events are not scored; a missing target becomes ---', () => {
  const span = { text: 'x', start: 0, end: 1 };
  const ev = (code: string, negated: boolean, target: string | null): EventRecord => ({
    sentence: 0,
    source: { ...span, code: 'ARN' },
    target: target === null ? null : { ...span, code: target },
    code,
    root: code.slice(0, 2),
    quadClass: 3,
    goldstein: -2,
    verb: span,
    negated,
  });
  assert.deepEqual(eventTriples([ev('112', false, 'GON'), ev('190', true, 'GON'), ev('010', false, null)]), [A, t('ARN', '---', '010')]);
});

test('score: at root level a sub-code or a sector is not a different event, another root or country is', () => {
  const expected = [t('ISR', 'PSEGOV', '084'), t('SYRREB', 'PHL', '193')];
  const predicted = [t('ISR', 'PSEGOV', '0841'), t('SYRREB', 'PHLMIL', '193')];
  assert.equal(scoreRecord(expected, predicted).matched, 0);
  assert.equal(scoreRecord(expected.map(rootLevelTriple), predicted.map(rootLevelTriple)).matched, 2);
  assert.equal(scoreRecord([rootLevelTriple(t('ISR', 'PSE', '084'))], [rootLevelTriple(t('ISR', 'PSE', '112'))]).matched, 0);
  assert.equal(scoreRecord([rootLevelTriple(t('ISR', 'PSE', '084'))], [rootLevelTriple(t('ISR', 'LBN', '084'))]).matched, 0);
});
