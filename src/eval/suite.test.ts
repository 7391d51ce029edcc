import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { DyadError } from '../model/index.ts';
import { isoDate, loadSuite } from './index.ts';

const root = await mkdtemp(join(tmpdir(), 'dyad-eval-'));
after(() => rm(root, { recursive: true, force: true }));

async function suiteWith(name: string, content: string): Promise<string> {
  const dir = join(root, name);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'records.jsonl'), content);
  return dir;
}

const good = JSON.stringify({
  id: 'R-1', date: '19950101', text: 'Arnor accused Gondor.',
  expected: [{ source: 'arn', target: 'GON', code: '112' }],
  notes: { category: 'DEMO', in_scope: true, expect_no_events: false, config_in_effect: { require_dyad: false } },
});

test('suite: loads records, normalising codes and reading notes', async () => {
  const dir = await suiteWith('good', `${good}\n\n${JSON.stringify({ id: 'R-2', date: '19950101', text: 'x', expected: [] })}\n`);
  const records = await loadSuite(dir);
  assert.equal(records.length, 2);
  assert.deepEqual(records[0]!.expected, [{ source: 'ARN', target: 'GON', code: '112' }]);
  assert.deepEqual(records[0]!.config, { require_dyad: 'false' });
  assert.equal(records[0]!.category, 'DEMO');
  assert.equal(records[1]!.line, 3);
  assert.equal(records[1]!.inScope, true, 'no notes: in scope');
  assert.equal(records[1]!.category, 'NONE');
});

function rejectsInput(fn: () => Promise<unknown>, pattern: RegExp, line?: number) {
  return assert.rejects(fn, (err: unknown) => {
    assert.ok(err instanceof DyadError, `expected a DyadError, got ${String(err)}`);
    assert.equal(err.code, 'INPUT');
    assert.match(err.message, pattern);
    if (line !== undefined) assert.equal(err.line, line);
    return true;
  });
}

test('suite: a missing folder is an INPUT error naming it', async () => {
  await rejectsInput(() => loadSuite(join(root, 'nowhere')), /folder not found: .*nowhere/);
});

test('suite: a folder without records.jsonl is an INPUT error', async () => {
  await mkdir(join(root, 'empty'), { recursive: true });
  await rejectsInput(() => loadSuite(join(root, 'empty')), /no records\.jsonl in/);
});

test('suite: a file given instead of a folder is an INPUT error', async () => {
  const dir = await suiteWith('file', `${good}\n`);
  await rejectsInput(() => loadSuite(join(dir, 'records.jsonl')), /is not a folder/);
});

test('suite: a malformed line is named', async () => {
  const dir = await suiteWith('badjson', `${good}\n{"id": "R-2", oops\n`);
  await rejectsInput(() => loadSuite(dir), /records\.jsonl:2: malformed record on line 2: not valid JSON/, 2);
});

test('suite: a record with a bad expected event is named', async () => {
  const bad = JSON.stringify({ id: 'R-3', date: '19950101', text: 'x', expected: [{ source: 'ARN', code: '112' }] });
  const dir = await suiteWith('badfield', `${good}\n${good}\n${bad}\n`);
  await rejectsInput(() => loadSuite(dir), /line 3: "expected"\[0\] must be \{source, target, code\}/, 3);
});

test('suite: expect_no_events with expected events is contradictory', async () => {
  const bad = JSON.stringify({ id: 'R-4', date: '19950101', text: 'x', expected: [{ source: 'A', target: 'B', code: '010' }], notes: { expect_no_events: true } });
  const dir = await suiteWith('contradiction', `${bad}\n`);
  await rejectsInput(() => loadSuite(dir), /line 1: .*expect_no_events/, 1);
});

test('suite: an empty records.jsonl is an INPUT error', async () => {
  const dir = await suiteWith('blank', '\n');
  await rejectsInput(() => loadSuite(dir), /holds no records/);
});

test('suite: dates YYYYMMDD become YYYY-MM-DD; others are dropped', () => {
  assert.equal(isoDate('19950101'), '1995-01-01');
  assert.equal(isoDate('2008-08-04'), '2008-08-04');
  assert.equal(isoDate('121108'), undefined);
});
