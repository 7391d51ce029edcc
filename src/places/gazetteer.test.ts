import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getGazetteer, MIN_POPULATION, placeKey, readCities } from './index.ts';

const g = getGazetteer();
const first = (name: string) => g.lookup(placeKey(name))?.[0];

test('places gazetteer: keys drop accents, apostrophes, periods and hyphens', () => {
  assert.equal(placeKey('Khān Yūnis'), 'khan yunis');
  assert.equal(placeKey('U.S.'), 'us');
  assert.equal(placeKey('Port-au-Prince'), 'port au prince');
  assert.equal(placeKey('Sana’a'), 'sanaa');
  assert.equal(placeKey('  Ta‘izz '), 'taizz');
  assert.equal(placeKey('İzmir'), 'izmir');
  assert.equal(placeKey('Łódź'), 'lodz');
});

test('places gazetteer: GeoNames cities above the threshold, capitals below it', () => {
  const cities = readCities(MIN_POPULATION, new Set(['PPLC']));
  assert.ok(cities.length > 20000 && cities.length < 30000, `${cities.length} cities`);
  const kyiv = cities.find((c) => c.id === 703448);
  assert.equal(kyiv?.name, 'Kyiv');
  assert.equal(kyiv?.iso2, 'UA');
  assert.ok(Math.abs(kyiv!.lat - 50.45) < 0.05 && Math.abs(kyiv!.lon - 30.52) < 0.05);
  assert.ok(cities.some((c) => c.featureCode === 'PPLC' && c.population < MIN_POPULATION), 'small capitals are kept');
});

test('places gazetteer: our table gives alternative and historical names', () => {
  assert.equal(first('Kiev')?.name, 'Kyiv');
  assert.equal(first('Kiev')?.geonameid, 703448);
  assert.equal(first('Leningrad')?.name, 'Saint Petersburg');
  assert.equal(first('Bombay')?.country, 'IND');
  assert.equal(first('Geneva')?.country, 'CHE');
  assert.equal(first('West Bank')?.precision, 'region');
  assert.equal(first('Donbas')?.country, 'UKR');
  assert.equal(first('Gaza')?.name, 'Gaza Strip');
});

test('places gazetteer: a table name keeps GeoNames towns of other countries as weaker readings', () => {
  const odessa = g.lookup(placeKey('Odessa'))!;
  assert.equal(odessa[0].country, 'UKR');
  assert.ok(odessa.some((p) => p.country === 'USA'));
  const washington = g.lookup(placeKey('Washington'))!;
  assert.equal(washington[0].name, 'Washington');
  assert.equal(washington.filter((p) => p.country === 'USA').length, 1, 'our row replaces the other U.S. Washingtons');
});

test('places gazetteer: countries by every English name, at their centroid', () => {
  for (const [name, iso] of [['Russia', 'RUS'], ['Russian Federation', 'RUS'], ['United States', 'USA'], ['US', 'USA'], ['Britain', 'GBR'], ['Ivory Coast', 'CIV'], ['Burma', 'MMR'], ['Czechia', 'CZE'], ['Kosovo', 'XKX'], ['Congo', 'COD']]) {
    const p = first(name);
    assert.equal(p?.country, iso, name);
    assert.equal(p?.precision, 'country', name);
  }
  assert.equal(g.countries.size, 250);
});

test('places gazetteer: CAMEO codes map to ISO3', () => {
  assert.equal(g.countryOfCameo('RUSGOV'), 'RUS');
  assert.equal(g.countryOfCameo('ROM'), 'ROU');
  assert.equal(g.countryOfCameo('KSV'), 'XKX');
  assert.equal(g.countryOfCameo('GZS'), 'PSE');
  assert.equal(g.countryOfCameo('IGOUNO'), undefined);
  assert.equal(g.countryOfCameo('MEA'), undefined);
});

test('places gazetteer: names that are also common words are marked', () => {
  assert.ok(g.ambiguous.has('reading'));
  assert.ok(g.ambiguous.has('police'));
  assert.ok(!g.ambiguous.has('kyiv'));
});
