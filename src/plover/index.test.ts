import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DyadError } from '../model/index.ts';
import { loadPloverTable, parsePloverTable, ploverCoding, ploverQuad } from './index.ts';

const HEADER = 'code\ttype\tmode\tcontext\tnote';

test('plover_table: every CAMEO code from root 03 on has a PLOVER type; 01 and 02 have none', () => {
  const table = loadPloverTable();
  const cameo = readFileSync(new URL('../../data/codes/cameo-events.tsv', import.meta.url), 'utf8')
    .trim().split('\n').slice(1).map((l) => l.split('\t')[0]);
  for (const code of cameo) {
    const coding = table.lookup(code);
    if (code.startsWith('01') || code.startsWith('02')) assert.equal(coding, null, code);
    else assert.ok(coding, `PLOVER type for ${code}`);
  }
});

test('plover_lookup: examples from the mapping, and parents for unlisted codes', () => {
  const table = loadPloverTable();
  assert.deepEqual(table.lookup('042'), { type: 'CONSULT', mode: 'visit' });
  assert.deepEqual(table.lookup('0841'), { type: 'RETREAT', mode: 'release', context: 'legal' });
  assert.deepEqual(table.lookup('1124'), { type: 'ACCUSE', mode: 'allege', context: 'military,legal' });
  assert.deepEqual(table.lookup('163'), { type: 'COERCE', mode: 'restrict', context: 'diplomatic' });
  assert.deepEqual(table.lookup('186'), { type: 'ASSAULT', mode: 'targeted' }); // "assassinate" is no PLOVER mode
  assert.equal(table.lookup('084')!.type, 'RETREAT');
  assert.equal(table.lookup('083')!.type, 'CONCEDE');
  assert.deepEqual(table.lookup('075A'), table.lookup('075')); // dictionary codes outside CAMEO
  assert.deepEqual(table.lookup('1999'), table.lookup('190'));
  assert.equal(table.lookup('010'), null);
});

test('plover_future: a promised consultation, support, cooperation or aid is AGREE', () => {
  assert.deepEqual(ploverCoding({ code: '042', modality: 'future' }), { type: 'AGREE' });
  assert.deepEqual(ploverCoding({ code: '073', modality: 'future' }), { type: 'AGREE', context: 'human_security' });
  assert.equal(ploverCoding({ code: '190', modality: 'future' })!.type, 'ASSAULT');
  assert.equal(ploverCoding({ code: '042', modality: 'asserted' })!.type, 'CONSULT');
});

test('plover_quad: by type', () => {
  assert.equal(ploverQuad('CONSULT'), 1);
  assert.equal(ploverQuad('RETREAT'), 2);
  assert.equal(ploverQuad('ACCUSE'), 3);
  assert.equal(ploverQuad('SANCTION'), 4);
  assert.equal(ploverQuad('FIGHT'), null);
});

test('plover_table_errors: bad rows name file and line', () => {
  const bad = (body: string, pattern: RegExp) =>
    assert.throws(
      () => parsePloverTable(`${HEADER}\n040\tCONSULT\t\t\t\n${body}\n`, 'p.tsv'),
      (e: unknown) => e instanceof DyadError && e.code === 'DICT_SYNTAX' && pattern.test(e.message),
    );
  bad('041\tCHAT\t\t\t', /^p\.tsv:3: unknown PLOVER type "CHAT"/);
  bad('041\tCONSULT\tassassinate\t\t', /p\.tsv:3: "assassinate" is not a mode of CONSULT/);
  bad('041\tCONSULT\t\tdemocracy\t', /p\.tsv:3: unknown PLOVER context "democracy"/);
  bad('040\tCONSULT\t\t\t', /p\.tsv:3: code 040 is listed twice/);
  bad('041\tCONSULT', /p\.tsv:3: expected 5 tab-separated columns/);
  assert.throws(() => parsePloverTable('code\ttype\n', 'p.tsv'), /p\.tsv:1: header/);
});
