import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createCoder } from '../events/index.ts';
import { placesStage, scoreToponyms, type ExpectedToponym } from './index.ts';

const FIXTURE = new URL('../../test/fixtures/places/toponyms.jsonl', import.meta.url);

test('places: accuracy on our own wire-style toponym set is at least 0.9', async () => {
  const coder = await createCoder({ stages: [placesStage] });
  const records = readFileSync(FIXTURE, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { id: string; text: string; places: ExpectedToponym[] });
  assert.ok(records.length >= 40);
  let expected = 0;
  let correct = 0;
  let extra = 0;
  const wrong: string[] = [];
  for (const r of records) {
    const s = scoreToponyms(r.places, coder.code({ id: r.id, text: r.text, date: '2025-11-20' }).places ?? []);
    expected += s.expected;
    correct += s.correct;
    extra += s.extra;
    for (const m of s.misses) wrong.push(`${r.id}: ${m.expected.text} → ${m.got ? `${m.got.name ?? '?'} ${m.got.country ?? ''}` : 'not found'}`);
    for (const p of s.extras) wrong.push(`${r.id}: extra ${p.text}`);
  }
  const accuracy = correct / expected;
  assert.ok(accuracy >= 0.9, `accuracy ${correct}/${expected} = ${accuracy.toFixed(3)}, ${extra} extra\n${wrong.join('\n')}`);
  assert.ok(extra <= expected * 0.1, `${extra} unexpected places\n${wrong.join('\n')}`);
});
