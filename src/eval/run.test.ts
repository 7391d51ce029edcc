import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { createCoder } from '../events/index.ts';
import type { ArticleInput, CodedArticle, EventRecord } from '../model/index.ts';
import { DyadError } from '../model/index.ts';
import { evaluate, loadSuite, runEval, type EvalReport } from './index.ts';
import { renderHuman } from './report.ts';

const MINI = fileURLToPath(new URL('../../test/fixtures/eval/mini-suite/', import.meta.url));
const SHARED_VALIDATION = fileURLToPath(new URL('../../../shared/eval/petrarch-validation/', import.meta.url));
const BARE_PASS_FAIL = /^\s*\d+ passed, \d+ failed\s*$/m;

function capture() {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: {
      stdout: { write: (s: string) => (out.stdout += s) },
      stderr: { write: (s: string) => (out.stderr += s) },
    },
  };
}

/** A coder that answers from a table: id → [source, target|null, code, negated?][]. */
function fakeCoder(table: Record<string, [string, string | null, string, boolean?][]>) {
  const span = { text: 'x', start: 0, end: 1 };
  return {
    dictionaryVersion: 'fake',
    loadMs: 12.4,
    code(input: ArticleInput): CodedArticle {
      if (input.id === 'THROWS') throw new Error('boom');
      const events: EventRecord[] = (table[input.id ?? ''] ?? []).map(([s, t, code, negated]) => ({
        sentence: 0, source: { ...span, code: s }, target: t === null ? null : { ...span, code: t },
        code, root: code.slice(0, 2), quadClass: 1, goldstein: 0, verb: span, negated: negated ?? false,
      }));
      return { id: input.id ?? 'doc', date: input.date ?? null, sentences: [{ start: 0, end: 1, text: 'x' }], events };
    },
  };
}

test('eval: scores the mini suite with a fake coder', async () => {
  const records = await loadSuite(MINI);
  const { io, out } = capture();
  const report = evaluate('petrarch-validation', records, fakeCoder({
    'MINI-01': [['ARN', 'GON', '112'], ['ARN', 'GON', '190', true]], // negated event is ignored
    'MINI-02': [['GON', 'ARN', '111']], // wrong source: GON instead of GONGOV
    'MINI-03': [['ARN', null, '010']], // extra event on a no-event record
  }), io);
  assert.equal(out.stderr, '');
  assert.equal(report.recordsTotal, 3);
  assert.equal(report.recordsSkipped, 1);
  assert.equal(report.recordsCorrect, 1);
  assert.deepEqual([report.eventsExpected, report.eventsPredicted, report.eventsMatched], [2, 3, 1]);
  assert.equal(report.precision, 0.3333);
  assert.equal(report.recall, 0.5);
  assert.equal(report.f1, 0.4);
  assert.equal(report.recordsWithExtraEvents, 2);
  assert.equal(report.extraEventRate, 0.6667);
  assert.deepEqual(report.byCategory, { VERB: { correct: 1, total: 2 }, AGENT: { correct: 0, total: 1 } });
  assert.deepEqual(report.failures.map((f) => f.id), ['MINI-02', 'MINI-03']);
  assert.deepEqual(report.failures[1]!.predicted, [{ source: 'ARN', target: '---', code: '010' }]);
  assert.equal(report.loadMs, 12);

  const text = renderHuman(report, records, { dir: MINI, dictDirs: [MINI], verbose: true });
  assert.match(text, /records exactly right: 1\/3 \(33\.3%\)/);
  assert.match(text, /precision 33\.3%, recall 50\.0%, F1 40\.0%/);
  assert.match(text, /records with extra events: 2\/3 \(66\.7%\)/);
  assert.match(text, /✗ MINI-02 \[AGENT\]\n  text: +The Gondor president criticized Arnor on Monday\.\n  expected: +GONGOV ARN 111\n  predicted: +GON ARN 111/);
  assert.match(text, /^PARSING +0 +0 +- +1$/m, 'a fully skipped category shows in the table');
  assert.doesNotMatch(text, /MINI-01/, 'right records are not listed');
  assert.doesNotMatch(text, BARE_PASS_FAIL);
  assert.doesNotMatch(renderHuman(report, records, { dir: MINI, dictDirs: [], verbose: false }), /✗/);
});

test('eval: a coder that throws fails the record, reported on stderr', async () => {
  const records = (await loadSuite(MINI)).map((r) => (r.id === 'MINI-03' ? { ...r, id: 'THROWS' } : r));
  const { io, out } = capture();
  const report = evaluate('afp-gsr', records, fakeCoder({}), io);
  assert.equal(report.recordsErrored, 1);
  assert.match(out.stderr, /THROWS: the coder threw: boom/);
  assert.deepEqual(report.failures.find((f) => f.id === 'THROWS')?.error, 'boom');
});

test('eval: --json prints exactly one JSON object with the report fields', async () => {
  const { io, out } = capture();
  const report = await runEval({ suite: 'petrarch-validation', dir: MINI, json: true, verbose: true }, io);
  const lines = out.stdout.trim().split('\n');
  assert.equal(lines.length, 1);
  const parsed = JSON.parse(lines[0]!) as EvalReport;
  assert.deepEqual(parsed, report);
  for (const key of ['suite', 'recordsCorrect', 'recordsTotal', 'recordsSkipped', 'precision', 'recall', 'f1',
    'eventsExpected', 'eventsPredicted', 'eventsMatched', 'extraEventRate', 'byCategory', 'failures']) {
    assert.ok(key in parsed, `missing ${key}`);
  }
  assert.equal(parsed.recordsTotal, 3);
  assert.equal(parsed.recordsSkipped, 1);
  assert.equal(parsed.eventsExpected, 2);
});

test('eval: human output never has a bare "N passed, N failed" line', async () => {
  const { io, out } = capture();
  await runEval({ suite: 'afp-gsr', dir: MINI, verbose: true }, io);
  assert.match(out.stdout, /records exactly right: \d+\/3 \(/);
  assert.doesNotMatch(out.stdout, BARE_PASS_FAIL);
});

test('eval: an unknown suite is a USAGE error', async () => {
  const { io } = capture();
  await assert.rejects(
    () => runEval({ suite: 'nope' as 'afp-gsr', dir: MINI }, io),
    (err: unknown) => err instanceof DyadError && err.code === 'USAGE' && /petrarch-validation, afp-gsr/.test(err.message),
  );
});

const stub = (await createCoder()).dictionaryVersion === 'stub';

test('eval e2e: the coder gets every mini-suite record right', { skip: stub && 'the coder is still the stub' }, async () => {
  const { io } = capture();
  const report = await runEval({ suite: 'petrarch-validation', dir: MINI }, io);
  assert.equal(report.recordsCorrect, report.recordsTotal, `failures: ${JSON.stringify(report.failures)}`);
  assert.equal(report.recordsTotal, 3);
  assert.equal(report.precision, 1);
  assert.equal(report.recall, 1);
});

test('eval e2e: the PETRARCH validation suite runs and gives a well-formed report', async (t) => {
  if (!existsSync(SHARED_VALIDATION)) {
    t.skip('../shared not present: evaluation suites are run with dyad eval');
    return;
  }
  const { io, out } = capture();
  const report = await runEval({ suite: 'petrarch-validation', dir: SHARED_VALIDATION }, io);
  assert.equal(report.recordsTotal + report.recordsSkipped, (await loadSuite(SHARED_VALIDATION)).length);
  assert.ok(report.recordsTotal > 0);
  assert.ok(report.recordsCorrect >= 0 && report.recordsCorrect <= report.recordsTotal);
  assert.equal(report.failures.length, report.recordsTotal - report.recordsCorrect);
  for (const x of [report.precision, report.recall, report.f1, report.extraEventRate]) assert.ok(x >= 0 && x <= 1);
  assert.ok(report.eventsMatched <= Math.min(report.eventsExpected, report.eventsPredicted));
  const totals = Object.values(report.byCategory).reduce((s, c) => s + c.total, 0);
  assert.equal(totals, report.recordsTotal);
  assert.match(out.stdout, /records exactly right: /);
  assert.doesNotMatch(out.stdout, BARE_PASS_FAIL);
});
