/**
 * The embedded store: one SQLite file (better-sqlite3), WAL mode, FTS5 over
 * the articles. better-sqlite3 is synchronous; the Store methods are async
 * only to share the interface with PostgreSQL.
 */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { DyadError, type CodedArticle, type EventRecord, type QuoteRecord } from '../../model/index.ts';
import {
  type ArticleRow,
  type Dialect,
  dyadConditions,
  EVENT_ROW_COLUMNS,
  type EventJoinRow,
  eventColumns,
  eventConditions,
  loadMigrations,
  MATCH_CLOSE,
  MATCH_OPEN,
  nowIso,
  packCoded,
  pagedByKey,
  quoteConditions,
  quoteSpeaker,
  searchTerms,
  toEventRow,
  tooNew,
  toStoredArticle,
  where,
} from '../shared.ts';
import type {
  ArticleWrite,
  DyadDayRow,
  DyadFilter,
  EventFilter,
  EventRow,
  OpenOptions,
  PutResult,
  QuoteFilter,
  QuoteRow,
  RecodeItem,
  SearchHit,
  NearCandidate,
  StagedCodings,
  Store,
  StoreStats,
  StoredArticle,
} from '../store.ts';

type DB = Database.Database;


/** A SQLite error as a one-line DyadError naming the database file. */
function dbError(path: string, e: unknown): Error {
  const code = String((e as { code?: string }).code ?? '');
  const why =
    code.startsWith('SQLITE_READONLY') ? 'database is read-only'
    : code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED') ? 'database is locked by another writer'
    : code === 'SQLITE_NOTADB' ? 'not a database file'
    : code === 'SQLITE_CORRUPT' ? 'database file is corrupt'
    : code.startsWith('SQLITE_CANTOPEN') ? 'cannot open the database file'
    : code === 'SQLITE_FULL' ? 'disk full'
    : null;
  if (why === null) return e as Error;
  return new DyadError('INPUT', why, { file: path });
}

function ftsQuery(query: string): string | null {
  const terms = searchTerms(query);
  if (!terms.length) return null;
  return terms.map((words) => `"${words.join(' ')}"`).join(' AND ');
}

export async function openSqliteStore(path: string, options: OpenOptions = {}): Promise<Store> {
  const readonly = options.readonly ?? false;
  if (readonly && !existsSync(path)) throw new DyadError('INPUT', 'no such database (run dyad ingest first)', { file: path });
  if (!readonly && existsSync(path)) {
    // A file without write permission bits is read-only even for root, who access() would let through.
    let writable = (statSync(path).mode & 0o222) !== 0;
    try {
      accessSync(path, constants.W_OK);
    } catch {
      writable = false;
    }
    if (!writable) throw new DyadError('INPUT', 'database is read-only', { file: path });
  }
  let db: DB;
  try {
    db = new Database(path, { readonly, fileMustExist: readonly, timeout: options.busyTimeoutMs ?? 5000 });
  } catch (e) {
    throw dbError(path, e);
  }
  try {
    if (!readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = ON');
    db.pragma('cache_size = -65536'); // 64 MiB of page cache: index updates on large stores stay in memory
    migrate(db, path, readonly);
    if (!readonly) {
      // Fail now, with one clear line, if another process holds the write lock.
      db.prepare('BEGIN IMMEDIATE').run();
      db.prepare('COMMIT').run();
    }
  } catch (e) {
    db.close();
    throw dbError(path, e);
  }
  return new SqliteStore(db, path);
}

function migrate(db: DB, path: string, readonly: boolean): void {
  const migrations = loadMigrations('sqlite');
  const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'dyad_migrations'").get();
  if (!hasTable) {
    const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
    if (readonly || tables.n > 0) throw new DyadError('INPUT', 'not a Dyad database', { file: path });
  }
  const current = hasTable
    ? ((db.prepare('SELECT max(version) AS v FROM dyad_migrations').get() as { v: number | null }).v ?? 0)
    : 0;
  if (current > migrations.length) throw tooNew(path, current, migrations.length);
  if (current === migrations.length) return;
  if (readonly) throw new DyadError('INPUT', 'database needs a schema upgrade; open it once for writing (e.g. dyad ingest)', { file: path });
  db.transaction(() => {
    db.exec('CREATE TABLE IF NOT EXISTS dyad_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    for (const m of migrations.slice(current)) {
      db.exec(m.sql);
      db.prepare('INSERT INTO dyad_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, nowIso());
    }
  }).immediate();
}

class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly location: string;
  private readonly db: DB;
  private readonly stmts;
  private readonly writeArticle: Database.Transaction<(w: ArticleWrite) => PutResult>;
  private readonly writeCoding: Database.Transaction<(doc: number, coded: CodedArticle) => void>;
  private readonly switchStaged: Database.Transaction<(version: string) => number>;

  constructor(db: DB, path: string) {
    this.db = db;
    this.location = path;
    this.stmts = {
      byHash: db.prepare('SELECT id FROM articles WHERE hash = ?').pluck(),
      byId: db.prepare('SELECT doc FROM articles WHERE id = ?').pluck(),
      article: db.prepare('SELECT * FROM articles WHERE id = ?'),
      idOf: db.prepare('SELECT id FROM articles WHERE doc = ?').pluck(),
      insert: db.prepare(`INSERT INTO articles
        (id, hash, source, feed, url, publisher, title, date, text, dict_version, fingerprint,
         duplicate_of, coded, num_events, tone, added_at)
        VALUES (@id, @hash, @source, @feed, @url, @publisher, @title, @date, @text, @dictVersion, @fingerprint,
         @duplicateOf, @coded, @numEvents, @tone, @addedAt)
        ON CONFLICT DO NOTHING`),
      insertEvent: db.prepare(`INSERT INTO events
        (doc, n, date, source_code, source_country, target_code, target_country, code, root, quad_class, goldstein, counted, record, sentence, sent_start, sent_end)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      insertQuote: db.prepare('INSERT INTO quotes (doc, n, speaker, record) VALUES (?, ?, ?, ?)'),
      deleteEvents: db.prepare('DELETE FROM events WHERE doc = ?'),
      deleteQuotes: db.prepare('DELETE FROM quotes WHERE doc = ?'),
      updateCoding: db.prepare('UPDATE articles SET coded = ?, dict_version = ?, num_events = ?, tone = ? WHERE doc = ?'),
      rootOf: db.prepare('SELECT doc, duplicate_of FROM articles WHERE id = ?'),
      recount: db.prepare(`UPDATE articles SET
          num_articles = 1 + (SELECT count(*) FROM articles d WHERE d.duplicate_of = articles.doc),
          num_sources = (SELECT count(DISTINCT publisher) FROM articles d WHERE d.doc = articles.doc OR d.duplicate_of = articles.doc)
        WHERE doc = ?`),
      eventsOf: db.prepare('SELECT record FROM events WHERE doc = ? ORDER BY n').pluck(),
      textOf: db.prepare('SELECT text FROM articles WHERE doc = ?').pluck(),
      dateOf: db.prepare('SELECT date FROM articles WHERE doc = ?').pluck(),
      insertKey: db.prepare('INSERT OR IGNORE INTO article_keys (key, doc) VALUES (?, ?)'),
      stage: db.prepare(`INSERT INTO staged_codings (doc, dict_version, coded, staged_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (dict_version, doc) DO UPDATE SET coded = excluded.coded, staged_at = excluded.staged_at`),
      stagedPage: db.prepare('SELECT doc, coded FROM staged_codings WHERE dict_version = ? AND doc > ? ORDER BY doc LIMIT 256'),
      stagedCounts: db.prepare('SELECT dict_version AS version, count(*) AS articles FROM staged_codings GROUP BY dict_version ORDER BY articles DESC, version'),
      dropStaged: db.prepare('DELETE FROM staged_codings'),
      recodeAll: db.prepare(`SELECT id, text, date, dict_version FROM articles
        WHERE duplicate_of IS NULL AND id > ? ORDER BY id LIMIT ?`),
      recodeStale: db.prepare(`SELECT id, text, date, dict_version FROM articles
        WHERE duplicate_of IS NULL AND id > ? AND (dict_version IS NULL OR dict_version <> ?) ORDER BY id LIMIT ?`),
    };

    this.writeArticle = db.transaction((w: ArticleWrite): PutResult => {
      let duplicateOf: number | null = null;
      if (w.duplicateOf !== undefined) {
        const orig = this.stmts.rootOf.get(w.duplicateOf) as { doc: number; duplicate_of: number | null } | undefined;
        if (!orig) throw new DyadError('INPUT', `near-duplicate of unknown article "${w.duplicateOf}"`);
        duplicateOf = orig.duplicate_of ?? orig.doc;
      }
      const info = this.stmts.insert.run({
        id: w.id,
        hash: w.hash,
        source: w.source,
        feed: w.feed ?? null,
        url: w.url ?? null,
        publisher: w.publisher,
        title: w.title ?? null,
        date: w.date ?? null,
        text: w.text,
        dictVersion: w.coded?.dictionaryVersion ?? null,
        fingerprint: w.fingerprint ? Buffer.from(w.fingerprint.signature) : null,
        duplicateOf,
        coded: w.coded ? packCoded(w.coded, w.text) : null,
        numEvents: w.coded?.events.length ?? 0,
        tone: w.coded?.tone ?? null,
        addedAt: nowIso(),
      });
      if (info.changes === 0) {
        const existing = this.stmts.byHash.get(w.hash) as string | undefined;
        return existing !== undefined ? { status: 'exists', id: existing } : { status: 'id-conflict' };
      }
      const doc = Number(info.lastInsertRowid);
      if (duplicateOf === null && w.fingerprint) for (const key of new Set(w.fingerprint.keys)) this.stmts.insertKey.run(key, doc);
      if (w.coded) this.insertCoding(doc, w.coded, w.date ?? w.coded.date ?? null);
      if (duplicateOf !== null) this.stmts.recount.run(duplicateOf);
      return { status: 'stored' };
    });

    this.switchStaged = db.transaction((version: string): number => {
      let switched = 0;
      // paged: better-sqlite3 runs no other statement while a query is being iterated
      for (let after = 0; ; ) {
        const page = this.stmts.stagedPage.all(version, after) as Array<{ doc: number; coded: string }>;
        if (page.length === 0) break;
        for (const row of page) {
          const coded = JSON.parse(row.coded) as CodedArticle;
          this.writeCoding(row.doc, coded);
          switched++;
        }
        after = page[page.length - 1].doc;
      }
      this.stmts.dropStaged.run();
      return switched;
    });

    this.writeCoding = db.transaction((doc: number, coded: CodedArticle) => {
      // events without a date of their own take the article's publication date
      const date = (this.stmts.dateOf.get(doc) as string | null) ?? coded.date ?? null;
      this.stmts.deleteEvents.run(doc);
      this.stmts.deleteQuotes.run(doc);
      const text = (this.stmts.textOf.get(doc) as string | undefined) ?? '';
      this.stmts.updateCoding.run(packCoded(coded, text), coded.dictionaryVersion ?? null, coded.events.length, coded.tone ?? null, doc);
      this.insertCoding(doc, coded, date);
    });
  }

  private insertCoding(doc: number, coded: CodedArticle, date: string | null): void {
    coded.events.forEach((e, n) => {
      const c = eventColumns(e, date, coded);
      this.stmts.insertEvent.run(
        doc, n, c.date, c.sourceCode, c.sourceCountry, c.targetCode, c.targetCountry,
        c.code, c.root, c.quadClass, c.goldstein, c.counted ? 1 : 0, c.record, c.sentence, c.sentStart, c.sentEnd,
      );
    });
    (coded.quotes ?? []).forEach((q, n) => this.stmts.insertQuote.run(doc, n, quoteSpeaker(q), JSON.stringify(q)));
  }

  private guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      throw dbError(this.location, e);
    }
  }

  async putArticle(w: ArticleWrite): Promise<PutResult> {
    return this.guard(() => this.writeArticle.immediate(w));
  }

  async findHash(hash: string): Promise<string | null> {
    return this.guard(() => (this.stmts.byHash.get(hash) as string | undefined) ?? null);
  }

  async hasId(id: string): Promise<boolean> {
    return this.guard(() => this.stmts.byId.get(id) !== undefined);
  }

  private readonly candidateStmts = new Map<number, Database.Statement>();

  async nearCandidates(keys: readonly number[], limit = 100): Promise<NearCandidate[]> {
    if (!keys.length) return [];
    let stmt = this.candidateStmts.get(keys.length);
    if (!stmt) {
      stmt = this.db.prepare(`SELECT a.id, a.fingerprint FROM articles a
        WHERE a.doc IN (SELECT doc FROM article_keys WHERE key IN (${keys.map(() => '?').join(', ')})) AND a.duplicate_of IS NULL
        ORDER BY a.doc LIMIT ?`);
      this.candidateStmts.set(keys.length, stmt);
    }
    const s = stmt;
    return this.guard(() =>
      (s.all(...keys, limit) as Array<{ id: string; fingerprint: Buffer }>).map((r) => ({
        id: r.id,
        signature: new Uint8Array(r.fingerprint),
      })),
    );
  }

  async getArticle(id: string): Promise<StoredArticle | null> {
    return this.guard(() => {
      const r = this.stmts.article.get(id) as ArticleRow | undefined;
      if (!r) return null;
      const events = r.coded === null ? [] : (this.stmts.eventsOf.all(r.doc) as string[]).map((j) => JSON.parse(j) as EventRecord);
      return toStoredArticle(r, r.duplicate_of === null ? null : (this.stmts.idOf.get(r.duplicate_of) as string), events);
    });
  }

  async articlesToRecode(after: string | null, limit: number, skipVersion?: string): Promise<RecodeItem[]> {
    return this.guard(() => {
      const rows = (
        skipVersion === undefined
          ? this.stmts.recodeAll.all(after ?? '', limit)
          : this.stmts.recodeStale.all(after ?? '', skipVersion, limit)
      ) as Array<{ id: string; text: string; date: string | null; dict_version: string | null }>;
      return rows.map((r) => ({ id: r.id, text: r.text, date: r.date, dictionaryVersion: r.dict_version }));
    });
  }

  async replaceCoding(id: string, coded: CodedArticle): Promise<void> {
    this.guard(() => {
      this.writeCoding.immediate(this.codedDoc(id), coded);
    });
  }

  async stageCoding(id: string, coded: CodedArticle): Promise<void> {
    this.guard(() => {
      const doc = this.codedDoc(id);
      if (!coded.dictionaryVersion) throw new DyadError('INPUT', `a staged coding of "${id}" needs its dictionary version`);
      this.stmts.stage.run(doc, coded.dictionaryVersion, JSON.stringify(coded), nowIso());
    });
  }

  async switchCoding(version: string): Promise<number> {
    return this.guard(() => this.switchStaged.immediate(version));
  }

  async stagedCodings(): Promise<StagedCodings[]> {
    return this.guard(() => this.stmts.stagedCounts.all() as StagedCodings[]);
  }

  /** The storage key of a coded article; an error for an unknown id or a near-duplicate. */
  private codedDoc(id: string): number {
    const r = this.stmts.rootOf.get(id) as { doc: number; duplicate_of: number | null } | undefined;
    if (!r) throw new DyadError('INPUT', `no stored article "${id}"`);
    if (r.duplicate_of !== null) throw new DyadError('INPUT', `article "${id}" is a near-duplicate and is not coded`);
    return r.doc;
  }

  private dialect(params: unknown[]): Dialect {
    return {
      param: (v) => {
        params.push(v);
        return '?';
      },
      prefix: (col, p) => {
        params.push(p, p + '\u{10FFFF}');
        return `(${col} >= ? AND ${col} < ?)`;
      },
      fts: (q) => {
        const m = ftsQuery(q);
        if (m === null) return null;
        params.push(m);
        return 'a.doc IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)';
      },
      TRUE: '1',
    };
  }

  async *events(filter: EventFilter = {}): AsyncIterable<EventRow> {
    const params: unknown[] = [];
    const conds = this.guard(() => eventConditions(this.dialect(params), filter));
    if (conds === null) return;
    const sql = `SELECT ${EVENT_ROW_COLUMNS}
      FROM events e JOIN articles a ON a.doc = e.doc
      ${where([...conds, 'e.eid > ?'])} ORDER BY e.eid LIMIT ?`;
    const stmt = this.guard(() => this.db.prepare(sql));
    const rows = pagedByKey(filter.limit, (after, n) => this.guard(() => stmt.all(...params, after, n) as EventJoinRow[]), (r) => Number(r.eid));
    for await (const r of rows) yield toEventRow(r);
  }

  async countEvents(filter: EventFilter = {}): Promise<number> {
    const params: unknown[] = [];
    const conds = this.guard(() => eventConditions(this.dialect(params), filter));
    if (conds === null) return 0;
    // only a text filter needs the articles table; without it the count is read from an events index
    const from = filter.text === undefined ? 'events e' : 'events e JOIN articles a ON a.doc = e.doc';
    const sql = `SELECT count(*) AS n FROM ${from} ${where(conds)}`;
    return this.guard(() => (this.db.prepare(sql).get(...params) as { n: number }).n);
  }

  async dyadDays(filter: DyadFilter = {}): Promise<DyadDayRow[]> {
    const params: unknown[] = [];
    const conds = dyadConditions(this.dialect(params), filter);
    // read from the daily table the triggers keep (migration 003); it holds counted events only
    const sql = `SELECT e.source_country AS s, e.target_country AS t, e.date AS d, e.n AS n, e.q1 AS q1, e.q2 AS q2, e.q3 AS q3, e.q4 AS q4, e.g AS g
      FROM dyad_days e ${where(conds.filter((c) => !c.startsWith('e.counted')))} ORDER BY 1, 2, 3`;
    return this.guard(() =>
      (this.db.prepare(sql).all(...params) as Array<{ s: string; t: string; d: string; n: number; q1: number; q2: number; q3: number; q4: number; g: number }>).map(
        (r) => ({ source: r.s, target: r.t, date: r.d, events: r.n, quad: [r.q1, r.q2, r.q3, r.q4], goldsteinSum: r.g }),
      ),
    );
  }

  async *quotes(filter: QuoteFilter = {}): AsyncIterable<QuoteRow> {
    const params: unknown[] = [];
    const conds = quoteConditions(this.dialect(params), filter);
    const sql = `SELECT q.qid, a.id, a.date, q.record FROM quotes q JOIN articles a ON a.doc = q.doc
      ${where([...conds, 'q.qid > ?'])} ORDER BY q.qid LIMIT ?`;
    const stmt = this.guard(() => this.db.prepare(sql));
    type QuoteJoinRow = { qid: number; id: string; date: string | null; record: string };
    const rows = pagedByKey(filter.limit, (after, n) => this.guard(() => stmt.all(...params, after, n) as QuoteJoinRow[]), (r) => r.qid);
    for await (const r of rows) yield { articleId: r.id, date: r.date, quote: JSON.parse(r.record) as QuoteRecord };
  }

  async search(query: string, limit = 20): Promise<SearchHit[]> {
    const m = ftsQuery(query);
    if (m === null) return [];
    const sql = `SELECT a.id, a.title, a.date, a.source,
        snippet(articles_fts, 1, '${MATCH_OPEN}', '${MATCH_CLOSE}', '…', 16) AS snippet
      FROM articles_fts JOIN articles a ON a.doc = articles_fts.rowid
      WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts, 5.0, 1.0) LIMIT ?`;
    return this.guard(() => this.db.prepare(sql).all(m, limit) as SearchHit[]);
  }

  async stats(): Promise<StoreStats> {
    return this.guard(() => {
      const a = this.db.prepare('SELECT count(*) AS n, count(duplicate_of) AS d FROM articles').get() as { n: number; d: number };
      const e = this.db.prepare('SELECT count(*) AS n FROM events').get() as { n: number };
      return { articles: a.n, duplicates: a.d, events: e.n };
    });
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

