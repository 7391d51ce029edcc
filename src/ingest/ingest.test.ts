/**
 * Ingest: sources → articles (files, directories, jsonl, HTML, feeds, URLs
 * served by a local HTTP server), near-duplicates, and the ingest loop on a
 * real SQLite store with a stand-in coder.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { ArticleInput, CodedArticle } from '../model/index.ts';
import { openStore } from '../store/index.ts';
import {
  contentHash,
  createFetcher,
  extractHtml,
  fingerprint,
  ingest,
  parseFeed,
  parseJsonlRecord,
  readSources,
  similarity,
  toIsoDate,
  type SourceItem,
  type SourceSpec,
} from './index.ts';

const dir = mkdtempSync(join(tmpdir(), 'dyad-ingest-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const p = join(dir, name);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, content);
  return p;
}

async function collect(specs: SourceSpec[], options: Parameters<typeof readSources>[1] = {}): Promise<SourceItem[]> {
  const out: SourceItem[] = [];
  for await (const x of readSources(specs, { fetcher: createFetcher({ perHostIntervalMs: 0 }), ...options })) out.push(x);
  return out;
}

const STORY =
  'Russian and Ukrainian negotiators met in Geneva on Thursday, officials said. The talks ended without agreement ' +
  'but both sides promised to return next week. The United Nations welcomed the meeting and urged both countries ' +
  'to continue. Diplomats said a second round could start soon, and observers called the atmosphere constructive.';

const page = (body: string, head = '') =>
  `<!doctype html><html><head><title>Site | Story</title>${head}</head><body><nav>Home | World | Sport</nav>${body}<footer>Copyright</footer></body></html>`;

const ARTICLE_HTML = page(
  `<article><h1>Talks in Geneva</h1><p>${STORY}</p><p>The next meeting is planned in Vienna, where both delegations will bring new proposals on prisoner exchanges.</p></article>`,
  '<meta property="og:title" content="Talks resume in Geneva"><meta property="article:published_time" content="2026-02-11T09:00:00+01:00">',
);

describe('ingest_text', () => {
  test('contentHash ignores whitespace differences and Unicode normalization form', () => {
    assert.equal(contentHash('A  b\n\nc '), contentHash('A b c'));
    assert.equal(contentHash('caf\u00e9'), contentHash('cafe\u0301'));
    assert.notEqual(contentHash('a b'), contentHash('a c'));
  });

  test('toIsoDate reads ISO, RSS and written dates, keeping the publisher day', () => {
    assert.equal(toIsoDate('2026-03-02T23:30:00-05:00'), '2026-03-02');
    assert.equal(toIsoDate('Mon, 02 Mar 2026 23:30:00 -0500'), '2026-03-02');
    assert.equal(toIsoDate('March 2, 2026'), '2026-03-02');
    assert.equal(toIsoDate('20260302'), '2026-03-02');
    assert.equal(toIsoDate('2026-02-30'), null);
    assert.equal(toIsoDate('last week'), null);
  });

  test('parseJsonlRecord: fields, defaults and reasons', () => {
    assert.deepEqual(parseJsonlRecord('{"id": 7, "text": "x y", "date": "20260301", "url": "http://a.org/1"}'), {
      id: '7', text: 'x y', title: null, date: '2026-03-01', url: 'http://a.org/1', publisher: null,
    });
    assert.equal(parseJsonlRecord('{"text": "x"}', '2026-01-01').toString(), '[object Object]');
    assert.match(parseJsonlRecord('{"id": "a"') as string, /^not valid JSON/);
    assert.equal(parseJsonlRecord('[1]'), 'expected a JSON object');
    assert.equal(parseJsonlRecord('{"id": "a"}'), '"text" must be a string');
    assert.equal(parseJsonlRecord('{"text": "  "}'), 'empty "text"');
    assert.equal(parseJsonlRecord('{"text": "x", "title": 3}'), '"title" must be a string');
    assert.match(parseJsonlRecord('{"text": "x", "date": "soon"}') as string, /^bad "date"/);
  });
});

describe('ingest_dedupe', () => {
  test('a lightly edited copy is similar, a different story is not, a short text has no fingerprint', () => {
    const long = `${STORY} ${STORY.split(' ').reverse().join(' ')}`;
    const a = fingerprint(long)!;
    const edited = fingerprint(long.replace('Thursday', 'Friday').replace('Vienna', 'Rome') + ' Updated at 10:00.')!;
    const other = fingerprint('Protesters gathered outside parliament in Nairobi on Monday to denounce new taxes, and police fired tear gas at the crowd as the demonstration grew, witnesses said.')!;
    assert.ok(similarity(a.signature, edited.signature) >= 0.7);
    assert.ok(a.keys.some((k) => edited.keys.includes(k)));
    assert.ok(similarity(a.signature, other.signature) < 0.3);
    assert.equal(fingerprint('Too short to fingerprint.'), null);
    assert.equal(a.keys.length, 16);
    assert.ok(a.keys.every((k) => Number.isInteger(k) && k >= -(2 ** 31) && k < 2 ** 31));
  });
});

describe('ingest_html', () => {
  test('main text by paragraphs, og:title, published date; navigation left out', () => {
    const a = extractHtml(ARTICLE_HTML)!;
    assert.equal(a.title, 'Talks resume in Geneva');
    assert.equal(a.date, '2026-02-11');
    assert.ok(a.text.startsWith('Russian and Ukrainian negotiators'), a.text);
    assert.match(a.text, /return next week\. The United/);
    assert.match(a.text, /constructive\.\n\nThe next meeting/);
    assert.doesNotMatch(a.text, /Home \| World|Copyright/);
  });

  test('date from JSON-LD; title from <title> when there is no meta title', () => {
    const html = page(`<article><p>${STORY}</p></article>`, '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-12-24T08:00:00Z"}</script>');
    const a = extractHtml(html)!;
    assert.equal(a.date, '2025-12-24');
    assert.ok(a.title);
  });

  test('a page without an article gives null', () => {
    assert.equal(extractHtml(page('<form><input name="q"><button>Search</button></form>')), null);
    assert.equal(extractHtml('<html><body></body></html>'), null);
  });
});

describe('ingest_feed', () => {
  test('RSS 2.0 items with links, titles and RFC 822 dates; relative links resolved', () => {
    const f = parseFeed(
      `<?xml version="1.0"?><rss version="2.0"><channel><title>World</title>
        <item><title>One &amp; two</title><link>http://news.test/1</link><pubDate>Tue, 10 Feb 2026 08:00:00 GMT</pubDate></item>
        <item><title>No link</title></item>
        <item><title>Rel</title><link>/3</link></item>
      </channel></rss>`,
      'http://news.test/feed.xml',
    );
    assert.equal(f.title, 'World');
    assert.deepEqual(f.items, [
      { link: 'http://news.test/1', title: 'One & two', date: '2026-02-10' },
      { link: 'http://news.test/3', title: 'Rel', date: null },
    ]);
  });

  test('Atom entries: the alternate link, published date', () => {
    const f = parseFeed(`<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
      <entry><title>A</title><link rel="self" href="http://x.test/self"/><link rel="alternate" href="http://x.test/a"/><published>2026-01-02T00:00:00Z</published></entry>
      <entry><title type="html">B</title><link href="http://x.test/b"/><updated>2026-01-03T10:00:00+02:00</updated></entry></feed>`);
    assert.deepEqual(f.items, [
      { link: 'http://x.test/a', title: 'A', date: '2026-01-02' },
      { link: 'http://x.test/b', title: 'B', date: '2026-01-03' },
    ]);
  });

  test('not XML, or XML that is not a feed: a short reason', () => {
    assert.throws(() => parseFeed('this is { not xml'), /^Error: not an RSS or Atom feed \(not XML/);
    assert.throws(() => parseFeed('<html><body>hi</body></html>'), /no <rss>, <feed> or <rdf:RDF> element/);
  });
});

describe('ingest_sources: files and directories', () => {
  test('a directory, recursively: text, HTML and jsonl, hidden files skipped; each bad file reported', async () => {
    const root = join(dir, 'tree');
    file('tree/a.txt', `Talks in Geneva\n${STORY}\n`);
    file('tree/sub/b.html', ARTICLE_HTML);
    file('tree/sub/c.jsonl', '{"id": "j1", "text": "First record.", "date": "2026-01-01"}\n\nnot json\n{"id": "j2", "text": "Second record.", "url": "https://www.wire.test/j2"}\n');
    file('tree/.hidden.txt', 'secret');
    file('tree/empty.txt', '');
    file('tree/blank.txt', '  \n\n ');
    file('tree/bad-utf8.txt', Buffer.from([0x48, 0x69, 0xff, 0xfe, 0x21]));
    file('tree/image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    file('tree/login.html', page('<form><input></form>'));
    const items = await collect([{ kind: 'path', path: root }]);
    const byName = (n: string) => items.find((i) => (i.kind === 'article' ? i.article.name : i.name).includes(n));
    const a = byName('a.txt');
    assert.equal(a?.kind, 'article');
    if (a?.kind === 'article') {
      assert.equal(a.article.id, join(root, 'a.txt'));
      assert.equal(a.article.title, 'Talks in Geneva');
      assert.equal(a.article.publisher, root);
      assert.equal(a.article.date, null);
    }
    const b = byName('b.html');
    assert.ok(b?.kind === 'article' && b.article.title === 'Talks resume in Geneva' && b.article.date === '2026-02-11');
    const j2 = byName('(j2)');
    assert.ok(j2?.kind === 'article' && j2.article.publisher === 'wire.test' && j2.article.url === 'https://www.wire.test/j2');
    assert.ok(byName('(j1)')?.kind === 'article');
    const reasons = Object.fromEntries(items.filter((i) => i.kind === 'failed').map((i) => [i.kind === 'failed' && i.name.slice(root.length + 1), i.kind === 'failed' && i.reason]));
    assert.deepEqual(reasons, {
      'bad-utf8.txt': 'not valid UTF-8',
      'blank.txt': 'empty file (only whitespace)',
      'empty.txt': 'empty file',
      'image.png': 'binary file, not text',
      'login.html': 'no article text found in the HTML',
      'sub/c.jsonl:3': reasons['sub/c.jsonl:3'],
    });
    assert.match(reasons['sub/c.jsonl:3'] as string, /^not valid JSON/);
    assert.equal(items.length, 10);
    assert.ok(!items.some((i) => i.kind === 'article' && i.article.name.includes('hidden')));
  });

  test('size cap: a large text file is refused without reading it; a long jsonl line alone', async () => {
    const big = file('big.txt', 'word '.repeat(30_000));
    const lines = file('lines.jsonl', `{"id":"ok","text":"fine"}\n{"id":"huge","text":"${'x'.repeat(5000)}"}\n{"id":"ok2","text":"fine too"}\n`);
    const items = await collect([{ kind: 'path', path: big }, { kind: 'path', path: lines }], { maxBytes: 4096 });
    assert.deepEqual(items[0], { kind: 'failed', name: big, reason: 'too large (146 KB; the limit is 4 KB)' });
    assert.deepEqual(items.slice(1).map((i) => (i.kind === 'article' ? i.article.id : `${i.kind}:${i.kind === 'failed' ? i.reason : ''}`)), [
      'ok',
      'failed:too large (5 KB; the limit is 4 KB)',
      'ok2',
    ]);
  });

  test('a missing path is reported; --format overrides the extension', async () => {
    const items = await collect([{ kind: 'path', path: join(dir, 'nope.txt') }]);
    assert.deepEqual(items, [{ kind: 'failed', name: join(dir, 'nope.txt'), reason: 'no such file or directory' }]);
    const h = file('page.txt', ARTICLE_HTML);
    const [asHtml] = await collect([{ kind: 'path', path: h }], { format: 'html' });
    assert.ok(asHtml.kind === 'article' && asHtml.article.title === 'Talks resume in Geneva');
    const [asText] = await collect([{ kind: 'path', path: h }], { format: 'text' });
    assert.ok(asText.kind === 'article' && asText.article.text.startsWith('<!doctype'));
  });

  test('stdin: jsonl streams by line; other text is one article with a content-derived id', async () => {
    const j = await collect([{ kind: 'stdin' }], { stdin: Readable.from([Buffer.from('{"id":"s1","text":"One."}\n{"id":"s2",'), Buffer.from('"text":"Two."}\n')]) });
    assert.deepEqual(j.map((i) => i.kind === 'article' && i.article.id), ['s1', 's2']);
    const t = await collect([{ kind: 'stdin' }], { stdin: Readable.from([Buffer.from(STORY)]), defaultDate: '2026-05-01' });
    assert.ok(t[0].kind === 'article' && /^stdin:[0-9a-f]{16}$/.test(t[0].article.id) && t[0].article.date === '2026-05-01');
    const e = await collect([{ kind: 'stdin' }], { stdin: Readable.from([]) });
    assert.deepEqual(e, [{ kind: 'failed', name: 'stdin', reason: 'empty input' }]);
  });
});

describe('ingest_sources: URLs and feeds (local HTTP server)', () => {
  let server: Server;
  let base = '';
  const hits: Array<{ path: string; t: number }> = [];
  before(async () => {
    server = createServer((req, res) => {
      const path = req.url ?? '/';
      hits.push({ path, t: Date.now() });
      const send = (status: number, type: string, body: string | Buffer) => {
        res.writeHead(status, { 'content-type': type });
        res.end(body);
      };
      if (path === '/feed.xml')
        return send(200, 'application/rss+xml', `<rss version="2.0"><channel><title>F</title>
          <item><title>Story one</title><link>${base}/story/1</link><pubDate>Wed, 11 Feb 2026 10:00:00 GMT</pubDate></item>
          <item><title>Gone</title><link>${base}/missing</link></item>
          <item><title>Known</title><link>${base}/story/known</link></item>
          <item><title>Plain</title><link>${base}/plain</link><pubDate>Thu, 12 Feb 2026 10:00:00 GMT</pubDate></item>
        </channel></rss>`);
      if (path === '/notxml') return send(200, 'application/rss+xml', 'this { is not xml');
      if (path === '/story/1') return send(200, 'text/html; charset=utf-8', ARTICLE_HTML);
      if (path === '/plain') return send(200, 'text/plain', `Plain story\n${STORY}`);
      if (path === '/big') return send(200, 'text/plain', 'x'.repeat(20_000));
      if (path === '/binary') return send(200, 'image/png', Buffer.from([0x89, 0x50, 0, 0]));
      if (path === '/slow') {
        setTimeout(() => send(200, 'text/plain', 'late'), 2000).unref();
        return;
      }
      send(404, 'text/plain', 'not found');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => server.closeAllConnections?.() ?? server.close());

  test('a feed: each link fetched; stored links skipped; dead links reported; item date as fallback', async () => {
    const items = await collect([{ kind: 'feed', location: `${base}/feed.xml` }], { isStored: async (id) => id.endsWith('/known') });
    assert.equal(items.length, 4);
    const [one, gone, known, plain] = items;
    assert.ok(one.kind === 'article');
    if (one.kind === 'article') {
      assert.equal(one.article.id, `${base}/story/1`);
      assert.equal(one.article.feed, `${base}/feed.xml`);
      assert.equal(one.article.publisher, '127.0.0.1');
      assert.equal(one.article.title, 'Talks resume in Geneva');
      assert.equal(one.article.date, '2026-02-11');
    }
    assert.deepEqual(gone, { kind: 'failed', name: `${base}/missing`, reason: 'HTTP 404 Not Found' });
    assert.deepEqual(known, { kind: 'known', name: `${base}/story/known`, id: `${base}/story/known` });
    assert.ok(plain.kind === 'article' && plain.article.title === 'Plain story' && plain.article.date === '2026-02-12');
  });

  test('URLs: size cap, binary, not a feed, timeout, refused connection each give a reason', async () => {
    const fetcher = createFetcher({ perHostIntervalMs: 0, maxBytes: 10_000, timeoutMs: 300 });
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const items = await collect(
      [
        { kind: 'url', url: `${base}/big` },
        { kind: 'url', url: `${base}/binary` },
        { kind: 'feed', location: `${base}/notxml` },
        { kind: 'url', url: `${base}/slow` },
        { kind: 'url', url: `http://127.0.0.1:${closedPort}/x` },
        { kind: 'url', url: 'ftp://example.test/x' },
        { kind: 'url', url: `${base}/plain` },
      ],
      { fetcher },
    );
    const reasons = items.map((i) => (i.kind === 'failed' ? i.reason : i.kind));
    assert.equal(reasons[0], 'too large (more than 10 KB)');
    assert.equal(reasons[1], 'not text (content type image/png)');
    assert.match(reasons[2], /^not an RSS or Atom feed \(not XML/);
    assert.equal(reasons[3], 'timed out after 0.3 s');
    assert.match(reasons[4], /^cannot fetch \(ECONNREFUSED\)/);
    assert.equal(reasons[5], "unsupported URL scheme 'ftp:'");
    assert.equal(reasons[6], 'article');
  });

  test('the per-host rate limit spaces requests to one host, not across hosts', async () => {
    let clock = 1000;
    const started: Array<[string, number]> = [];
    const fetcher = createFetcher({
      perHostIntervalMs: 500,
      now: () => clock,
      sleep: async (ms) => void (clock += ms),
      fetch: (async (u: URL) => {
        started.push([u.host, clock]);
        return new Response('ok', { headers: { 'content-type': 'text/plain' } });
      }) as unknown as typeof fetch,
    });
    for (const url of ['http://a.test/1', 'http://a.test/2', 'http://b.test/1', 'http://a.test/3']) await fetcher.get(url);
    assert.deepEqual(started, [['a.test', 1000], ['a.test', 1500], ['b.test', 1500], ['a.test', 2000]]);
  });
});

describe('ingest_loop', () => {
  /** A stand-in coder: one event per article, so the loop is tested without dictionaries. */
  const coder = {
    calls: 0,
    code(input: ArticleInput): CodedArticle {
      this.calls++;
      if (input.text.includes('CRASH')) throw new Error('pipeline stage "x" failed on article y: boom\nstack');
      return {
        id: input.id ?? 'doc',
        date: input.date ?? null,
        sentences: [{ start: 0, end: input.text.length, text: input.text }],
        events: [{
          sentence: 0, source: { code: 'RUS', text: 'R', start: 0, end: 1 }, target: null, code: '040', root: '04',
          quadClass: 1, goldstein: 1, verb: { text: 'met', start: 0, end: 1 }, negated: false,
        }],
        dictionaryVersion: 'test',
      };
    },
  };

  test('stored, exact duplicates, near-duplicates linked not coded, id conflicts and coding errors reported', async () => {
    const store = await openStore(join(dir, 'loop.db'));
    try {
      const art = (id: string, text: string, publisher = 'wire') => ({
        kind: 'article' as const,
        article: { id, text, title: null, date: '2026-02-11', source: id, url: null, feed: null, publisher, name: id },
      });
      const copy = STORY.replace('Thursday', 'Friday') + ' This story was updated.';
      async function* items(): AsyncGenerator<SourceItem> {
        yield art('one', STORY, 'reuters');
        yield art('one-again', `${STORY}  `); // same content
        yield art('copy', copy, 'ap');
        yield art('one', 'Different text under a stored id.');
        yield art('bad', 'CRASH this one');
        yield { kind: 'failed', name: 'x.bin', reason: 'binary file, not text' };
        yield { kind: 'known', name: 'http://k', id: 'http://k' };
      }
      const seen: string[] = [];
      coder.calls = 0;
      const summary = await ingest(items(), { store, coder, onOutcome: (o) => seen.push(o.status) });
      assert.deepEqual(seen, ['stored', 'duplicate', 'near-duplicate', 'failed', 'failed', 'failed', 'duplicate']);
      assert.equal(coder.calls, 2, 'the near-duplicate is not coded');
      assert.deepEqual(summary.failed, [
        { name: 'one', reason: 'id "one" is already stored with different content' },
        { name: 'bad', reason: 'cannot code: pipeline stage "x" failed on article y: boom' },
        { name: 'x.bin', reason: 'binary file, not text' },
      ]);
      assert.equal(summary.stored, 1);
      assert.equal(summary.events, 1);
      assert.equal(summary.duplicates, 2);
      assert.equal(summary.nearDuplicates, 1);
      const one = await store.getArticle('one');
      assert.deepEqual([one?.numArticles, one?.numSources], [2, 2]);
      assert.equal((await store.getArticle('copy'))?.duplicateOf, 'one');

      // running the same batch again stores nothing
      const again = await ingest(items(), { store, coder });
      assert.equal(again.stored + again.nearDuplicates, 0);
      assert.deepEqual(await store.stats(), { articles: 2, duplicates: 1, events: 1 });
    } finally {
      await store.close();
    }
  });
});
