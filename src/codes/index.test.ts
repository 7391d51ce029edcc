import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCameoCodes, parseCameoTable } from './index.ts';
import { DyadError } from '../model/index.ts';

const HEADER = 'code\troot\tquad_class\tgoldstein\tlabel';

test('codes: the built-in table has every CAMEO code', () => {
  const table = loadCameoCodes();
  assert.equal(table.size, 311);
  for (let r = 1; r <= 20; r++) {
    const root = String(r).padStart(2, '0');
    assert.ok(table.lookup(root), `root ${root}`);
  }
});

test('codes: the built-in table is loaded once', () => {
  assert.equal(loadCameoCodes(), loadCameoCodes());
});

test('codes: lookup returns public values', () => {
  const table = loadCameoCodes();
  assert.deepEqual(
    { ...table.lookup('111') },
    { code: '111', root: '11', quadClass: 3, goldstein: -2, label: 'criticizes or condemns' },
  );
  assert.equal(table.lookup('0231')?.goldstein, 3.4);
  assert.equal(table.lookup('0231')?.root, '02');
  assert.equal(table.lookup('190')?.goldstein, -10);
  assert.equal(table.lookup('20')?.quadClass, 4);
  assert.equal(table.lookup('057')?.goldstein, 8);
  assert.equal(table.lookup('0874')?.goldstein, 10);
  assert.equal(table.lookup('1951'), undefined);
  assert.equal(table.lookup('231'), undefined, 'no leading-zero guessing in lookup');
});

test('codes: quad class follows the root', () => {
  const table = loadCameoCodes();
  const expected: Array<[string, number]> = [
    ['01', 1], ['0256', 1], ['05', 1],
    ['06', 2], ['073', 2], ['0874', 2],
    ['09', 3], ['112', 3], ['139', 3],
    ['14', 4], ['163', 4], ['2042', 4],
  ];
  for (const [code, quad] of expected) assert.equal(table.lookup(code)?.quadClass, quad, code);
  for (const info of table.codes) {
    const root = Number(info.root);
    const quad = root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4;
    assert.equal(info.quadClass, quad, info.code);
  }
});

test('codes: describe uses the longest known prefix and keeps the original code', () => {
  const table = loadCameoCodes();
  const d0579 = table.describe('0579');
  assert.equal(d0579.code, '0579');
  assert.equal(d0579.goldstein, table.lookup('057')?.goldstein);
  assert.equal(d0579.label, table.lookup('057')?.label);
  assert.equal(table.describe('1951').goldstein, table.lookup('195')?.goldstein);
  assert.equal(table.describe('1951').code, '1951');
  assert.equal(table.describe('075A').label, table.lookup('075')?.label);
  assert.equal(table.describe('1246'), table.lookup('1246'), 'a real code is returned as is');
  // No three-digit prefix exists: fall back to the root.
  const d1999 = table.describe('1999');
  assert.equal(d1999.goldstein, table.lookup('19')?.goldstein);
  assert.equal(d1999.quadClass, 4);
});

test('codes: describe gives a neutral answer for codes outside CAMEO', () => {
  const table = loadCameoCodes();
  assert.deepEqual(table.describe('345'), { code: '345', root: '34', quadClass: 4, goldstein: 0, label: 'unknown code' });
  assert.deepEqual(table.describe('222'), { code: '222', root: '22', quadClass: 4, goldstein: 0, label: 'unknown code' });
  assert.deepEqual(table.describe('---'), { code: '---', root: '--', quadClass: 1, goldstein: 0, label: 'unknown code' });
  assert.equal(table.describe('00').quadClass, 1);
  assert.equal(table.describe('').label, 'unknown code');
});

function withTempTable(body: string, check: (path: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-codes-'));
  try {
    const path = join(dir, 'codes.tsv');
    writeFileSync(path, body);
    check(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function assertBadRow(body: string, line: number, pattern: RegExp): void {
  withTempTable(body, (path) => {
    assert.throws(
      () => loadCameoCodes(path),
      (err: unknown) => {
        assert.ok(err instanceof DyadError);
        assert.equal(err.code, 'DICT_SYNTAX');
        assert.equal(err.file, path);
        assert.equal(err.line, line);
        assert.ok(err.message.startsWith(`${path}:${line}: `), err.message);
        assert.match(err.message, pattern);
        return true;
      },
    );
  });
}

test('codes: a malformed table names file and line', () => {
  assertBadRow(`${HEADER}\n01\t01\t1\t0.0\tstatement\n012\t02\t1\t-0.4\tgloomy\n`, 3, /root "02"/);
  assertBadRow(`${HEADER}\n01\t01\t1\tlots\tstatement\n`, 2, /goldstein "lots"/);
  assertBadRow(`${HEADER}\n19\t19\t4\t-11\tfight\n`, 2, /outside \[-10, 10\]/);
  assertBadRow(`${HEADER}\n19\t19\t5\t-10\tfight\n`, 2, /quad_class "5"/);
  assertBadRow(`${HEADER}\n19A\t19\t4\t-10\tfight\n`, 2, /not 2 to 4 digits/);
  assertBadRow(`${HEADER}\n19\t19\t4\t-10\n`, 2, /5 tab-separated columns/);
  assertBadRow(`${HEADER}\n19\t19\t4\t-10\tfight\n\n19\t19\t4\t-10\tagain\n`, 4, /duplicate code "19" \(first defined on line 2\)/);
  assertBadRow(`code,root\n`, 1, /header/);
});

test('codes: a missing file is DICT_MISSING', () => {
  assert.throws(() => loadCameoCodes('/nonexistent/codes.tsv'), (err: unknown) => err instanceof DyadError && err.code === 'DICT_MISSING');
});

test('codes: parseCameoTable accepts CRLF and a trailing blank line', () => {
  const table = parseCameoTable(`${HEADER}\r\n04\t04\t1\t1.0\tconsult\r\n\r\n`, 'mem.tsv');
  assert.equal(table.lookup('04')?.label, 'consult');
  assert.equal(table.describe('041').goldstein, 1);
});
