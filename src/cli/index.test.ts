import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { DyadError } from '../model/index.ts';
import { normalizeDate } from './args.ts';
import { parseRecord } from './commands/code.ts';
import { parseArgs, runCli, type Command } from './index.ts';

function usage(argv: string[], pattern: RegExp) {
  assert.throws(
    () => parseArgs(argv),
    (e: unknown) => e instanceof DyadError && e.code === 'USAGE' && pattern.test(e.message) && /--help/.test(e.message),
  );
}

const codeDefaults = { file: null, input: 'text', format: 'json', date: null, id: null, dictDirs: [], allModalities: false, oneSided: false };

test('cli_parseArgs: code with defaults reads stdin as text, prints json', () => {
  assert.deepEqual(parseArgs(['code']), { kind: 'run', name: 'code', options: codeDefaults });
  assert.deepEqual(parseArgs(['code', '-']), { kind: 'run', name: 'code', options: codeDefaults });
});

test('cli_parseArgs: code with every option', () => {
  const cmd = parseArgs([
    'code', 'a.txt', '--date', '20261120', '--id', 'doc-1',
    '--dict', 'd1', '--dict=d2', '--format', 'tsv', '--input', 'text', '--all-modalities', '--one-sided',
  ]);
  const expected: Command = {
    kind: 'run',
    name: 'code',
    options: { file: 'a.txt', input: 'text', format: 'tsv', date: '2026-11-20', id: 'doc-1', dictDirs: ['d1', 'd2'], allModalities: true, oneSided: true },
  };
  assert.deepEqual(cmd, expected);
});

test('cli_parseArgs: --input jsonl defaults to jsonl output, json on request', () => {
  const a = parseArgs(['code', 'r.jsonl', '--input', 'jsonl']);
  assert.equal(a.kind === 'run' && a.name === 'code' && a.options.format, 'jsonl');
  const b = parseArgs(['code', 'r.jsonl', '--input', 'jsonl', '--format', 'json']);
  assert.equal(b.kind === 'run' && b.name === 'code' && b.options.format, 'json');
});

test('cli_parseArgs: help and version', () => {
  assert.deepEqual(parseArgs(['--help']), { kind: 'help' });
  assert.deepEqual(parseArgs(['-h']), { kind: 'help' });
  assert.deepEqual(parseArgs(['help']), { kind: 'help' });
  assert.deepEqual(parseArgs(['help', 'code']), { kind: 'help', command: 'code' });
  assert.deepEqual(parseArgs(['code', '--help']), { kind: 'help', command: 'code' });
  assert.deepEqual(parseArgs(['code', 'x.txt', '-h', '--bogus']), { kind: 'help', command: 'code' });
  assert.deepEqual(parseArgs(['--version']), { kind: 'version' });
  assert.deepEqual(parseArgs(['-v']), { kind: 'version' });
});

test('cli_parseArgs: a file named like an option after --', () => {
  const cmd = parseArgs(['code', '--', '--help']);
  assert.equal(cmd.kind === 'run' && cmd.name === 'code' && cmd.options.file, '--help');
});

test('cli_parseArgs: usage errors', () => {
  usage([], /missing command/);
  usage(['frobnicate'], /unknown command 'frobnicate'/);
  usage(['--bogus'], /unknown option '--bogus'/);
  usage(['help', 'nope'], /unknown command 'nope'/);
  usage(['code', '--bogus'], /unknown option '--bogus'/);
  usage(['code', '--date'], /option '--date' needs a value/);
  usage(['code', '--date', '2026-02-30'], /bad --date '2026-02-30'/);
  usage(['code', '--date', '26-11-20'], /bad --date/);
  usage(['code', '--date', '2026-1120'], /bad --date/);
  usage(['code', '--format', 'xml'], /bad --format 'xml' \(expected json, jsonl, tsv or plover\)/);
  usage(['code', '--input', 'csv'], /bad --input 'csv'/);
  usage(['code', 'a.txt', 'b.txt'], /at most one FILE/);
  usage(['code', '--input', 'jsonl', '--id', 'x'], /--id applies to text input only/);
  usage(['code', '--id', ' '], /--id must not be empty/);
});

test('cli_normalizeDate: both forms, real calendar dates only', () => {
  assert.equal(normalizeDate('2026-11-20'), '2026-11-20');
  assert.equal(normalizeDate('20081005'), '2008-10-05');
  assert.equal(normalizeDate('2024-02-29'), '2024-02-29');
  assert.equal(normalizeDate('2023-02-29'), null);
  assert.equal(normalizeDate('2026-00-10'), null);
  assert.equal(normalizeDate('2026-11-20T00:00'), null);
  assert.equal(normalizeDate(''), null);
});

test('cli_parseRecord: a jsonl line to an article input; malformed lines name file:line', () => {
  const where = { file: 'r.jsonl', line: 3 };
  assert.deepEqual(parseRecord('{"id":"a","text":"t","date":"20081005","expected":[]}', where, null, 'r:3'), {
    id: 'a', text: 't', date: '2008-10-05',
  });
  assert.deepEqual(parseRecord('{"id":7,"text":"t"}', where, '2026-01-01', 'r:3'), { id: '7', text: 't', date: '2026-01-01' });
  assert.deepEqual(parseRecord('{"text":"t"}', where, null, 'r:3'), { id: 'r:3', text: 't', date: undefined });
  for (const [line, why] of [
    ['nope', /^r\.jsonl:3: not valid JSON/],
    ['[1]', /expected a JSON object/],
    ['{"id":"a"}', /"text" must be a string/],
    ['{"id":{},"text":"t"}', /"id" must be a string/],
    ['{"text":"t","date":"2008-13-01"}', /bad "date"/],
  ] as const) {
    assert.throws(() => parseRecord(line, where, null, 'r:3'), (e: unknown) => e instanceof DyadError && e.code === 'INPUT' && why.test(e.message));
  }
});

function capture() {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  return { io: { stdin: new PassThrough(), stdout, stderr }, out: () => out, err: () => err };
}

test('cli_runCli: help goes to stdout, exit 0', async () => {
  const c = capture();
  assert.equal(await runCli(['--help'], c.io), 0);
  assert.match(c.out(), /Usage: dyad <command>/);
  assert.match(c.out(), /\n  code /);
  assert.equal(c.err(), '');
});

test('cli_runCli: version from package.json', async () => {
  const c = capture();
  assert.equal(await runCli(['--version'], c.io), 0);
  assert.match(c.out(), /^\d+\.\d+\.\d+.*\n$/);
});

test('cli_runCli: usage error is one line on stderr, exit 2', async () => {
  const c = capture();
  assert.equal(await runCli(['code', '--format', 'xml'], c.io), 2);
  assert.equal(c.out(), '');
  assert.match(c.err(), /^dyad: bad --format 'xml'.*see 'dyad code --help'\n$/);
});

test('cli_runCli: code reads stdin when given no file', async () => {
  const c = capture();
  c.io.stdin.end('Some news text.');
  assert.equal(await runCli(['code', '--format', 'jsonl', '--date', '2026-11-20'], c.io), 0);
  const article = JSON.parse(c.out());
  assert.equal(article.id, 'stdin');
  assert.equal(article.date, '2026-11-20');
  assert.ok(Array.isArray(article.sentences) && Array.isArray(article.events));
});

test('cli_parseArgs: eval and dict commands', () => {
  assert.deepEqual(parseArgs(['eval', 'afp-gsr', 'dir', '--dict', 'd', '--json', '--one-sided']), {
    kind: 'run',
    name: 'eval',
    options: { suite: 'afp-gsr', dir: 'dir', dictDirs: ['d'], json: true, verbose: false, oneSided: true },
  });
  assert.throws(() => parseArgs(['eval', 'polnear', 'dir', '--one-sided']), /applies to afp-gsr and plover-dev/);
  assert.deepEqual(parseArgs(['dict', 'check', 'a', 'b', '--strict']), {
    kind: 'run',
    name: 'dict',
    options: { action: 'check', dirs: ['a', 'b'], json: false, strict: true },
  });
  assert.throws(() => parseArgs(['eval', 'nosuch', 'dir']), /bad --suite/);
  assert.throws(() => parseArgs(['dict']), /expected check or stats/);
});
