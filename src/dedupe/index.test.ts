import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EventRecord } from '../model/index.ts';
import { collapseRepeats } from './index.ts';

function event(sentence: number, at: number, over: Partial<EventRecord> = {}): EventRecord {
  return {
    sentence,
    source: { code: 'RUS', text: 'Russia', start: at, end: at + 6 },
    target: { code: 'UKR', text: 'Ukraine', start: at + 16, end: at + 23 },
    code: '111',
    root: '11',
    quadClass: 3,
    goldstein: -2,
    verb: { text: 'criticized', start: at + 7, end: at + 15 },
    negated: false,
    date: '2026-02-10',
    modality: 'asserted',
    ...over,
  };
}

test('dedupe_collapse: same source, target, code and date: one event, every mention kept', () => {
  const events = [event(0, 0), event(1, 40), event(2, 80, { code: '112' }), event(3, 120)];
  const out = collapseRepeats(events);
  assert.equal(out.length, 2);
  assert.equal(out[0].mentions, 3);
  assert.deepEqual(out[0].evidence!.map((m) => [m.sentence, m.verb.start, m.source.start, m.target!.start]), [
    [0, 7, 0, 16],
    [1, 47, 40, 56],
    [3, 127, 120, 136],
  ]);
  assert.equal(out[1].code, '112');
  assert.equal(out[1].mentions, 1);
  assert.equal(out[1].evidence, undefined);
  assert.equal(events[0].mentions, undefined, 'the input is not modified');
});

test('dedupe_keys: another date, target or modality is another event', () => {
  const out = collapseRepeats([
    event(0, 0),
    event(1, 40, { date: '2026-02-09' }),
    event(2, 80, { target: null }),
    event(3, 120, { modality: 'negated', negated: true }),
    event(4, 160, { target: { code: 'UKRGOV', text: 'Kyiv', start: 176, end: 180 } }),
  ]);
  assert.equal(out.length, 5);
  assert.ok(out.every((e) => e.mentions === 1));
});
