import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EventRow } from '../store/index.ts';
import { actorCodeParts } from '../store/index.ts';
import {
  csvRow,
  DYAD_COLUMNS,
  dyadCells,
  EVENT_COLUMNS,
  eventCells,
  eventPlover,
  fractionDate,
  GDELT_COLUMNS,
  gdeltCells,
  gdeltRow,
  tableHeader,
  tableRow,
  tsvRow,
} from './index.ts';

const span = (text: string, start: number) => ({ text, start, end: start + text.length });

function row(over: Partial<EventRow> = {}): EventRow {
  return {
    eventId: 42,
    articleId: 'wire-7',
    date: '2026-03-02',
    sourceCountry: 'ISR',
    targetCountry: null,
    counted: true,
    index: 2,
    event: {
      sentence: 1,
      source: { code: 'ISRGOVMIL', name: 'BENJAMIN_NETANYAHU', ...span('Netanyahu', 30) },
      target: { code: 'IGOUNO', ...span('the UN', 50) },
      code: '1121',
      root: '11',
      quadClass: 3,
      goldstein: -2,
      verb: span('accused', 40),
      negated: false,
      mentions: 2,
      plover: { type: 'ACCUSE', mode: 'allege' },
      location: { name: 'Geneva', country: 'CHE', lat: 46.2, lon: 6.15, geonameid: 2660646, precision: 'city' },
    },
    sentence: { start: 30, end: 70, text: 'Netanyahu accused the UN of "bias", again.' },
    title: 'A title, with "quotes"',
    source: '/news/wire-7.txt',
    url: 'https://wire.test/7',
    numArticles: 3,
    numSources: 2,
    tone: -4.5,
    addedAt: '2026-03-03T10:11:12Z',
    ...over,
  };
}

test('export_actorCodeParts: country, known group and role types', () => {
  assert.deepEqual(actorCodeParts('ISRGOVMIL'), { country: 'ISR', knownGroup: null, types: ['GOV', 'MIL'] });
  assert.deepEqual(actorCodeParts('IGOUNO'), { country: null, knownGroup: 'UNO', types: [] });
  assert.deepEqual(actorCodeParts('NGOHRI'), { country: null, knownGroup: null, types: ['HRI'] });
  assert.deepEqual(actorCodeParts('GOV'), { country: null, knownGroup: null, types: ['GOV'] });
  assert.deepEqual(actorCodeParts('AFR'), { country: 'AFR', knownGroup: null, types: [] });
  assert.deepEqual(actorCodeParts(''), { country: null, knownGroup: null, types: [] });
});

test('export_gdelt: 61 named columns in GDELT 2.0 order; what Dyad knows filled, the rest empty', () => {
  assert.equal(GDELT_COLUMNS.length, 61);
  assert.deepEqual(GDELT_COLUMNS.slice(0, 7), ['GlobalEventID', 'Day', 'MonthYear', 'Year', 'FractionDate', 'Actor1Code', 'Actor1Name']);
  assert.equal(GDELT_COLUMNS[25], 'IsRootEvent');
  assert.equal(GDELT_COLUMNS[34], 'AvgTone');
  assert.equal(GDELT_COLUMNS[51], 'ActionGeo_Type');
  assert.deepEqual(GDELT_COLUMNS.slice(-2), ['DATEADDED', 'SOURCEURL']);
  const cells = gdeltCells(row());
  assert.equal(cells.length, 61);
  const v = Object.fromEntries(GDELT_COLUMNS.map((c, i) => [c, cells[i] ?? '']));
  assert.deepEqual(
    [v.GlobalEventID, v.Day, v.MonthYear, v.Year, v.FractionDate, v.Actor1Code, v.Actor1Name, v.Actor1CountryCode, v.Actor1Type1Code, v.Actor1Type2Code],
    [42, '20260302', '202603', '2026', '2026.1643', 'ISRGOVMIL', 'BENJAMIN NETANYAHU', 'ISR', 'GOV', 'MIL'],
  );
  assert.deepEqual([v.Actor2Code, v.Actor2Name, v.Actor2CountryCode, v.Actor2KnownGroupCode], ['IGOUNO', 'THE UN', '', 'UNO']);
  assert.deepEqual([v.IsRootEvent, v.EventCode, v.EventBaseCode, v.EventRootCode, v.QuadClass, v.GoldsteinScale], [1, '1121', '112', '11', 3, -2]);
  assert.deepEqual([v.NumMentions, v.NumSources, v.NumArticles, v.AvgTone], [6, 2, 3, -4.5]);
  assert.deepEqual([v.ActionGeo_Type, v.ActionGeo_FullName, v.ActionGeo_CountryCode, v.ActionGeo_Lat, v.ActionGeo_Long, v.ActionGeo_FeatureID], [4, 'Geneva', 'CHE', 46.2, 6.15, 2660646]);
  assert.equal(v.Actor1Geo_Type, '');
  assert.deepEqual([v.DATEADDED, v.SOURCEURL], ['20260303101112', 'https://wire.test/7']);
  const line = gdeltRow(row({ date: null, url: null, tone: null, event: { ...row().event, sentence: 5, target: null } }));
  const f = line.split('\t');
  assert.equal(f.length, 61);
  assert.deepEqual([f[1], f[4], f[25], f[60]], ['', '', '0', '/news/wire-7.txt']);
});

test('export_fractionDate: share of the year elapsed', () => {
  assert.equal(fractionDate('2026-01-01'), '2026.0000');
  assert.equal(fractionDate('2026-12-31'), '2026.9972');
  assert.equal(fractionDate('2024-07-02'), '2024.5000');
});

test('export_events: csv quoting, tsv flattening, documented columns', () => {
  assert.equal(csvRow(['a', 'b,c', 'say "hi"', null, 3, 'x\ny']), 'a,"b,c","say ""hi""",,3,"x\ny"');
  assert.equal(tsvRow(['a\tb', 'c\nd', undefined]), 'a b\tc d\t');
  const cells = eventCells(row());
  assert.equal(cells.length, EVENT_COLUMNS.length);
  const v = Object.fromEntries(EVENT_COLUMNS.map((c, i) => [c, cells[i]]));
  assert.deepEqual([v.event_id, v.article_id, v.source_code, v.target_country, v.code, v.plover_type, v.mentions, v.num_articles, v.url], [42, 'wire-7', 'ISRGOVMIL', null, '1121', 'ACCUSE', 2, 3, 'https://wire.test/7']);
});

test('export_plover: one PLOVER record per stored event, id from the article and the event index', () => {
  const rec = eventPlover(row())!;
  assert.equal(rec.id, 'wire-7-3');
  assert.deepEqual(rec.event, ['ACCUSE']);
  assert.equal(rec.date, '2026-03-02');
  assert.equal(rec.text, 'Netanyahu accused the UN of "bias", again.');
  assert.equal(rec.cameo_code, '1121');
  assert.equal(eventPlover(row({ event: { ...row().event, plover: undefined } })), null);
});

test('export_dyads and table: columns and fixed widths', () => {
  const cells = dyadCells({ source: 'ISR', target: 'RUS', period: '2026-03', events: 3, quad: [1, 0, 2, 0], goldsteinSum: -2.5, goldsteinMean: -0.833 });
  assert.equal(cells.length, DYAD_COLUMNS.length);
  const cols = [{ name: 'a', width: 3 }, { name: 'n', width: 4, align: 'right' as const }, { name: 'text', width: 6 }];
  assert.equal(tableHeader(cols), 'a       n  text');
  assert.equal(tableRow(cols, ['abcdef', 7, 'long text here']), 'ab…     7  long …');
});
