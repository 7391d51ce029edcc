import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCoder } from '../events/index.ts';
import { entitiesStage } from './index.ts';

const MINI = new URL('../../test/fixtures/dict-mini/', import.meta.url).pathname;
const coder = await createCoder({ dictDirs: [MINI], builtin: false, stages: [entitiesStage] });

test('entities: actors are typed, coded and named; unknown people are found by name', () => {
  const text = 'The Arnorian foreign minister met Gondor. Mordor troops shelled Rohan, said Tomas Varga.';
  const { entities } = coder.code({ text, date: '2023-05-01' });
  const byText = new Map(entities!.map((e) => [e.text, e]));
  assert.equal(byText.get('Arnorian foreign minister')?.code, 'ARNGOV');
  assert.equal(byText.get('Arnorian foreign minister')?.role, 'foreign minister');
  assert.equal(byText.get('Gondor')?.type, 'GPE');
  assert.equal(byText.get('Mordor troops')?.code, 'MORMIL');
  assert.equal(byText.get('Tomas Varga')?.type, 'PERSON');
  assert.equal(byText.get('Tomas Varga')?.code, undefined);
  for (const e of entities!) assert.equal(text.slice(e.start, e.end), e.text);
});

test('entities: a pronoun points at the entity it refers to', () => {
  const text = 'King Theoden condemned Mordor. He said Rohan would fight.';
  const { entities } = coder.code({ text, date: '2022-03-01' });
  const he = entities!.find((e) => e.text === 'He')!;
  assert.ok(he.refersTo !== undefined);
  assert.equal(entities![he.refersTo!].text, 'King Theoden');
  assert.equal(he.code, 'ROHGOV');
});
