import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadDictionaries } from '../dictionaries/index.ts';
import { analyze } from '../text/index.ts';
import { displayName, findMentions, groupActors, isPersonEntry, rememberNames, type ArticleNames } from './index.ts';

const MINI = new URL('../../test/fixtures/dict-mini/', import.meta.url).pathname;
const dicts = loadDictionaries({ dirs: [MINI], builtin: false });

/** The actor phrases of a one-sentence text, as "words=CODE", on the article date given (YYYYMMDD). */
function phrases(text: string, d = dicts, date = 20230501): string[] {
  const doc = analyze(text);
  const s = doc.sentences[0];
  const mentions = findMentions(doc.tokens, s.tokenStart, s.tokenEnd, d, date);
  return groupActors(doc.tokens, mentions, () => false).map((g) => `${doc.tokens.slice(g.start, g.end).map((t) => t.text).join(' ')}=${g.code}`);
}

test('actors: a named group without a country is placed by a place after the noun it modifies', () => {
  assert.deepEqual(phrases('Arnor shelled a Police Academy compound near Minas Tirith.'), ['Arnor=ARN', 'Police Academy compound near Minas Tirith=GONCOP']);
  assert.deepEqual(phrases('Arnor bombed a Police Academy building southwest of Gondor.'), ['Arnor=ARN', 'Police Academy building southwest of Gondor=GONCOP']);
  // a sector word that only modifies a common noun names a thing or an event, no actor to place
  assert.deepEqual(phrases('Arnor held soldier drills in Gondor.'), ['Arnor=ARN', 'Gondor=GON']);
  // "of" or "from" alone says what the noun is about, or where something starts: not where the group is
  assert.deepEqual(phrases('Arnor condemned the Police Academy raid of Gondor.'), ['Arnor=ARN', 'Police Academy=---COP', 'Gondor=GON']);
  assert.deepEqual(phrases('Arnor welcomed a Police Academy withdrawal from Gondor.'), ['Arnor=ARN', 'Police Academy=---COP', 'Gondor=GON']);
  // the place does not lend the sector to what is listed after it
  assert.deepEqual(phrases('Police Academy units in Gondor, Rohan and Mordor were shelled.'), ['Police Academy units in Gondor=GONCOP', 'Rohan=ROH', 'Mordor=MOR']);
});

test('actors: a maker named before a model number names the thing, whose owner is the actor named first', () => {
  assert.deepEqual(phrases('An Arnor Gondor 777 flight landed in Rohan.'), ['Arnor Gondor=ARN', 'Rohan=ROH']);
  assert.deepEqual(phrases('Arnor sold a Gondor A-330 jet to Rohan.'), ['Arnor=ARN', 'Gondor A-330=GON', 'Rohan=ROH']);
  // a year after two names is no model
  assert.deepEqual(phrases('The Arnor Gondor 2014 accord was signed.'), ['Arnor=ARN', 'Gondor=GON']);
});

test('actors: a built-in dated role follows the article date (Sedki Sobhi, army chief of staff, then defence minister)', () => {
  const builtin = loadDictionaries({});
  const text = 'CAIRO (Reuters) - Sedki Sobhi met a visiting Russian military delegation on Sunday, state media said.';
  const sobhi = (date: number) => phrases(text, builtin, date).find((p) => p.startsWith('Sedki Sobhi='));
  assert.equal(sobhi(20131020), 'Sedki Sobhi=EGYMIL');
  assert.equal(sobhi(20160510), 'Sedki Sobhi=EGYGOV');
  // after his last role (2018-06-14) he is still Egyptian: the country all his roles share
  assert.equal(sobhi(20190510), 'Sedki Sobhi=EGY');
});

test('actors: names are shown in title case, a person\'s short names too ("Joe Biden", "Xi Jinping"); a body keeps its acronyms ("UN Security Council")', () => {
  assert.equal(displayName('JOE BIDEN', true), 'Joe Biden');
  assert.equal(displayName('XI JINPING', true), 'Xi Jinping');
  assert.equal(displayName('UN SECURITY COUNCIL'), 'UN Security Council');
  assert.equal(displayName('UNITED STATES OF AMERICA'), 'United States of America');
  assert.equal(displayName('J. D. VANCE', true), 'J. D. Vance');
});

test('actors: an armed group\'s code takes no second armed sector ("the paramilitary Rapid Support Forces" is SDNREB)', () => {
  const builtin = loadDictionaries({});
  assert.deepEqual(phrases('The paramilitary Rapid Support Forces attacked Sudanese militiamen.', builtin, 20250910), [
    'paramilitary Rapid Support Forces=SDNREB',
    'Sudanese militiamen=SDNUAF',
  ]);
});

test('actors: an entry with dated codes is a person unless its name names an organisation', () => {
  const builtin = loadDictionaries({});
  const groupsOf = (text: string) => {
    const doc = analyze(text);
    const s = doc.sentences[0];
    return groupActors(doc.tokens, findMentions(doc.tokens, s.tokenStart, s.tokenEnd, builtin, 20250910), () => false);
  };
  const [rsf, dagalo] = groupsOf('The Rapid Support Forces of Mohamed Hamdan Dagalo attacked.');
  assert.equal(rsf.person, undefined);
  assert.equal(dagalo.person, true);
  assert.ok(isPersonEntry(findMentions(analyze('Dagalo').tokens, 0, 1, builtin, 20250910)[0].actor!));
});

test('actors: a name met in full is known by its surname, without "al-"; a flag or owner names a country', () => {
  const builtin = loadDictionaries({});
  const names: ArticleNames = new Map();
  const doc = analyze('General Abdel Fattah al-Burhan spoke. Burhan accused the rebels.');
  const [first, second] = doc.sentences;
  rememberNames(doc.tokens, groupActors(doc.tokens, findMentions(doc.tokens, first.tokenStart, first.tokenEnd, builtin, 20250910), () => false), names);
  const later = groupActors(doc.tokens, findMentions(doc.tokens, second.tokenStart, second.tokenEnd, builtin, 20250910, names), () => false);
  assert.deepEqual([later[0].code, later[0].name, later[0].person], ['SDNGOVMIL', 'Abdel Fattah Al-Burhan', true]);
  assert.deepEqual(phrases('Rebels attacked a Liberian-flagged tanker and a Greek-owned ship.', builtin, 20250910), ['Rebels=---REB', 'Liberian-flagged=LBR', 'Greek-owned=GRC']);
});
