import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCoder } from '../events/index.ts';
import { placesStage } from './index.ts';

const coder = await createCoder({ stages: [placesStage] });
const code = (text: string) => coder.code({ text, date: '2025-11-20' });
const places = (text: string) => (code(text).places ?? []).map((p) => (p.country ? `${p.text}=${p.country}` : `${p.text}?`));

test('places: offsets point at the mention', () => {
  const text = 'Shelling resumed in Kherson on Friday.';
  const [p] = code(text).places!;
  assert.equal(text.slice(p.start, p.end), 'Kherson');
  assert.equal(p.name, 'Kherson');
  assert.equal(p.country, 'UKR');
  assert.equal(typeof p.geonameid, 'number');
  assert.ok(Math.abs(p.lat! - 46.64) < 0.1 && Math.abs(p.lon! - 32.61) < 0.1);
});

test('places: datelines in wire styles', () => {
  assert.deepEqual(places('KYIV, Nov 20 (Reuters) - Ukraine said it shot down 30 drones.'), ['KYIV=UKR']);
  assert.deepEqual(places('GAZA CITY: Families returned to ruined homes.'), ['GAZA CITY=PSE']);
  assert.deepEqual(places('Washington (AP) — The Senate passed the bill.'), ['Washington=USA']);
  assert.deepEqual(places('ABUJA, Nigeria, March 3 (AFP) - Gunmen kidnapped 20 people.'), ['ABUJA=NGA']);
  assert.deepEqual(places('Talks stall\nBEIRUT/JERUSALEM, Jan 2 (Reuters) - Fighting went on.'), ['BEIRUT=LBN', 'JERUSALEM=ISR']);
  assert.deepEqual(places('UNITED NATIONS, Nov 20 (Reuters) - The council met.'), ['UNITED NATIONS?']);
  assert.deepEqual(places('BREAKING: The council met.'), []);
});

test('places: a country is a place only when used as one', () => {
  assert.deepEqual(places('Russia said it would respond.'), []);
  assert.deepEqual(places('Talks in Russia failed.'), ['Russia=RUS']);
  assert.deepEqual(places('Fighting raged in eastern Ukraine.'), ['Ukraine=UKR']);
  assert.deepEqual(places('Russian troops invaded Ukraine.'), ['Ukraine=UKR']);
});

test('places: a capital standing for its state is not a place', () => {
  assert.deepEqual(places('Moscow warned Washington against new sanctions.'), []);
  assert.deepEqual(places('Damascus rejected the report.'), []);
  assert.deepEqual(places('Kyiv was hit by missiles overnight.'), ['Kyiv=UKR']);
  assert.deepEqual(places('Russia attacked Kyiv with drones.'), ['Kyiv=UKR']);
});

test('places: people and organisations named after places are not places', () => {
  assert.deepEqual(places('Israel Katz spoke to reporters.'), []);
  assert.deepEqual(places('The New York Times reported the deal.'), []);
  assert.deepEqual(places('Parties to the Paris Agreement met.'), []);
  assert.deepEqual(places('President Jackson spoke.'), []);
  assert.deepEqual(places('Reading is a pleasure.'), []);
  assert.deepEqual(places('The vote is due in March.'), []);
});

test('places: ambiguous names read by qualifier, by the article, then by population', () => {
  assert.deepEqual(places('A storm hit Paris, Texas.'), ['Paris=USA', 'Texas=USA']);
  assert.deepEqual(places('Leaders met in Paris.'), ['Paris=FRA']);
  assert.deepEqual(places('Lebanese officials said strikes hit Tripoli.'), ['Tripoli=LBN']);
  assert.deepEqual(places('Rival factions met in Tripoli.'), ['Tripoli=LBY']);
  assert.deepEqual(places('The refinery in Odessa, Texas, reopened.'), ['Odessa=USA', 'Texas=USA']);
  assert.deepEqual(places("Jets struck near Lebanon's Tripoli."), ['Lebanon=LBN', 'Tripoli=LBN']);
});

test('places: unknown names after locative prepositions are listed unresolved', () => {
  assert.deepEqual(places('Troops entered the village of Klishchiivka.'), ['Klishchiivka?']);
  assert.deepEqual(places('Ships collided near Scarborough Shoal.'), ['Scarborough Shoal?']);
  assert.deepEqual(places('The minister spoke in Arabic at the ceremony.'), []);
});

test('places: a city followed by "region" or "Oblast" locates an event at region precision', () => {
  const a = code('Russian forces attacked Ukrainian positions in the Donetsk region.');
  assert.equal(a.events[0]?.location?.name, 'Donetsk');
  assert.equal(a.events[0]?.location?.precision, 'region');
});

test('places: an event is located in its sentence, after "in" first, else at the dateline', () => {
  const a = code('KYIV, Nov 20 (Reuters) - Russian forces from Belgorod attacked Ukrainian troops near Vovchansk. Ukraine accused Russia of war crimes.');
  assert.equal(a.events.length >= 2, true);
  const attack = a.events.find((e) => e.root === '19')!;
  assert.deepEqual(attack.location, { name: 'Vovchans’k', country: 'UKR', lat: attack.location!.lat, lon: attack.location!.lon, geonameid: 689304, precision: 'city' });
  const accuse = a.events.find((e) => e.root === '11')!;
  assert.equal(accuse.location?.name, 'Kyiv');
});

test('places: a city of the country named says more than the country', () => {
  const a = code('Lebanese officials said Israeli strikes hit Tripoli in northern Lebanon.');
  assert.equal(a.events[0]?.location?.name, 'Tripoli');
  assert.equal(a.events[0]?.location?.country, 'LBN');
});

test('places: no place, no location', () => {
  const a = code('Russia criticised the United States.');
  assert.deepEqual(a.places, []);
  assert.equal(a.events[0]?.location, undefined);
});

test('places: a state the actor dictionary knows but the gazetteer does not keeps its country', () => {
  const [p] = code('Gunmen killed 12 worshippers at a mosque in Zamfara, officials said.').places!;
  assert.equal(p.text, 'Zamfara');
  assert.equal(p.country, 'NGA');
  assert.equal(p.lat, undefined);
});
