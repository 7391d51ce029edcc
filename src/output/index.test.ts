import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodedArticle } from '../model/index.ts';
import { toJson, toJsonl, toPloverJsonl, toPloverRecords, tsvHeader, toTsvRows, TSV_COLUMNS } from './index.ts';

// the article's text: 'Putin visited\tKyiv.\nZelensky did not meet him.' (offsets below point into it)
const article: CodedArticle = {
  id: 'a1',
  date: '2026-11-20',
  sentences: [
    { start: 0, end: 19, text: 'Putin visited\tKyiv.' },
    { start: 20, end: 46, text: 'Zelensky did not meet him.' },
  ],
  events: [
    {
      sentence: 0,
      source: { code: 'RUSGOV', text: 'Putin', start: 0, end: 5 },
      target: { code: 'UKR', text: 'Kyiv', start: 14, end: 18 },
      code: '042',
      root: '04',
      quadClass: 1,
      goldstein: 1.9,
      verb: { text: 'visited', start: 6, end: 13 },
      negated: false,
    },
    {
      sentence: 1,
      source: { code: 'UKRGOV', text: 'Zelensky', start: 20, end: 28 },
      target: null,
      code: '036',
      root: '03',
      quadClass: 1,
      goldstein: 4,
      verb: { text: 'meet', start: 37, end: 41 },
      negated: true,
    },
  ],
};

test('output_json: pretty, round-trips, no trailing newline', () => {
  const s = toJson(article);
  assert.deepEqual(JSON.parse(s), article);
  assert.match(s, /\n  "id": "a1"/);
  assert.ok(!s.endsWith('\n'));
});

test('output_jsonl: one compact line that round-trips', () => {
  const s = toJsonl(article);
  assert.ok(!s.includes('\n'));
  assert.deepEqual(JSON.parse(s), article);
});

test('output_tsv: header lists the documented columns', () => {
  assert.equal(tsvHeader().split('\t').length, 28);
  assert.deepEqual(tsvHeader().split('\t'), [...TSV_COLUMNS]);
  assert.ok(tsvHeader().startsWith('id\tdate\tsentence\tsource_code'));
});

test('output_tsv: one row per event, fields in header order', () => {
  const rows = toTsvRows(article);
  assert.equal(rows.length, 2);
  const cells = rows[0].split('\t');
  assert.equal(cells.length, TSV_COLUMNS.length);
  const byName = Object.fromEntries(TSV_COLUMNS.map((c, i) => [c, cells[i]]));
  assert.deepEqual(byName, {
    id: 'a1',
    date: '2026-11-20',
    sentence: '0',
    source_code: 'RUSGOV',
    source_text: 'Putin',
    source_start: '0',
    source_end: '5',
    target_code: 'UKR',
    target_text: 'Kyiv',
    target_start: '14',
    target_end: '18',
    code: '042',
    root: '04',
    quad_class: '1',
    goldstein: '1.9',
    verb_text: 'visited',
    verb_start: '6',
    verb_end: '13',
    negated: 'false',
    sentence_text: 'Putin visited Kyiv.', // the tab became a space
    // stage fields are empty when the stages did not run
    event_date: '',
    date_source: '',
    date_text: '',
    modality: '',
    mentions: '',
    plover_type: '',
    plover_mode: '',
    plover_context: '',
  });
});

test('output_tsv: stage fields (date, modality, mentions, PLOVER) have their own columns', () => {
  const e = {
    ...article.events[0],
    date: '2026-11-17',
    dateSource: 'text' as const,
    dateText: { text: 'Tuesday', start: 20, end: 27 },
    modality: 'asserted' as const,
    mentions: 2,
    plover: { type: 'CONSULT', mode: 'visit', context: 'diplomatic,military' },
  };
  const cells = toTsvRows({ ...article, events: [e] })[0].split('\t');
  const byName = Object.fromEntries(TSV_COLUMNS.map((c, i) => [c, cells[i]]));
  assert.equal(byName.event_date, '2026-11-17');
  assert.equal(byName.date_source, 'text');
  assert.equal(byName.date_text, 'Tuesday');
  assert.equal(byName.modality, 'asserted');
  assert.equal(byName.mentions, '2');
  assert.equal(byName.plover_type, 'CONSULT');
  assert.equal(byName.plover_mode, 'visit');
  assert.equal(byName.plover_context, 'diplomatic,military');
});

test('output_tsv: null target gives empty fields; negated is "true"', () => {
  const cells = toTsvRows(article)[1].split('\t');
  const byName = Object.fromEntries(TSV_COLUMNS.map((c, i) => [c, cells[i]]));
  assert.equal(byName.target_code, '');
  assert.equal(byName.target_text, '');
  assert.equal(byName.target_start, '');
  assert.equal(byName.target_end, '');
  assert.equal(byName.negated, 'true');
});

test('output_tsv: newlines and tabs in any text field become spaces; null date is empty', () => {
  const a: CodedArticle = {
    ...article,
    id: 'x\ty',
    date: null,
    sentences: [{ start: 0, end: 10, text: 'line one\r\nline\u2028two' }],
    events: [{ ...article.events[0], source: { ...article.events[0].source, text: 'Vladimir\nPutin' } }],
  };
  const [r] = toTsvRows(a);
  assert.ok(!/[\n\r\u2028]/.test(r));
  const cells = r.split('\t');
  assert.equal(cells.length, TSV_COLUMNS.length);
  assert.equal(cells[0], 'x y');
  assert.equal(cells[1], '');
  assert.equal(cells[4], 'Vladimir Putin');
  assert.equal(cells[TSV_COLUMNS.indexOf('sentence_text')], 'line one  line two');
});

test('output_tsv: an article without events gives no rows', () => {
  assert.deepEqual(toTsvRows({ ...article, events: [] }), []);
});

test('output_plover: one record per event with a PLOVER type, PLOVER field names, stable ids', () => {
  const a: CodedArticle = {
    ...article,
    events: [
      { ...article.events[0], date: '2026-11-17', modality: 'asserted', mentions: 1, plover: { type: 'CONSULT', mode: 'visit' } },
      { ...article.events[1], modality: 'negated', plover: { type: 'AGREE', context: 'diplomatic,legal' } },
      { ...article.events[0], code: '010', modality: 'asserted' }, // CAMEO 01: no PLOVER type, no record
    ],
  };
  const records = toPloverRecords(a);
  assert.equal(records.length, 2);
  assert.deepEqual(records[0], {
    id: 'a1-1',
    date: '2026-11-17',
    actor: [{ code: 'RUS', sector: 'GOV', entity_text: 'Putin', cameo: 'RUSGOV', start: 0, end: 5 }],
    recipient: [{ code: 'UKR', entity_text: 'Kyiv', cameo: 'UKR', start: 14, end: 18 }],
    event: ['CONSULT'],
    event_text: ['visited'],
    mode: ['visit'],
    context: [],
    quad_code: 1,
    event_loc: null,
    text: 'Putin visited\tKyiv.',
    text_info: { sequence: 0, start: 0, end: 19, event_start: 6, event_end: 13 },
    cameo_code: '042',
    modality: 'asserted',
    mentions: 1,
  });
  // no event date: the publication date; no target: no recipient; contexts become a list
  assert.equal(records[1].date, '2026-11-20');
  assert.deepEqual(records[1].recipient, []);
  assert.deepEqual(records[1].context, ['diplomatic', 'legal']);
  // filtering keeps the ids of the full article
  const lines = toPloverJsonl(a, (e) => e.modality !== 'asserted');
  assert.equal(lines.length, 1);
  assert.equal(JSON.parse(lines[0]).id, 'a1-2');
});
