/**
 * The Store contract: one suite, run against every adapter (sqlite.test.ts,
 * postgres.test.ts). An adapter passes when it behaves the same as the other
 * on everything here. Articles are built by hand; no coder is involved.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodedArticle, EventRecord } from '../model/index.ts';
import { DyadError } from '../model/index.ts';
import { groupDyads } from './dyads.ts';
import type { ArticleWrite, EventRow, Store } from './store.ts';

/** A place for one store: open it (again), and remove it when done. */
export interface StoreFixture {
  open(options?: { readonly?: boolean }): Promise<Store>;
  destroy(): Promise<void>;
}

export interface ContractOptions {
  name: string;
  /** A fresh, empty location for each test. */
  fresh(): Promise<StoreFixture>;
  skip?: string | false;
}

const span = (text: string, start: number) => ({ text, start, end: start + text.length });

function event(over: Partial<EventRecord> & { sentence: number }): EventRecord {
  return {
    source: { code: 'ISRGOV', ...span('Israel', 0) },
    target: { code: 'RUSGOV', ...span('Russia', 20) },
    code: '112',
    root: '11',
    quadClass: 3,
    goldstein: -2,
    verb: span('accused', 7),
    negated: false,
    ...over,
  };
}

const TEXT1 = 'Israel accused the Russia government of lying. Moscow rejected the claim.';
const TEXT2 = 'Russian troops attacked Ukrainian positions near Kharkiv on Monday.';

/** A coded article using every optional field of the schema. */
export function richArticle(id = 'a1', text = TEXT1): CodedArticle {
  return {
    id,
    date: '2026-03-02',
    sentences: [
      { start: 0, end: text.indexOf('.') + 1, text: text.slice(0, text.indexOf('.') + 1) },
      { start: text.indexOf('.') + 2, end: text.length, text: text.slice(text.indexOf('.') + 2) },
    ],
    events: [
      event({
        sentence: 0,
        pattern: { file: 'dyad.verbs.txt', line: 12, text: '- * accused [112]' },
        date: '2026-03-01',
        dateSource: 'text',
        dateText: span('Sunday', 30),
        plover: { type: 'ACCUSE', mode: 'allege' },
        modality: 'asserted',
        mentions: 2,
        evidence: [
          { sentence: 0, verb: span('accused', 7), source: span('Israel', 0), target: span('Russia', 20) },
          { sentence: 1, verb: span('said', 50), source: span('Israel', 48), target: null },
        ],
        location: { name: 'Moscow', country: 'RUS', lat: 55.75, lon: 37.62, geonameid: 524901, precision: 'city' },
      }),
      event({ sentence: 1, source: { code: 'RUS', ...span('Moscow', 47), name: 'RUSSIA' }, target: { code: 'ISR', ...span('Israel', 0) }, code: '125', root: '12', goldstein: -5, verb: span('rejected', 54) }),
      event({ sentence: 1, code: '190', root: '19', quadClass: 4, goldstein: -10, negated: true, verb: span('rejected', 54) }),
      event({ sentence: 1, code: '0874', root: '08', quadClass: 2, goldstein: 6, modality: 'hypothetical', verb: span('rejected', 54) }),
    ],
    dictionaryVersion: 'v1',
    entities: [
      { ...span('Israel', 0), type: 'GPE', code: 'ISR', name: 'ISRAEL' },
      { ...span('Moscow', 47), type: 'GPE', code: 'RUS', role: 'capital' },
      { ...span('it', 60), type: 'GPE', refersTo: 1 },
    ],
    quotes: [
      { ...span('of lying', 38), kind: 'indirect', speaker: { ...span('Israel', 0), name: 'ISRAEL', code: 'ISR' }, cue: span('accused', 7) },
      { ...span('the claim', 63), kind: 'direct', speaker: null, cue: span('rejected', 54) },
    ],
    places: [{ ...span('Moscow', 47), name: 'Moscow', country: 'RUS', lat: 55.75, lon: 37.62, geonameid: 524901 }, { ...span('Kharkiv', 70) }],
    tone: -3.25,
  };
}

function plainArticle(id: string, text: string, date: string, events: EventRecord[]): CodedArticle {
  return { id, date, sentences: [{ start: 0, end: text.length, text }], events, dictionaryVersion: 'v1' };
}

let hashN = 0;
function write(coded: CodedArticle, text: string, over: Partial<ArticleWrite> = {}): ArticleWrite {
  return {
    id: coded.id,
    hash: `h-${coded.id}-${++hashN}`,
    source: `/news/${coded.id}.txt`,
    publisher: 'wire',
    title: `Title of ${coded.id}`,
    date: coded.date,
    text,
    fingerprint: { signature: new Uint8Array([1, 2, 3, 4]), keys: [11, -12, 13] },
    coded,
    ...over,
  } as ArticleWrite;
}

async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

const codes = (rows: EventRow[]) => rows.map((r) => r.event.code).sort();

export function storeContract({ name, fresh, skip }: ContractOptions): void {
  describe(`store contract: ${name}`, { skip }, () => {
    /** Runs `fn` on a store in a fresh location, always cleaning up. */
    async function withStore(fn: (store: Store, fx: StoreFixture) => Promise<void>): Promise<void> {
      const fx = await fresh();
      const store = await fx.open();
      try {
        await fn(store, fx);
      } finally {
        await store.close();
        await fx.destroy();
      }
    }

    test('store_roundtrip: a coded article with every annotation comes back deep-equal', () =>
      withStore(async (store) => {
        const coded = richArticle();
        const w = write(coded, TEXT1, { feed: 'http://feeds.example/rss', url: 'http://example.org/a1' });
        assert.deepEqual(await store.putArticle(w), { status: 'stored' });
        const got = await store.getArticle('a1');
        assert.ok(got);
        assert.deepEqual(got.coded, coded);
        assert.equal(got.text, TEXT1);
        assert.equal(got.hash, w.hash);
        assert.equal(got.source, '/news/a1.txt');
        assert.equal(got.feed, 'http://feeds.example/rss');
        assert.equal(got.url, 'http://example.org/a1');
        assert.equal(got.title, 'Title of a1');
        assert.equal(got.date, '2026-03-02');
        assert.equal(got.dictionaryVersion, 'v1');
        assert.equal(got.duplicateOf, null);
        assert.equal(got.numArticles, 1);
        assert.equal(got.numSources, 1);
        assert.match(got.addedAt, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
        assert.equal(await store.getArticle('nope'), null);
        assert.equal(await store.findHash(w.hash), 'a1');
        assert.equal(await store.hasId('a1'), true);
        assert.equal(await store.hasId('a2'), false);
      }));

    test('store_roundtrip: sentence texts that are not slices of the text are kept as given', () =>
      withStore(async (store) => {
        const coded = plainArticle('s1', 'One.  Two.', '2026-01-01', []);
        coded.sentences = [{ start: 0, end: 4, text: 'One.' }, { start: 6, end: 10, text: 'TWO (edited)' }];
        await store.putArticle(write(coded, 'One.  Two.'));
        assert.deepEqual((await store.getArticle('s1'))?.coded, coded);
      }));

    test('store_idempotent: the same content is stored once; another text under a stored id is refused', () =>
      withStore(async (store) => {
        const w = write(richArticle(), TEXT1);
        await store.putArticle(w);
        assert.deepEqual(await store.putArticle({ ...w, id: 'other-id' }), { status: 'exists', id: 'a1' });
        assert.deepEqual(await store.putArticle({ ...w, hash: 'different' }), { status: 'id-conflict' });
        assert.deepEqual(await store.stats(), { articles: 1, duplicates: 0, events: 4 });
      }));

    test('store_atomic: an article whose annotations fail to write leaves nothing behind', () =>
      withStore(async (store) => {
        const coded = richArticle('bad');
        // JSON.stringify throws on a BigInt: the failure comes after the article row is written
        (coded.events[2] as unknown as Record<string, unknown>).mentions = 10n;
        const w = write(coded, TEXT1);
        await assert.rejects(store.putArticle(w));
        assert.equal(await store.getArticle('bad'), null);
        assert.equal(await store.findHash(w.hash), null);
        assert.deepEqual(await store.stats(), { articles: 0, duplicates: 0, events: 0 });
        // the store is still usable
        assert.deepEqual(await store.putArticle(write(richArticle('good'), TEXT1)), { status: 'stored' });
      }));

    test('store_neardup: a near-duplicate links to the root original and updates its counts', () =>
      withStore(async (store) => {
        await store.putArticle(write(richArticle('orig'), TEXT1, { publisher: 'reuters.com' }));
        const dup = (id: string, publisher: string, of: string): ArticleWrite => ({
          id, hash: `h-${id}`, source: `http://${publisher}/${id}`, publisher, text: TEXT1 + ' (updated)', date: '2026-03-02',
          fingerprint: { signature: new Uint8Array([1, 2, 3, 5]), keys: [11, 99] }, duplicateOf: of,
        });
        assert.deepEqual(await store.putArticle(dup('d1', 'ap.org', 'orig')), { status: 'stored' });
        await store.putArticle(dup('d2', 'ap.org', 'orig'));
        await store.putArticle(dup('d3', 'bbc.co.uk', 'd1')); // a copy of a copy counts for the root
        const orig = await store.getArticle('orig');
        assert.equal(orig?.numArticles, 4);
        assert.equal(orig?.numSources, 3);
        const d3 = await store.getArticle('d3');
        assert.equal(d3?.duplicateOf, 'orig');
        assert.equal(d3?.coded, null);
        assert.equal(d3?.dictionaryVersion, null);
        assert.deepEqual(await store.stats(), { articles: 4, duplicates: 3, events: 4 });
        // candidates are originals only, found by any shared band
        const c = await store.nearCandidates([7, -12, 99]);
        assert.deepEqual(c, [{ id: 'orig', signature: new Uint8Array([1, 2, 3, 4]) }]);
        assert.deepEqual(await store.nearCandidates([99]), [], 'near-duplicates are never candidates');
        assert.deepEqual(await store.nearCandidates([]), []);
        // events of the original carry the counts
        const rows = await all(store.events());
        assert.ok(rows.length > 0);
        for (const r of rows) assert.deepEqual([r.numArticles, r.numSources], [4, 3]);
        await assert.rejects(store.putArticle(dup('d4', 'x', 'missing')), DyadError);
      }));

    test('store_recode: replaceCoding swaps events and annotations atomically; listing pages by id', () =>
      withStore(async (store) => {
        for (const id of ['c', 'a', 'b']) await store.putArticle(write(richArticle(id), TEXT1));
        const next = plainArticle('a', TEXT1, '2026-03-02', [event({ sentence: 0, code: '042', root: '04', quadClass: 1, goldstein: 1.9 })]);
        next.dictionaryVersion = 'v2';
        await store.replaceCoding('a', next);
        const a = await store.getArticle('a');
        assert.deepEqual(a?.coded, next);
        assert.equal(a?.dictionaryVersion, 'v2');
        assert.equal((await store.stats()).events, 9);
        assert.deepEqual(codes(await all(store.events({ code: '04' }))), ['042']);
        assert.deepEqual(await all(store.quotes()).then((q) => q.map((x) => x.articleId).sort()), ['b', 'b', 'c', 'c']);

        // a failing replacement keeps the old coding
        const bad = richArticle('b');
        (bad.events[0] as unknown as Record<string, unknown>).mentions = 1n;
        await assert.rejects(store.replaceCoding('b', bad));
        assert.deepEqual((await store.getArticle('b'))?.coded, richArticle('b'));
        await assert.rejects(store.replaceCoding('missing', next), DyadError);

        const page1 = await store.articlesToRecode(null, 2);
        assert.deepEqual(page1.map((x) => x.id), ['a', 'b']);
        assert.equal(page1[0].text, TEXT1);
        assert.equal(page1[0].date, '2026-03-02');
        assert.deepEqual((await store.articlesToRecode('b', 2)).map((x) => x.id), ['c']);
        assert.deepEqual((await store.articlesToRecode(null, 10, 'v2')).map((x) => x.id), ['b', 'c']);
      }));

    test('store_staged: a staged coding stays invisible until its version is switched in, all at once', () =>
      withStore(async (store) => {
        for (const id of ['a', 'b']) await store.putArticle(write(richArticle(id), TEXT1));
        const before = codes(await all(store.events()));
        const next = (id: string) => ({
          ...plainArticle(id, TEXT1, '2026-03-02', [event({ sentence: 0, code: '042', root: '04', quadClass: 1, goldstein: 1.9 })]),
          dictionaryVersion: 'v2',
        });
        await store.stageCoding('a', next('a'));
        await store.stageCoding('b', next('b'));
        await store.stageCoding('b', next('b')); // staged twice: kept once
        await store.stageCoding('a', { ...richArticle('a'), dictionaryVersion: 'v3' });
        // the live coding is what queries read while the recode runs
        assert.deepEqual(codes(await all(store.events())), before);
        assert.equal((await store.getArticle('a'))?.dictionaryVersion, richArticle('a').dictionaryVersion ?? null);
        assert.deepEqual(await store.stagedCodings(), [{ version: 'v2', articles: 2 }, { version: 'v3', articles: 1 }]);

        assert.equal(await store.switchCoding('v2'), 2);
        assert.deepEqual(codes(await all(store.events())), ['042', '042']);
        assert.deepEqual((await store.getArticle('b'))?.coded, next('b'));
        assert.equal((await store.getArticle('a'))?.dictionaryVersion, 'v2');
        assert.deepEqual(await store.stagedCodings(), [], 'every staged coding is dropped at the switch');
        assert.equal(await store.switchCoding('v2'), 0);
        await assert.rejects(store.stageCoding('missing', next('missing')), DyadError);
      }));

    test('store_events: filters by actor, code, root, dates, text; negated and hypothetical only with all', () =>
      withStore(async (store) => {
        await store.putArticle(write(richArticle('a1'), TEXT1));
        const e2 = [
          event({ sentence: 0, source: { code: 'RUSMIL', ...span('Russian troops', 0) }, target: { code: 'UKRMIL', ...span('Ukrainian positions', 24) }, code: '190', root: '19', quadClass: 4, goldstein: -10 }),
          event({ sentence: 0, source: { code: 'GOV', ...span('officials', 0) }, target: null, code: '1121', root: '11', goldstein: -2 }),
        ];
        await store.putArticle(write(plainArticle('a2', TEXT2, '2026-04-10', e2), TEXT2, { title: 'Kharkiv attack' }));

        const every = await all(store.events());
        assert.deepEqual(codes(every), ['112', '1121', '125', '190']);
        assert.equal((await all(store.events({ all: true }))).length, 6);
        // the count query agrees with the rows, whatever the filter
        assert.equal(await store.countEvents({ all: true }), 6);
        assert.equal(await store.countEvents({ source: 'rus' }), 2);
        assert.equal(await store.countEvents({ source: 'rus', limit: 1 }), 2);
        assert.deepEqual(codes(await all(store.events({ source: 'ISR' }))), ['112']);
        assert.deepEqual(codes(await all(store.events({ source: 'rus' }))), ['125', '190']);
        assert.deepEqual(codes(await all(store.events({ source: 'RUSMIL' }))), ['190']);
        assert.deepEqual(codes(await all(store.events({ source: 'GOV' }))), ['1121']);
        assert.deepEqual(codes(await all(store.events({ target: 'UKR' }))), ['190']);
        assert.deepEqual(codes(await all(store.events({ actor: 'ISR' }))), ['112', '125']);
        assert.deepEqual(codes(await all(store.events({ root: '11' }))), ['112', '1121']);
        assert.deepEqual(codes(await all(store.events({ code: '112' }))), ['112', '1121']);
        assert.deepEqual(codes(await all(store.events({ root: '8', all: true }))), ['0874']);
        assert.deepEqual(codes(await all(store.events({ root: '08', all: true }))), ['0874']);
        // the first event has its own date (2026-03-01), the others the article's
        assert.deepEqual(codes(await all(store.events({ to: '2026-03-01' }))), ['112']);
        assert.deepEqual(codes(await all(store.events({ from: '2026-03-02', to: '2026-03-31' }))), ['125']);
        assert.deepEqual(codes(await all(store.events({ text: 'kharkiv' }))), ['1121', '190']);
        assert.deepEqual(codes(await all(store.events({ text: 'Moscow "rejected the claim"' }))), ['112', '125']);
        assert.deepEqual(codes(await all(store.events({ text: '"claim rejected"' }))), []);
        assert.deepEqual(codes(await all(store.events({ text: '!!' }))), []);
        assert.equal((await all(store.events({ limit: 3 }))).length, 3);

        const [first] = await all(store.events({ source: 'ISR' }));
        assert.deepEqual(first.event, richArticle('a1').events[0]);
        assert.equal(first.articleId, 'a1');
        assert.equal(first.date, '2026-03-01');
        assert.equal(first.sourceCountry, 'ISR');
        assert.equal(first.targetCountry, 'RUS');
        assert.equal(first.counted, true);
        assert.deepEqual(first.sentence, richArticle('a1').sentences[0]);
        assert.equal(first.index, 0);
        assert.equal(first.title, 'Title of a1');
        assert.equal(first.tone, -3.25);
        assert.equal(typeof first.eventId, 'number');
        const gov = (await all(store.events({ source: 'GOV' })))[0];
        assert.equal(gov.sourceCountry, null);
        assert.equal(gov.targetCountry, null);
      }));

    test('store_events: paging returns every row once, in storage order', () =>
      withStore(async (store) => {
        const many = Array.from({ length: 2500 }, (_, i) => event({ sentence: 0, code: i % 2 ? '042' : '112', root: i % 2 ? '04' : '11' }));
        await store.putArticle(write(plainArticle('big', TEXT2, '2026-01-05', many), TEXT2));
        const rows = await all(store.events());
        assert.equal(rows.length, 2500);
        assert.equal(new Set(rows.map((r) => r.eventId)).size, 2500);
        assert.ok(rows.every((r, i) => i === 0 || r.eventId > rows[i - 1].eventId));
        assert.equal((await all(store.events({ limit: 2100 }))).length, 2100);
        assert.equal((await all(store.events({ root: '04' }))).length, 1250);
      }));

    test('store_dyads: counted events per country pair and day, grouped by period', () =>
      withStore(async (store) => {
        const mk = (id: string, date: string, evs: Array<[string, string, string, 1 | 2 | 3 | 4, number]>) =>
          plainArticle(id, `Text of ${id}.`, date, evs.map(([s, t, code, q, g]) => event({
            sentence: 0, source: { code: s, ...span('x', 0) }, target: { code: t, ...span('y', 2) }, code, root: code.slice(0, 2), quadClass: q, goldstein: g,
          })));
        await store.putArticle(write(mk('d1', '2026-01-05', [['ISRGOV', 'RUS', '042', 1, 1.5], ['ISR', 'RUSMIL', '190', 4, -10], ['IGOUNO', 'RUS', '042', 1, 1.5]]), 'Text of d1.'));
        await store.putArticle(write(mk('d2', '2026-01-06', [['ISR', 'RUS', '112', 3, -2]]), 'Text of d2.'));
        await store.putArticle(write(mk('d3', '2026-02-10', [['RUS', 'ISR', '112', 3, -2]]), 'Text of d3.'));
        const days = await store.dyadDays();
        assert.deepEqual(days, [
          { source: 'ISR', target: 'RUS', date: '2026-01-05', events: 2, quad: [1, 0, 0, 1], goldsteinSum: -8.5 },
          { source: 'ISR', target: 'RUS', date: '2026-01-06', events: 1, quad: [0, 0, 1, 0], goldsteinSum: -2 },
          { source: 'RUS', target: 'ISR', date: '2026-02-10', events: 1, quad: [0, 0, 1, 0], goldsteinSum: -2 },
        ]);
        assert.equal((await store.dyadDays({ source: 'isr', target: 'RUS', from: '2026-01-06', to: '2026-12-31' })).length, 1);
        const byMonth = groupDyads(days, 'month');
        assert.deepEqual(byMonth[0], { source: 'ISR', target: 'RUS', period: '2026-01', events: 3, quad: [1, 0, 1, 1], goldsteinSum: -10.5, goldsteinMean: -3.5 });
        assert.equal(groupDyads(days, 'week')[0].period, '2026-01-05');

        // the daily table follows recodes: d1 re-coded with one conflict event less
        await store.replaceCoding('d1', { ...mk('d1', '2026-01-05', [['ISRGOV', 'RUS', '042', 1, 1.5]]), dictionaryVersion: 'v2' });
        assert.deepEqual((await store.dyadDays())[0], { source: 'ISR', target: 'RUS', date: '2026-01-05', events: 1, quad: [1, 0, 0, 0], goldsteinSum: 1.5 });
        await store.replaceCoding('d2', { ...mk('d2', '2026-01-06', []), dictionaryVersion: 'v2' });
        assert.equal((await store.dyadDays({ source: 'ISR', target: 'RUS' })).length, 1, 'a day with no events left is gone');
      }));

    test('store_quotes: by speaker (text, name or code, any case)', () =>
      withStore(async (store) => {
        await store.putArticle(write(richArticle('q1'), TEXT1));
        const q = await all(store.quotes({ speaker: 'israel' }));
        assert.equal(q.length, 1);
        assert.equal(q[0].articleId, 'q1');
        assert.equal(q[0].date, '2026-03-02');
        assert.deepEqual(q[0].quote, richArticle().quotes![0]);
        assert.equal((await all(store.quotes())).length, 2);
        assert.equal((await all(store.quotes({ speaker: '100%' }))).length, 0);
        assert.equal((await all(store.quotes({ from: '2027-01-01' }))).length, 0);
      }));

    test('store_search: full text over titles and texts, matches marked in the snippet', () =>
      withStore(async (store) => {
        await store.putArticle(write(richArticle('s1'), TEXT1));
        await store.putArticle(write(plainArticle('s2', TEXT2, '2026-04-10', []), TEXT2, { title: 'Attack near Kharkiv' }));
        const hits = await store.search('kharkiv');
        assert.deepEqual(hits.map((h) => h.id), ['s2']);
        assert.equal(hits[0].title, 'Attack near Kharkiv');
        assert.equal(hits[0].source, '/news/s2.txt');
        assert.match(hits[0].snippet, /\[Kharkiv\]/);
        assert.deepEqual((await store.search('attacks')).map((h) => h.id), ['s2'], 'stemmed');
        assert.deepEqual((await store.search('"rejected the claim"')).map((h) => h.id), ['s1']);
        assert.deepEqual(await store.search('kharkiv moscow'), []);
        assert.deepEqual(await store.search('   '), []);
        assert.deepEqual(await store.search('AND OR NOT "'), [], 'query syntax in user text is not an error');
      }));

    test('store_open: reopening keeps data and migrates nothing twice; read-only opens refuse writes', () =>
      withStore(async (store, fx) => {
        await store.putArticle(write(richArticle('p1'), TEXT1));
        const again = await fx.open();
        try {
          assert.equal((await again.stats()).articles, 1);
        } finally {
          await again.close();
        }
        const ro = await fx.open({ readonly: true });
        try {
          assert.equal((await ro.getArticle('p1'))?.id, 'p1');
          assert.equal((await all(ro.events())).length, 2);
          await assert.rejects(ro.putArticle(write(richArticle('p2'), TEXT2)));
        } finally {
          await ro.close();
        }
      }));
  });
}
