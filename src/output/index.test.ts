import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodedArticle } from '../model/index.ts';
import { toJson, toJsonl, tsvHeader, toTsvRows, TSV_COLUMNS } from './index.ts';

const text = 'Putin visited\tKyiv.\nZelensky did not meet him.';
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
  assert.equal(tsvHeader().split('\t').length, 20);
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
  });
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
  assert.equal(cells[19], 'line one  line two');
});

test('output_tsv: an article without events gives no rows', () => {
  assert.deepEqual(toTsvRows({ ...article, events: [] }), []);
});
