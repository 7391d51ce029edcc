/**
 * End-to-end: `dyad ingest` and the query commands (events, dyads, quotes,
 * search, recode) through the real binary, against a SQLite file. Bad inputs
 * each give one line naming the item, and the batch goes on. URLs and feeds
 * are served by a local HTTP server.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { cliInProcess } from '../helpers/cli.ts';
import { EVENT_COLUMNS, GDELT_COLUMNS } from '../../src/export/index.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin', 'dyad.js');
const dir = mkdtempSync(join(tmpdir(), 'dyad-e2e-store-'));
const cwd = process.cwd();
const env = process.env.DYAD_DB;
// In-process commands see the same working directory and environment as the spawned ones.
before(() => {
  process.chdir(dir);
  delete process.env.DYAD_DB;
});
after(() => {
  process.chdir(cwd);
  if (env !== undefined) process.env.DYAD_DB = env;
  rmSync(dir, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs dyad asynchronously, so the local HTTP server in this process can answer it. */
function dyad(args: string[], input = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: dir, env: { ...process.env, DYAD_DB: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

// most commands run in this process to save start-up time; a few spawn the real binary
const cli = cliInProcess;

function file(name: string, content: string | Buffer): string {
  const p = join(dir, name);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, content);
  return p;
}

function assertNoStack(stderr: string) {
  assert.doesNotMatch(stderr, /\n\s+at /);
  assert.doesNotMatch(stderr, /Error:/);
}

const TALKS = 'Talks in Geneva\n\nRussian and Ukrainian negotiators met in Geneva on Thursday. Russia accused Ukraine of shelling a border village.\n';
const SANCTIONS = 'Sanctions\n\nThe European Union imposed new sanctions on Iran on Monday. Iran condemned the decision, and Israel praised the European Union.\n';
const PAGE = `<!doctype html><html><head><title>News | Protest</title>
  <meta property="og:title" content="Protesters rally in Kyiv"><meta property="article:published_time" content="2026-03-03T10:00:00Z"></head>
  <body><nav>Home World</nav><article><h1>Protesters rally</h1>
  <p>Ukrainian protesters rallied in Kyiv on Tuesday against corruption, and police arrested several activists near parliament.</p>
  <p>The government promised an inquiry, officials said, while the opposition demanded the resignation of the interior minister.</p>
  </article><footer>Copyright</footer></body></html>`;

const summary = (r: Run) => JSON.parse(r.stdout.trim().split('\n').at(-1)!) as {
  stored: number; events: number; duplicates: number; nearDuplicates: number; failed: Array<{ name: string; reason: string }>;
};

describe('e2e_store: ingest and query a SQLite store', () => {
  const db = join(dir, 'news.db');

  test('ingest: a directory of good and bad files; each bad one is one line naming it; summary; exit 1', async () => {
    file('news/talks.txt', TALKS);
    file('news/eu/sanctions.txt', SANCTIONS);
    file('news/protest.html', PAGE);
    file('news/feed-items.jsonl', [
      JSON.stringify({ id: 'j-1', text: 'Israel criticized Iran over its nuclear program.', date: '2026-03-04', url: 'https://www.wire.test/1' }),
      '{"id": "j-broken", "text": ',
      JSON.stringify({ id: 'j-2', text: 'China and Russia signed a trade agreement in Beijing.', date: '2026-03-05', title: 'Trade deal' }),
    ].join('\n') + '\n');
    file('news/bad-utf8.txt', Buffer.from([0x52, 0x75, 0x73, 0x73, 0xc3, 0x28, 0x0a]));
    file('news/photo.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]));
    file('news/empty.txt', '');
    file('news/nav-only.html', '<html><head><title>Menu</title></head><body><ul><li><a href="/">Home</a></li></ul></body></html>');
    file('news/huge.txt', Buffer.alloc(50 * 1024 * 1024, 'a '));
    const r = await dyad(['ingest', 'news', '--db', db, '--date', '2026-03-02', '--json']);
    assert.equal(r.code, 1, r.stderr);
    assertNoStack(r.stderr);
    const lines = r.stderr.trim().split('\n');
    const expected = [
      /^dyad: news\/bad-utf8\.txt: not valid UTF-8; skipped$/,
      /^dyad: news\/empty\.txt: empty file; skipped$/,
      /^dyad: news\/feed-items\.jsonl:2: not valid JSON .*; skipped$/,
      /^dyad: news\/huge\.txt: too large \(50\.0 MB; the limit is 10\.0 MB\); skipped$/,
      /^dyad: news\/nav-only\.html: no article text found in the HTML; skipped$/,
      /^dyad: news\/photo\.jpg: binary file, not text; skipped$/,
    ];
    assert.equal(lines.length, expected.length, r.stderr);
    for (const re of expected) assert.ok(lines.some((l) => re.test(l)), `${re} in\n${r.stderr}`);
    const s = summary(r);
    assert.equal(s.stored, 5);
    assert.equal(s.failed.length, 6);
    assert.ok(s.events > 0);
  });

  test('ingest: the same inputs again store nothing (idempotent); the text summary names the counts', async () => {
    const r = await cli(['ingest', 'news/talks.txt', 'news/eu', 'news/protest.html', '--db', db]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^ingest: 0 articles stored \(0 events\), 3 duplicates, 0 near-duplicates linked, 0 failed, in \d+\.\d s\n$/);
  });

  test('ingest: stdin, as text and as jsonl', async () => {
    const t = await cli(['ingest', '-', '--db', db, '--json'], 'Turkey condemned the attack on its embassy in Libya.');
    assert.equal(t.code, 0, t.stderr);
    assert.equal(summary(t).stored, 1);
    const j = await cli(['ingest', '-', '--db', db, '--json'], `${JSON.stringify({ id: 'stdin-j', text: 'Germany praised France.' })}\n`);
    assert.equal(summary(j).stored, 1);
  });

  test('events: filters and every format', async () => {
    const table = await cli(['events', '--db', db]);
    assert.equal(table.code, 0, table.stderr);
    assert.match(table.stdout.split('\n')[0], /^date\s+source\s+target\s+code\s+gold\s+verb\s+article\s+sentence$/);

    const csv = await cli(['events', '--db', db, '--format', 'csv']);
    const rows = csv.stdout.trim().split('\n');
    assert.equal(rows[0], EVENT_COLUMNS.join(','));
    assert.ok(rows.length > 3, csv.stdout);

    const json = JSON.parse((await cli(['events', '--db', db, '--format', 'json'])).stdout) as Array<Record<string, any>>;
    assert.equal(json.length, rows.length - 1);
    const ids = new Set(json.map((e) => e.articleId));
    assert.ok(ids.has('news/talks.txt') && ids.has('j-1'), [...ids].join(' '));
    // an event's date is resolved against the publication date (--date for text files, meta tags for HTML)
    const talks = json.find((e) => e.articleId === 'news/talks.txt')!;
    assert.ok(talks.date <= '2026-03-02' && talks.date >= '2026-02-23', talks.date);

    const rus = JSON.parse((await cli(['events', '--db', db, '--source', 'RUS', '--format', 'json'])).stdout) as Array<Record<string, any>>;
    assert.ok(rus.length > 0 && rus.every((e) => e.event.source.code.startsWith('RUS')));
    const text = JSON.parse((await cli(['events', '--db', db, '--text', 'nuclear', '--format', 'json'])).stdout) as Array<Record<string, any>>;
    assert.deepEqual([...new Set(text.map((e) => e.articleId))], ['j-1']);

    const gdelt = (await cli(['events', '--db', db, '--format', 'gdelt'])).stdout.trim().split('\n');
    assert.equal(gdelt.length, json.length);
    for (const line of gdelt) assert.equal(line.split('\t').length, GDELT_COLUMNS.length);
    const j1 = gdelt.find((l) => l.endsWith('\thttps://www.wire.test/1'))!.split('\t');
    assert.equal(j1[GDELT_COLUMNS.indexOf('Day')], '20260304');
    assert.equal(j1[GDELT_COLUMNS.indexOf('Actor1CountryCode')], 'ISR');

    const plover = (await cli(['events', '--db', db, '--format', 'plover'])).stdout.trim().split('\n').filter(Boolean);
    for (const line of plover) assert.ok(Array.isArray(JSON.parse(line).event));

    const none = await cli(['events', '--db', db, '--source', 'ZZZ']);
    assert.equal(none.stdout.trim().split('\n').length, 1, 'only the header');
    const usage = await cli(['events', '--db', db, '--from', 'yesterday']);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /^dyad: bad --from 'yesterday'/);
  });

  test('dyads: counts per country pair, csv and json, by month', async () => {
    const csv = await cli(['dyads', '--db', db, '--format', 'csv', '--by', 'month']);
    assert.equal(csv.code, 0, csv.stderr);
    const [header, ...rows] = csv.stdout.trim().split('\n');
    assert.equal(header, 'source,target,period,events,verbal_coop,material_coop,verbal_conflict,material_conflict,goldstein_sum,goldstein_mean');
    assert.ok(rows.length > 0);
    for (const row of rows) {
      const c = row.split(',');
      assert.match(c[2], /^\d{4}-\d{2}$/);
      assert.equal(Number(c[3]), Number(c[4]) + Number(c[5]) + Number(c[6]) + Number(c[7]));
    }
    const json = JSON.parse((await cli(['dyads', '--db', db, '--format', 'json', '--source', 'rus'])).stdout) as Array<{ source: string }>;
    assert.ok(json.every((d) => d.source === 'RUS'));
  });

  test('search and quotes', async () => {
    const s = await cli(['search', 'sanctions', '--db', db, '--format', 'json']);
    assert.equal(s.code, 0, s.stderr);
    const hits = JSON.parse(s.stdout) as Array<{ id: string; snippet: string; date: string }>;
    assert.equal(hits[0].id, 'news/eu/sanctions.txt');
    assert.equal(hits[0].date, '2026-03-02', '--date is the publication date of text files');
    assert.match(hits[0].snippet, /\[sanctions\]/i);
    const q = await cli(['quotes', '--db', db, '--format', 'json']);
    assert.equal(q.code, 0, q.stderr);
    assert.ok(Array.isArray(JSON.parse(q.stdout)));
    assert.equal((await cli(['search', '--db', db])).code, 2);
  });

  test('recode: another dictionary set replaces the events in place; a second run skips current articles', async () => {
    const before = (await cli(['events', '--db', db, '--format', 'jsonl', '--all'])).stdout.trim().split('\n').length;
    const r = await cli(['recode', '--db', db, '--dict', join(root, 'test/fixtures/dict-mini'), '--json']);
    assert.equal(r.code, 0, r.stderr);
    const s = JSON.parse(r.stdout) as { recoded: number; events: number };
    assert.equal(s.recoded, 7);
    const after = (await cli(['events', '--db', db, '--format', 'jsonl', '--all'])).stdout.trim().split('\n').filter(Boolean).length;
    assert.equal(after, s.events);
    assert.notEqual(after, before);
    const again = JSON.parse((await cli(['recode', '--db', db, '--dict', join(root, 'test/fixtures/dict-mini'), '--json'])).stdout);
    assert.equal(again.recoded, 0);
  });
});

describe('e2e_store: URLs and feeds from a local server', () => {
  let server: Server;
  let base = '';
  before(async () => {
    server = createServer((req, res) => {
      const send = (status: number, type: string, body: string) => {
        res.writeHead(status, { 'content-type': type });
        res.end(body);
      };
      switch (req.url) {
        case '/feed.xml':
          return send(200, 'application/rss+xml', `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
            <item><title>Protest</title><link>${base}/protest</link><pubDate>Tue, 03 Mar 2026 09:00:00 GMT</pubDate></item>
            <item><title>Gone</title><link>${base}/gone</link></item>
            <item><title>Talks</title><link>${base}/talks.txt</link><pubDate>Wed, 04 Mar 2026 09:00:00 GMT</pubDate></item>
          </channel></rss>`);
        case '/broken.xml':
          return send(200, 'application/rss+xml', '<rss><channel><item><title>unclosed</channel>');
        case '/protest':
          return send(200, 'text/html; charset=utf-8', PAGE);
        case '/talks.txt':
          return send(200, 'text/plain; charset=utf-8', TALKS);
        default:
          return send(404, 'text/plain', 'no');
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => server.close());

  test('a feed: items fetched and stored with the feed; a dead link and a broken feed reported; re-run fetches nothing', async () => {
    const db = join(dir, 'feeds.db');
    const r = await cli(['ingest', '--feed', `${base}/feed.xml`, '--feed', `${base}/broken.xml`, '--db', db, '--rate-limit', '0', '--json']);
    assert.equal(r.code, 1, r.stderr);
    assertNoStack(r.stderr);
    assert.match(r.stderr, new RegExp(`^dyad: ${base}/gone: HTTP 404 Not Found; skipped$`, 'm'));
    assert.match(r.stderr, new RegExp(`^dyad: ${base}/broken\\.xml: not an RSS or Atom feed \\(not XML.*; skipped$`, 'm'));
    assert.equal(summary(r).stored, 2);
    const hits = JSON.parse((await cli(['search', 'Geneva OR Kyiv', '--db', db, '--format', 'json'])).stdout) as Array<Record<string, any>>;
    assert.deepEqual(hits, []);
    const talks = JSON.parse((await cli(['search', 'Geneva', '--db', db, '--format', 'json'])).stdout) as Array<Record<string, any>>;
    assert.deepEqual([talks[0].id, talks[0].date, talks[0].title], [`${base}/talks.txt`, '2026-03-04', 'Talks in Geneva']);
    const protest = JSON.parse((await cli(['search', 'Kyiv', '--db', db, '--format', 'json'])).stdout) as Array<Record<string, any>>;
    assert.deepEqual([protest[0].date, protest[0].title], ['2026-03-03', 'Protesters rally in Kyiv'], 'date and title from the page');
    const again = await cli(['ingest', '--feed', `${base}/feed.xml`, '--db', db, '--rate-limit', '0', '--json']);
    assert.equal(summary(again).duplicates, 2, 'stored links are not fetched again');
    assert.equal(summary(again).stored, 0);
  });
});

describe('e2e_store: near-duplicates', () => {
  test('wire copy republished with small edits is linked, not coded; its original counts it', async () => {
    const db = join(dir, 'dups.db');
    const story =
      'Russian and Ukrainian negotiators met in Geneva on Thursday to discuss a prisoner exchange, officials said. ' +
      'The talks ended without agreement, but both delegations promised to return next week with new proposals. ' +
      'The United Nations welcomed the meeting and urged both countries to continue the dialogue.';
    const lines = [
      { id: 'reuters-1', text: story, url: 'https://reuters.test/a' },
      { id: 'ap-1', text: story.replace('Thursday', 'Thursday afternoon').replace('next week', 'soon') + ' (Reporting by staff.)', url: 'https://ap.test/b' },
      { id: 'blog-1', text: story.replace('officials said', 'diplomats said'), url: 'https://ap.test/c' },
    ].map((l) => JSON.stringify(l));
    const r = await cli(['ingest', file('dups.jsonl', lines.join('\n')), '--db', db, '--json']);
    assert.equal(r.code, 0, r.stderr);
    const s = summary(r);
    assert.deepEqual([s.stored, s.nearDuplicates], [1, 2]);
    const rows = JSON.parse((await cli(['events', '--db', db, '--format', 'json', '--all'])).stdout) as Array<Record<string, any>>;
    assert.ok(rows.length > 0);
    assert.ok(rows.every((e) => e.articleId === 'reuters-1' && e.numArticles === 3 && e.numSources === 2));
    const gdelt = (await cli(['events', '--db', db, '--format', 'gdelt'])).stdout.trim().split('\n')[0].split('\t');
    assert.equal(gdelt[GDELT_COLUMNS.indexOf('NumArticles')], '3');
    assert.equal(gdelt[GDELT_COLUMNS.indexOf('NumSources')], '2');
    const plain = await cli(['ingest', file('dups2.jsonl', lines.join('\n').replace(/-1"/g, '-2"')), '--db', join(dir, 'nodedupe.db'), '--no-dedupe', '--json']);
    assert.equal(summary(plain).stored, 3);
  });
});

describe('e2e_store: a database that cannot be written', () => {
  test('read-only file: one line naming it, exit 1; queries still work', async () => {
    const db = join(dir, 'ro.db');
    const ok = await cli(['ingest', '-', '--db', db], TALKS);
    assert.equal(ok.code, 0, ok.stderr);
    chmodSync(db, 0o444);
    try {
      const r = await cli(['ingest', '-', '--db', db], SANCTIONS);
      assert.equal(r.code, 1);
      assert.equal(r.stderr, `dyad: ${db}: database is read-only\n`);
      const q = await cli(['events', '--db', db, '--format', 'csv']);
      assert.equal(q.code, 0, q.stderr);
    } finally {
      chmodSync(db, 0o644);
    }
  });

  test('locked by another writer: one line naming it after the lock timeout, exit 1', async () => {
    const db = join(dir, 'locked.db');
    await cli(['ingest', '-', '--db', db], TALKS);
    const holder = new Database(db);
    holder.prepare('BEGIN IMMEDIATE').run();
    try {
      const r = await cli(['ingest', '-', '--db', db, '--lock-timeout', '300'], SANCTIONS);
      assert.equal(r.code, 1);
      assert.equal(r.stderr, `dyad: ${db}: database is locked by another writer\n`);
    } finally {
      holder.prepare('ROLLBACK').run();
      holder.close();
    }
  });

  test('a missing database for a query: one line, exit 1', async () => {
    const r = await cli(['events', '--db', join(dir, 'none.db')]);
    assert.equal(r.code, 1);
    assert.equal(r.stderr, `dyad: ${join(dir, 'none.db')}: no such database (run dyad ingest first)\n`);
  });
});
