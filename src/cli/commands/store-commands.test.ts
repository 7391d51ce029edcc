/** Option parsing of the store commands: pure argv → options, usage errors named. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DyadError } from '../../model/index.ts';
import { parseArgs } from '../index.ts';

function opts(argv: string[]): Record<string, unknown> {
  const c = parseArgs(argv);
  assert.equal(c.kind, 'run');
  return (c as unknown as { options: Record<string, unknown> }).options;
}

function usage(argv: string[], pattern: RegExp) {
  assert.throws(
    () => parseArgs(argv),
    (e: unknown) => e instanceof DyadError && e.code === 'USAGE' && pattern.test(e.message) && e.message.includes(`dyad ${argv[0]} --help`),
  );
}

test('cli_ingest: sources by kind; defaults', () => {
  assert.deepEqual(opts(['ingest', 'news/', 'https://x.test/a', '-', '--feed', 'http://f.test/rss']), {
    sources: [
      { kind: 'path', path: 'news/' },
      { kind: 'url', url: 'https://x.test/a' },
      { kind: 'stdin' },
      { kind: 'feed', location: 'http://f.test/rss' },
    ],
    db: null,
    dictDirs: [],
    date: null,
    input: 'auto',
    maxBytes: 10 * 1024 * 1024,
    timeoutMs: 20_000,
    perHostIntervalMs: 1000,
    lockTimeoutMs: 5000,
    nearDuplicates: true,
    json: false,
    quiet: false,
  });
  const o = opts(['ingest', 'a.jsonl', '--db', 'x.db', '--max-size', '0.5', '--rate-limit', '0', '--timeout', '2.5', '--no-dedupe', '--date', '20260102', '-q']);
  assert.deepEqual([o.db, o.maxBytes, o.perHostIntervalMs, o.timeoutMs, o.nearDuplicates, o.date, o.quiet], ['x.db', 524288, 0, 2500, false, '2026-01-02', true]);
  usage(['ingest'], /nothing to ingest/);
  usage(['ingest', '-', '-'], /stdin\) can be given once/);
  usage(['ingest', 'a', '--input', 'pdf'], /bad --input 'pdf'/);
  usage(['ingest', 'a', '--max-size', 'big'], /bad --max-size/);
  usage(['ingest', 'a', '--date', '2026-02-30'], /bad --date/);
});

test('cli_events: filters, formats, and their errors', () => {
  assert.deepEqual(opts(['events']), { db: null, filter: {}, format: 'table' });
  assert.deepEqual(
    opts(['events', '--source', 'isr', '--target', 'RUS', '--actor', 'UKR', '--root', '11', '--code', '112', '--from', '20260101', '--to', '2026-12-31', '--text', 'a b', '--all', '--limit', '5', '--format', 'gdelt', '--db', 'postgres://h/db']),
    {
      db: 'postgres://h/db',
      filter: { source: 'ISR', target: 'RUS', actor: 'UKR', root: '11', code: '112', from: '2026-01-01', to: '2026-12-31', text: 'a b', all: true, limit: 5 },
      format: 'gdelt',
    },
  );
  usage(['events', '--format', 'xml'], /bad --format 'xml'/);
  usage(['events', '--root', 'x'], /bad --root/);
  usage(['events', '--code', '1a'], /bad --code/);
  usage(['events', '--source', 'IS R'], /bad --source/);
  usage(['events', '--limit', '0'], /bad --limit/);
  usage(['events', 'words'], /unexpected argument 'words'/);
});

test('cli_dyads, quotes, search, recode: options', () => {
  assert.deepEqual(opts(['dyads', '--source', 'isr', '--by', 'week', '--format', 'csv']), { db: null, filter: { source: 'ISR' }, by: 'week', format: 'csv' });
  assert.deepEqual(opts(['dyads']), { db: null, filter: {}, by: 'all', format: 'table' });
  usage(['dyads', '--by', 'hour'], /bad --by 'hour'/);
  usage(['dyads', '--target', 'RUSGOV'], /3-letter/);
  assert.deepEqual(opts(['quotes', '--speaker', 'Lavrov', '--limit', '3']), { db: null, filter: { speaker: 'Lavrov', limit: 3 }, format: 'table' });
  assert.deepEqual(opts(['search', 'prisoner', 'exchange', '--limit', '2']), { db: null, query: 'prisoner exchange', limit: 2, format: 'table' });
  usage(['search'], /missing search words/);
  assert.deepEqual(opts(['recode', '--dict', 'd1', '--dict', 'd2', '--all']), { db: null, dictDirs: ['d1', 'd2'], all: true, lockTimeoutMs: 5000, json: false, switch: false });
  assert.equal((opts(['recode', '--dict', 'd1', '--switch']) as { switch: boolean }).switch, true);
  usage(['recode', '--switch', '--nats', 'nats://x'], /works on the database/);
  usage(['recode', 'x'], /unexpected argument/);
});
