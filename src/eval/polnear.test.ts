import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseArgs } from '../cli/index.ts';
import type { ArticleInput, CodedArticle, QuoteRecord } from '../model/index.ts';
import { DyadError } from '../model/index.ts';
import {
  evaluatePolnear,
  loadPolnear,
  parsePolnearRecord,
  renderPolnear,
  runEval,
  runPolnear,
  scoreQuotes,
  type PolnearAttribution,
  type PolnearReport,
} from './index.ts';

const MINI = fileURLToPath(new URL('../../test/fixtures/quotes/polnear-mini/', import.meta.url));
const SHARED_POLNEAR = fileURLToPath(new URL('../../../shared/eval/polnear-dev/', import.meta.url));
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

/** A span of `text`: the n-th occurrence of `s`. */
function at(text: string, s: string, nth = 0) {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(s, i + 1);
  assert.ok(i >= 0, `"${s}" not in the text`);
  return { text: s, start: i, end: i + s.length };
}

function gold(text: string, content: string[], source: string | null, cue = 'said'): PolnearAttribution {
  return {
    id: 'E',
    source: source === null ? [] : [at(text, source)],
    cue: [at(text, cue)],
    content: content.map((c) => at(text, c)),
    quoteMarks: false,
  };
}

function quote(text: string, content: string, speaker: string | null, kind: QuoteRecord['kind'] = 'indirect'): QuoteRecord {
  return { ...at(text, content), kind, speaker: speaker === null ? null : at(text, speaker), cue: at(text, 'said') };
}

test('polnear_load: reads records and reports malformed lines with their number', async () => {
  const records = await loadPolnear(MINI);
  assert.equal(records.length, 2);
  assert.equal(records[0].article, 'mini-1');
  assert.equal(records[0].date, '2016-09-12');
  assert.equal(records[0].attributions.length, 3);
  assert.equal(records[0].attributions[0].quoteMarks, true);
  const bad = (raw: string, why: RegExp) =>
    assert.throws(() => parsePolnearRecord(raw, 'r.jsonl', 7), (e: unknown) => e instanceof DyadError && e.code === 'INPUT' && /r\.jsonl:7/.test(e.message) && why.test(e.message));
  bad('{', /not valid JSON/);
  bad('{"id":"x","text":"abc"}', /"attributions" must be an array/);
  bad('{"id":"x","text":"abc","attributions":[{"content":[{"start":1,"end":9}]}]}', /ends past the text/);
  await assert.rejects(() => loadPolnear(`${MINI}/nope`), (e: unknown) => e instanceof DyadError && /PolNeAR folder not found/.test(e.message));
});

test('polnear_score: a quote matches when it covers at least half of the gold words', () => {
  const text = 'One two three four, Smith said. Five six seven eight nine ten, Jones said.';
  const g = [gold(text, ['One two three four'], 'Smith')];
  assert.equal(scoreQuotes(text, g, [quote(text, 'One two', 'Smith')]).matched, 1, '2 of 4 words');
  assert.equal(scoreQuotes(text, g, [quote(text, 'One', 'Smith')]).matched, 0, '1 of 4 words');
  // the strict figure also wants the quote to be mostly gold
  const wide = scoreQuotes(text, g, [{ ...quote(text, 'One', 'Smith'), end: text.indexOf('nine') }]);
  assert.deepEqual([wide.matched, wide.strictMatched], [1, 0]);
});

test('polnear_score: one prediction per gold content, extras and misses listed', () => {
  const text = 'One two three four, Smith said. Five six seven eight, Jones said.';
  const g = [gold(text, ['One two three four'], 'Smith'), gold(text, ['Five six seven eight'], 'Jones')];
  const s = scoreQuotes(text, g, [quote(text, 'One two three four', 'Smith'), quote(text, 'One two three', 'Smith')]);
  assert.deepEqual([s.gold, s.predicted, s.matched], [2, 2, 1]);
  assert.deepEqual(s.missed, [1]);
  assert.deepEqual(s.extra, [1], 'the weaker of two predictions for one gold is extra');
});

test('polnear_score: speaker right when its span overlaps the gold source, or both are absent', () => {
  const text = 'One two three four, Senator Ann Smith said. Five six seven eight, Jones said.';
  const g = [gold(text, ['One two three four'], 'Senator Ann Smith'), gold(text, ['Five six seven eight'], null)];
  const right = scoreQuotes(text, g, [quote(text, 'One two three four', 'Smith'), quote(text, 'Five six seven eight', null)]);
  assert.equal(right.speakersCorrect, 2);
  const wrong = scoreQuotes(text, g, [quote(text, 'One two three four', 'Jones'), quote(text, 'Five six seven eight', 'Jones')]);
  assert.equal(wrong.speakersCorrect, 0);
  assert.deepEqual(wrong.wrongSpeaker, [[0, 0], [1, 1]]);
});

test('polnear_score: a split gold content and a quote in parts', () => {
  const text = '“One two three,” Smith said, “four five six seven.”';
  const g = [gold(text, ['“One two three,”', '“four five six seven.”'], 'Smith')];
  const split: QuoteRecord = { ...quote(text, 'One two three', 'Smith', 'direct'), end: text.indexOf('seven') + 5, parts: [at(text, 'One two three'), at(text, 'four five six seven')] };
  const s = scoreQuotes(text, g, [split]);
  assert.deepEqual([s.matched, s.strictMatched], [1, 1]);
  assert.equal(scoreQuotes(text, g, [quote(text, 'One two three', 'Smith')]).matched, 0, 'the first part alone is 3 of 7 words');
});

/** A coder that answers from a table: record id → quotes (as [content, speaker]). */
function fakeCoder(table: Record<string, Array<[string, string | null]>>) {
  return {
    dictionaryVersion: 'fake',
    loadMs: 3,
    code(input: ArticleInput): CodedArticle {
      if (input.id === 'THROWS') throw new Error('boom');
      const quotes = (table[input.id ?? ''] ?? []).map(([c, s]) => quote(input.text, c, s));
      return { id: input.id ?? 'doc', date: null, sentences: [], events: [], quotes };
    },
  };
}

test('polnear_evaluate: totals over records, with a fake coder', async () => {
  const records = await loadPolnear(MINI);
  const { io, out } = capture();
  const report = evaluatePolnear(records, fakeCoder({
    'mini-1#a1': [['The plan is dead', 'Smith'], ['The port will reopen next week', 'Smith']],
    'mini-2#a1': [['the count was fair', 'The mayor'], ['Lopez hopes', null]],
  }), io, { verbose: true });
  assert.equal(out.stderr, '');
  assert.deepEqual([report.contentsGold, report.contentsPredicted, report.contentsMatched], [5, 4, 3]);
  assert.equal(report.precision, 0.75);
  assert.equal(report.recall, 0.6);
  assert.equal(report.f1, 0.6667);
  assert.deepEqual([report.speakersCorrect, report.speakersScored, report.speakerAccuracy], [2, 3, 0.6667]);
  assert.deepEqual(report.recallByMarks.quoted, { gold: 1, predicted: 0, matched: 1 });
  assert.deepEqual(report.recallByCue.speech, { gold: 3, predicted: 0, matched: 3 });
  assert.deepEqual(report.errors?.map((e) => e.type).sort(), ['extra', 'missed', 'missed', 'speaker']);
  const text = renderPolnear(report, MINI);
  assert.match(text, /^content: precision 0\.750, recall 0\.600, F1 0\.667 /m);
  assert.match(text, /^speaker accuracy: 0\.667 \(2\/3 /m);
  assert.match(text, /✗ speaker mini-1#a1\n  content: The port will reopen next week\n  speaker: Smith   cue: said   gold source: officials/);
  assert.doesNotMatch(text, BARE_PASS_FAIL);
});

test('polnear_evaluate: a coder that throws counts as predicting nothing, reported on stderr', async () => {
  const records = (await loadPolnear(MINI)).map((r, k) => (k === 0 ? { ...r, id: 'THROWS' } : r));
  const { io, out } = capture();
  const report = evaluatePolnear(records, fakeCoder({}), io);
  assert.equal(report.recordsErrored, 1);
  assert.match(out.stderr, /THROWS: the coder threw: boom/);
  assert.equal(report.contentsPredicted, 0);
});

test('polnear_run: --json prints one JSON object; human output prints the summary lines', async () => {
  const json = capture();
  const report = await runPolnear({ dir: MINI, json: true, verbose: true }, json.io);
  const lines = json.out.stdout.trim().split('\n');
  assert.equal(lines.length, 1);
  const parsed = JSON.parse(lines[0]) as PolnearReport;
  assert.deepEqual(parsed, report);
  for (const key of ['precision', 'recall', 'f1', 'speakerAccuracy', 'strict', 'contentsGold', 'contentsPredicted', 'contentsMatched']) {
    assert.ok(key in parsed, `missing ${key}`);
  }
  assert.equal(parsed.errors, undefined, '--json leaves the error list out');
  // the real quotes stage on the mini records: all five, "hopes to win the vote" included
  assert.deepEqual([parsed.contentsGold, parsed.contentsMatched], [5, 5]);
  const human = capture();
  await runPolnear({ dir: MINI }, human.io);
  assert.match(human.out.stdout, /^content: precision \d\.\d{3}, recall \d\.\d{3}, F1 \d\.\d{3} /m);
  assert.match(human.out.stdout, /^speaker accuracy: \d\.\d{3} \(\d+\/\d+ /m);
  assert.doesNotMatch(human.out.stdout, BARE_PASS_FAIL);
});

test('polnear_cli: "dyad eval polnear DIR" parses and runEval dispatches to it', async () => {
  assert.deepEqual(parseArgs(['eval', 'polnear', 'dir', '--json']), {
    kind: 'run',
    name: 'eval',
    options: { suite: 'polnear', dir: 'dir', dictDirs: [], json: true, verbose: false, oneSided: false },
  });
  const { io } = capture();
  const report = await runEval({ suite: 'polnear', dir: MINI, json: true }, io);
  assert.equal(report.suite, 'polnear');
  assert.equal(report.records, 2);
});

test('polnear e2e: PolNeAR dev runs and stays near its measured figures', async (t) => {
  if (!existsSync(SHARED_POLNEAR)) {
    t.skip('../shared/eval/polnear-dev not present: run `dyad eval polnear ../shared/eval/polnear-dev` where it is');
    return;
  }
  const { io, out } = capture();
  const report = await runPolnear({ dir: SHARED_POLNEAR }, io);
  assert.equal(report.recordsErrored, 0);
  assert.ok(report.records >= 90);
  // measured 2026-11-26 (session 6): F1 0.856, speaker accuracy 0.877; the floors are issue #4's targets
  assert.ok(report.f1 >= 0.85, `content F1 ${report.f1}`);
  assert.ok(report.speakerAccuracy >= 0.85, `speaker accuracy ${report.speakerAccuracy}`);
  assert.ok(report.recallByCue.speech.matched / report.recallByCue.speech.gold >= 0.88);
  assert.match(out.stdout, /^content: precision /m);
  assert.doesNotMatch(out.stdout, BARE_PASS_FAIL);
});
