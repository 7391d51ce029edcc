import { test } from 'node:test';
import assert from 'node:assert/strict';
import { articleTop } from './index.ts';

test('summary: top actors, people and places are counted, pronouns through their referent', () => {
  const top = articleTop({
    id: 'a',
    date: null,
    sentences: [],
    events: [],
    entities: [
      { text: 'Russia', start: 0, end: 6, type: 'GPE', code: 'RUS', name: 'Russia' },
      { text: 'Sergey Lavrov', start: 10, end: 23, type: 'PERSON', code: 'RUSGOV', name: 'Sergey Lavrov' },
      { text: 'Ukraine', start: 30, end: 37, type: 'GPE', code: 'UKR', name: 'Ukraine' },
      { text: 'Lavrov', start: 40, end: 46, type: 'PERSON', code: 'RUSGOV', name: 'Sergey Lavrov' },
      { text: 'he', start: 50, end: 52, type: 'PERSON', code: 'RUSGOV', name: 'Sergey Lavrov', refersTo: 3 },
      { text: 'Moscow', start: 60, end: 66, type: 'GPE', code: 'RUS', name: 'Russia' },
    ],
    places: [
      { text: 'Kyiv', start: 70, end: 74, name: 'Kyiv', country: 'UKR' },
      { text: 'Kiev', start: 80, end: 84, name: 'Kyiv', country: 'UKR' },
      { text: 'Geneva', start: 90, end: 96, name: 'Geneva', country: 'CHE' },
    ],
  });
  assert.deepEqual(top.actors[0], { code: 'RUS', name: 'Russia', mentions: 2 });
  assert.deepEqual(top.people[0], { code: 'RUSGOV', name: 'Sergey Lavrov', mentions: 3 });
  assert.deepEqual(top.places[0], { code: 'UKR', name: 'Kyiv', mentions: 2 });
});
