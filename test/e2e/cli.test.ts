/**
 * End-to-end: the real `dyad` binary (bin/dyad.js) in a child process.
 * Assertions are on structure (ids, arrays, headers, exit codes, messages);
 * event-level assertions belong with the coder's own tests and fixtures.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TSV_COLUMNS } from '../../src/output/index.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin', 'dyad.js');
const dir = mkdtempSync(join(tmpdir(), 'dyad-e2e-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const ARTICLE = 'Talks in Geneva\nRussian and Ukrainian negotiators met in Geneva on Thursday. The talks ended without agreement.\n';

function dyad(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, input: input ?? '', encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, content: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

function assertArticle(a: unknown, id: string, date: string | null) {
  const art = a as Record<string, unknown>;
  assert.equal(art.id, id);
  assert.equal(art.date, date);
  assert.ok(Array.isArray(art.sentences), 'sentences is an array');
  assert.ok(Array.isArray(art.events), 'events is an array');
}

/** Bad input must read as a message, never as a stack trace. */
function assertNoStack(stderr: string) {
  assert.doesNotMatch(stderr, /\n\s+at /);
  assert.doesNotMatch(stderr, /Error:/);
}

test('e2e_code: json (default) is one pretty CodedArticle named after the file', () => {
  const p = file('talks.txt', ARTICLE);
  const r = dyad(['code', p, '--date', '20261120']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^\{\n  "id": "talks",/);
  assertArticle(JSON.parse(r.stdout), 'talks', '2026-11-20');
});

test('e2e_code: --format jsonl is one compact line; --id overrides the name', () => {
  const p = file('talks.txt', ARTICLE);
  const r = dyad(['code', p, '--format', 'jsonl', '--id', 'geneva-1']);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.split('\n');
  assert.equal(lines.length, 2);
  assert.equal(lines[1], '');
  assertArticle(JSON.parse(lines[0]), 'geneva-1', null);
});

test('e2e_code: --format tsv starts with the documented header, one row per event', () => {
  const p = file('talks.txt', ARTICLE);
  const r = dyad(['code', p, '--format', 'tsv', '--date', '2026-11-20']);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trimEnd().split('\n');
  assert.equal(lines[0], TSV_COLUMNS.join('\t'));
  assert.ok(lines[0].startsWith('id\tdate\tsentence\tsource_code\tsource_text'));
  const jsonl = JSON.parse(dyad(['code', p, '--format', 'jsonl', '--date', '2026-11-20']).stdout);
  assert.equal(lines.length - 1, jsonl.events.length);
  for (const row of lines.slice(1)) {
    const cells = row.split('\t');
    assert.equal(cells.length, TSV_COLUMNS.length);
    assert.equal(cells[0], 'talks');
    assert.equal(cells[1], '2026-11-20');
  }
});

test('e2e_code: stdin, with - or no FILE; a BOM is dropped', () => {
  for (const args of [['code', '-'], ['code']]) {
    const r = dyad([...args, '--format', 'jsonl'], '\uFEFF' + ARTICLE);
    assert.equal(r.code, 0, r.stderr);
    const a = JSON.parse(r.stdout);
    assertArticle(a, 'stdin', null);
    for (const s of a.sentences) assert.ok(!s.text.includes('\uFEFF'));
  }
});

test('e2e_code: an empty article gives no events and a warning, not an error', () => {
  const p = file('empty.txt', '  \n\n');
  const r = dyad(['code', p, '--format', 'jsonl']);
  assert.equal(r.code, 0, r.stderr);
  const a = JSON.parse(r.stdout);
  assertArticle(a, 'empty', null);
  assert.deepEqual(a.events, []);
  assert.match(r.stderr, /warning: .*empty\.txt: empty article/);
});

test('e2e_code: --input jsonl keeps ids and order, reports a malformed line and goes on', () => {
  const p = file(
    'records.jsonl',
    [
      JSON.stringify({ id: 'r1', text: ARTICLE, date: '20081005', expected: [] }),
      '{"id": "r2", "text": ',
      '',
      JSON.stringify({ id: 'r3', text: 'Iran accused Israel of the attack.' }),
    ].join('\n') + '\n',
  );
  const r = dyad(['code', p, '--input', 'jsonl']);
  assert.equal(r.code, 1);
  const out = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(out.map((a) => a.id), ['r1', 'r3']);
  assertArticle(out[0], 'r1', '2008-10-05');
  assertArticle(out[1], 'r3', null);
  assert.match(r.stderr, /records\.jsonl:2: not valid JSON/);
  assert.doesNotMatch(r.stderr, /:3:|:4:/);
  assertNoStack(r.stderr);
});

test('e2e_code: --input jsonl from stdin, --format tsv prints one header', () => {
  const input = ['{"id":"a","text":"One."}', '{"id":"b","text":"Two."}'].join('\n');
  const r = dyad(['code', '--input', 'jsonl', '--format', 'tsv'], input);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trimEnd().split('\n');
  assert.equal(lines.filter((l) => l.startsWith('id\tdate\t')).length, 1);
});

test('e2e_code: --input jsonl --format json is one JSON array', () => {
  const input = '{"id":"a","text":"One."}\n{"id":"b","text":"Two."}\n';
  const r = dyad(['code', '--input', 'jsonl', '--format', 'json'], input);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).map((a: { id: string }) => a.id), ['a', 'b']);
});

test('e2e_cli: usage errors exit 2 with one line and a hint', () => {
  for (const args of [
    ['code', '--bogus'],
    ['code', '--date', '2026-13-01'],
    ['code', '--date', 'yesterday'],
    ['code', '--format', 'xml'],
    ['frobnicate'],
    [],
  ]) {
    const r = dyad(args, ARTICLE);
    assert.equal(r.code, 2, `dyad ${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr.split('\n').length, 2, r.stderr); // one line + final newline
    assert.match(r.stderr, /^dyad: .*--help/);
  }
});

test('e2e_cli: a missing file exits 1, one line, no stack trace', () => {
  for (const input of ['text', 'jsonl']) {
    const r = dyad(['code', join(dir, 'nope.txt'), '--input', input]);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^dyad: .*nope\.txt: no such file\n$/);
    assertNoStack(r.stderr);
  }
});

test('e2e_cli: invalid UTF-8 exits 1 naming the file, no stack trace', () => {
  const p = file('latin1.txt', Buffer.from([0x4b, 0x79, 0x69, 0x76, 0x20, 0xe9, 0x74, 0xe9, 0x0a]));
  const r = dyad(['code', p]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /^dyad: .*latin1\.txt: not valid UTF-8\n$/);
  assertNoStack(r.stderr);
  const s = dyad(['code', '-'], Buffer.from([0x61, 0xc3, 0x28]));
  assert.equal(s.code, 1);
  assert.match(s.stderr, /^dyad: stdin: not valid UTF-8\n$/);
});

test('e2e_cli: --help, code --help and --version exit 0', () => {
  const h = dyad(['--help']);
  assert.equal(h.code, 0);
  assert.match(h.stdout, /Usage: dyad <command>/);
  const c = dyad(['code', '--help']);
  assert.equal(c.code, 0);
  assert.match(c.stdout, /Usage: dyad code/);
  assert.match(c.stdout, /--format/);
  const v = dyad(['--version']);
  assert.equal(v.code, 0);
  assert.match(v.stdout, /^\d+\.\d+\.\d+/);
});

test('e2e_cli: the bundled example article codes into the events a reader expects', () => {
  const r = dyad(['code', 'examples/ukraine-talks.txt', '--date', '2026-02-11']);
  assert.equal(r.code, 0, r.stderr);
  const article = JSON.parse(r.stdout) as { text?: string; events: Array<{ source: { code: string; start: number; end: number }; target: { code: string } | null; code: string; verb: { text: string } }> };
  // roots, not leaf codes: the dictionaries grow, the meaning must not change
  const triples = article.events.map((e) => `${e.source.code}>${e.target?.code ?? '---'}:${e.code.slice(0, 2)}`);
  assert.ok(triples.includes('UKRGOV>RUS:11'), `Sybiha accused Moscow: ${triples.join(' ')}`);
  assert.ok(triples.includes('RUSGOV>UKR:12'), `Peskov rejected Kyiv's proposal: ${triples.join(' ')}`);
  const accusation = article.events.find((e) => e.code.startsWith('11') && e.target?.code === 'RUS')!;
  assert.equal(accusation.verb.text, 'accused');
});

test('e2e_cli: a malformed line in a --dict folder is reported with file and line', () => {
  const d = mkdtempSync(join(dir, 'dict-'));
  writeFileSync(join(d, 'my.verbs.txt'), '--- ACCUSE [112] ---\nACCUSE\n- * (OF) [11!]\n');
  const r = dyad(['code', '--dict', d], 'Arnor accused Gondor.');
  assert.equal(r.code, 0);
  assert.match(r.stderr, /my\.verbs\.txt:3: bad event code/);
  const check = dyad(['dict', 'check', d]);
  assert.equal(check.code, 1);
  assert.match(check.stdout, /my\.verbs\.txt:3: error: bad event code/);
});

test("e2e_cli: Dyad's own dictionaries pass dyad dict check with no warnings", () => {
  const r = dyad(['dict', 'check', '--strict']);
  assert.equal(r.code, 0, r.stdout);
  assert.match(r.stdout, /0 errors, 0 warnings/);
});

test('e2e_cli: an article over the size limit is a one-line input error', () => {
  const big = file('big.txt', 'a'.repeat(11 * 1024 * 1024));
  const r = dyad(['code', big]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /big\.txt: 11\.0 MB is more than one article may be/);
  assert.doesNotMatch(r.stderr, /\n\s+at /);
});
