import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DyadError } from '../model/index.ts';
import { loadPloverSuite, runEval, type PloverReport } from './index.ts';
import { tempDir } from '../../test/helpers/tmp.ts';

const MINI = fileURLToPath(new URL('../../test/fixtures/eval/plover-mini/', import.meta.url));
const SHARED = fileURLToPath(new URL('../../../shared/eval/plover-dev/', import.meta.url));
const BARE_PASS_FAIL = /^\s*\d+ passed, \d+ failed\s*$/m;

function capture() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: { write: (s: string) => (out.stdout += s) }, stderr: { write: (s: string) => (out.stderr += s) } } };
}

test('eval plover-dev: coverage, event type and actors scored per sentence', async () => {
  const { out, io } = capture();
  const r = await runEval({ suite: 'plover-dev', dir: MINI, json: true }, io);
  assert.deepEqual(JSON.parse(out.stdout), r);
  assert.deepEqual([r.records, r.withEvents, r.typeFound, r.dyadFound], [4, 3, 2, 2]);
  assert.equal(r.coverage, 0.75);
  assert.equal(r.typeRecall, 0.5);
  assert.equal(r.typePrecision, 0.6667);
  assert.deepEqual(r.byLabel.THREATEN, { records: 1, withEvents: 1, typeFound: 0 }, 'a criticism is not a threat');
});

test('eval plover-dev: human output lists the misses and prints its own summary lines', async () => {
  const { out, io } = capture();
  await runEval({ suite: 'plover-dev', dir: MINI, verbose: true }, io);
  assert.match(out.stdout, /✗ pm-3 \[THREATEN\] Egypt criticized Ethiopia/);
  assert.match(out.stdout, /predicted: EGY ETH 111 ACCUSE "criticized"/);
  assert.match(out.stdout, /coverage: 0\.75 \(3\/4 sentences with an event\)/);
  assert.doesNotMatch(out.stdout, BARE_PASS_FAIL);
});

test('eval plover-dev: a malformed record names its line', async () => {
  const dir = tempDir('plover');
  writeFileSync(join(dir, 'records.jsonl'), '{"id":"a","text":"x","label":"AID","source_text":"a","target_text":"b"}\n{"id":"b","text":"y"}\n');
  await assert.rejects(loadPloverSuite(dir), (e: unknown) => e instanceof DyadError && e.line === 2 && /"label" must be a string/.test(e.message));
  await assert.rejects(loadPloverSuite(join(dir, 'missing')), /suite folder not found/);
});

test('eval plover-dev: the shared suite (1,050 sentences) is scored', { skip: existsSync(SHARED) ? false : '../shared/eval/plover-dev not present' }, async () => {
  const { io } = capture();
  const r = (await runEval({ suite: 'plover-dev', dir: SHARED, json: true }, io)) as PloverReport;
  assert.equal(r.records, 1050);
  assert.ok(r.typeFound > 0 && r.typeFound <= r.withEvents && r.withEvents <= r.records);
});
