/**
 * The shared-server store: PostgreSQL through one `pg` connection. Same tables
 * and semantics as the SQLite store; full-text search uses a generated
 * tsvector column. `?schema=NAME` in the URL selects (and creates) a schema.
 */
import pg from 'pg';
import { DyadError, type CodedArticle, type EventRecord, type QuoteRecord } from '../../model/index.ts';
import {
  type Dialect,
  dyadConditions,
  escapeLike,
  EVENT_ROW_COLUMNS,
  eventColumns,
  type EventJoinRow,
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


/** The URL without its password, for messages. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

/** Splits `?schema=NAME` off a connection URL. */
export function splitSchema(url: string): { connectionString: string; schema: string | null } {
  const u = new URL(url);
  const schema = u.searchParams.get('schema');
  u.searchParams.delete('schema');
  if (schema !== null && !/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) {
    throw new DyadError('USAGE', `bad schema name '${schema}' in the database URL (letters, digits, _)`);
  }
  return { connectionString: u.toString(), schema };
}

function pgError(location: string, e: unknown): Error {
  if (e instanceof DyadError) return e;
  const err = e as { code?: string; message?: string };
  const why =
    err.code === 'ECONNREFUSED' ? 'cannot connect to PostgreSQL (connection refused)'
    : err.code === 'ENOTFOUND' ? 'cannot connect to PostgreSQL (unknown host)'
    : err.code === 'ETIMEDOUT' ? 'cannot connect to PostgreSQL (timed out)'
    : err.code === '3D000' ? `cannot connect to PostgreSQL (${err.message})`
    : err.code === '28P01' || err.code === '28000' ? `cannot connect to PostgreSQL (${err.message})`
    : err.code === '25006' ? 'database is read-only'
    : err.code === '42501' ? `permission denied (${err.message})`
    : null;
  if (why === null) return e as Error;
  return new DyadError('INPUT', why, { file: location });
}

function tsQuery(query: string): string | null {
  const terms = searchTerms(query);
  if (!terms.length) return null;
  return terms.map((words) => (words.length > 1 ? `(${words.join(' <-> ')})` : words[0])).join(' & ');
}

export async function openPostgresStore(url: string, options: OpenOptions = {}): Promise<Store> {
  const location = redact(url);
  const { connectionString, schema } = splitSchema(url);
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 10_000 });
  client.on('error', () => {}); // a dropped connection surfaces as a query error instead
  try {
    await client.connect();
    await client.query("SET client_min_messages = 'warning'");
    // Processes opening one fresh database at once (workers starting together) take turns:
    // CREATE SCHEMA IF NOT EXISTS and the first migration are not safe to run concurrently.
    const lockKey = `dyad_open:${schema ?? 'public'}`;
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [lockKey]);
    try {
      if (schema) {
        if (!options.readonly) await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
        await client.query(`SET search_path TO "${schema}"`);
      }
      if (options.readonly) await client.query('SET default_transaction_read_only = on');
      await migrate(client, location, schema ?? 'public', options.readonly ?? false);
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [lockKey]);
    }
  } catch (e) {
    await client.end().catch(() => {});
    throw pgError(location, e);
  }
  return new PostgresStore(client, location);
}

async function migrate(client: pg.Client, location: string, schema: string, readonly: boolean): Promise<void> {
  const migrations = loadMigrations('postgres');
  const current = async (): Promise<number> => {
    const t = await client.query("SELECT to_regclass('dyad_migrations') AS t");
    if (t.rows[0].t === null) return 0;
    const r = await client.query('SELECT coalesce(max(version), 0)::int AS v FROM dyad_migrations');
    return r.rows[0].v as number;
  };
  let v = await current();
  if (v > migrations.length) throw tooNew(location, v, migrations.length);
  if (v === migrations.length) return;
  if (readonly) {
    throw new DyadError('INPUT', v === 0 ? 'not a Dyad database (no tables; run dyad ingest first)' : 'database needs a schema upgrade; open it once for writing', {
      file: location,
    });
  }
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`dyad_migrations:${schema}`]);
    v = await current(); // another process may have migrated while we waited
    await client.query('CREATE TABLE IF NOT EXISTS dyad_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    for (const m of migrations.slice(v)) {
      await client.query(m.sql);
      await client.query('INSERT INTO dyad_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, nowIso()]);
    }
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  }
}

class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  readonly location: string;
  private readonly client: pg.Client;
  /** One connection: operations run one at a time, so transactions never interleave. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(client: pg.Client, location: string) {
    this.client = client;
    this.location = location;
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => {});
    return run.catch((e) => {
      throw pgError(this.location, e);
    });
  }

  private q(sql: string, params: unknown[] = []) {
    return this.client.query(sql, params);
  }

  private async transaction<T>(fn: () => Promise<T>): Promise<T> {
    await this.q('BEGIN');
    try {
      const result = await fn();
      await this.q('COMMIT');
      return result;
    } catch (e) {
      await this.q('ROLLBACK').catch(() => {});
      throw e;
    }
  }

  putArticle(w: ArticleWrite): Promise<PutResult> {
    return this.exclusive(() =>
      this.transaction(async (): Promise<PutResult> => {
        let duplicateOf: string | null = null;
        if (w.duplicateOf !== undefined) {
          const r = await this.q('SELECT doc, duplicate_of FROM articles WHERE id = $1', [w.duplicateOf]);
          if (!r.rows.length) throw new DyadError('INPUT', `near-duplicate of unknown article "${w.duplicateOf}"`);
          duplicateOf = r.rows[0].duplicate_of ?? r.rows[0].doc;
        }
        const ins = await this.q(
          `INSERT INTO articles (id, hash, source, feed, url, publisher, title, date, text, dict_version, fingerprint,
             duplicate_of, coded, num_events, tone, added_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
           ON CONFLICT DO NOTHING RETURNING doc`,
          [
            w.id, w.hash, w.source, w.feed ?? null, w.url ?? null, w.publisher, w.title ?? null, w.date ?? null, w.text,
            w.coded?.dictionaryVersion ?? null,
            w.fingerprint ? Buffer.from(w.fingerprint.signature) : null,
            duplicateOf, w.coded ? packCoded(w.coded, w.text) : null, w.coded?.events.length ?? 0, w.coded?.tone ?? null, nowIso(),
          ],
        );
        if (!ins.rows.length) {
          const r = await this.q('SELECT id FROM articles WHERE hash = $1', [w.hash]);
          return r.rows.length ? { status: 'exists', id: r.rows[0].id } : { status: 'id-conflict' };
        }
        const doc = ins.rows[0].doc as string;
        if (duplicateOf === null && w.fingerprint?.keys.length) {
          await this.insertRows('INSERT INTO article_keys (key, doc) VALUES ', [...new Set(w.fingerprint.keys)].map((k) => [k, doc]));
        }
        if (w.coded) await this.insertCoding(doc, w.coded, w.date ?? w.coded.date ?? null);
        if (duplicateOf !== null) {
          await this.q(
            `UPDATE articles SET
               num_articles = 1 + (SELECT count(*) FROM articles d WHERE d.duplicate_of = $1),
               num_sources = (SELECT count(DISTINCT publisher) FROM articles d WHERE d.doc = $1 OR d.duplicate_of = $1)
             WHERE doc = $1`,
            [duplicateOf],
          );
        }
        return { status: 'stored' };
      }),
    );
  }

  /** Events and quotes of one article, in a few multi-row inserts. */
  private async insertCoding(doc: string, coded: CodedArticle, date: string | null): Promise<void> {
    const rows = coded.events.map((e, n) => {
      const c = eventColumns(e, date, coded);
      return [doc, n, c.date, c.sourceCode, c.sourceCountry, c.targetCode, c.targetCountry, c.code, c.root, c.quadClass, c.goldstein, c.counted, c.record, c.sentence, c.sentStart, c.sentEnd];
    });
    await this.insertRows(
      'INSERT INTO events (doc, n, date, source_code, source_country, target_code, target_country, code, root, quad_class, goldstein, counted, record, sentence, sent_start, sent_end) VALUES ',
      rows,
    );
    const quotes = (coded.quotes ?? []).map((q, n) => [doc, n, quoteSpeaker(q), JSON.stringify(q)]);
    await this.insertRows('INSERT INTO quotes (doc, n, speaker, record) VALUES ', quotes);
  }

  private async insertRows(prefix: string, rows: unknown[][]): Promise<void> {
    for (let i = 0; i < rows.length; i += 200) {
      const chunk = rows.slice(i, i + 200);
      const params: unknown[] = [];
      const values = chunk.map((row) => `(${row.map((v) => (params.push(v), `$${params.length}`)).join(', ')})`);
      await this.q(prefix + values.join(', '), params);
    }
  }

  findHash(hash: string): Promise<string | null> {
    return this.exclusive(async () => (await this.q('SELECT id FROM articles WHERE hash = $1', [hash])).rows[0]?.id ?? null);
  }

  hasId(id: string): Promise<boolean> {
    return this.exclusive(async () => (await this.q('SELECT 1 FROM articles WHERE id = $1', [id])).rows.length > 0);
  }

  nearCandidates(keys: readonly number[], limit = 100): Promise<NearCandidate[]> {
    if (!keys.length) return Promise.resolve([]);
    return this.exclusive(async () => {
      const r = await this.q(
        `SELECT a.id, a.fingerprint FROM articles a
         WHERE a.doc IN (SELECT doc FROM article_keys WHERE key = ANY($1::int[])) AND a.duplicate_of IS NULL
         ORDER BY a.doc LIMIT $2`,
        [keys, limit],
      );
      return r.rows.map((x) => ({ id: x.id, signature: new Uint8Array(x.fingerprint) }));
    });
  }

  getArticle(id: string): Promise<StoredArticle | null> {
    return this.exclusive(async () => {
      const r = await this.q(
        `SELECT a.*, o.id AS original FROM articles a LEFT JOIN articles o ON o.doc = a.duplicate_of WHERE a.id = $1`,
        [id],
      );
      const a = r.rows[0];
      if (!a) return null;
      const events =
        a.coded === null
          ? []
          : (await this.q('SELECT record FROM events WHERE doc = $1 ORDER BY n', [a.doc])).rows.map((x) => JSON.parse(x.record) as EventRecord);
      return toStoredArticle(a, a.original, events);
    });
  }

  articlesToRecode(after: string | null, limit: number, skipVersion?: string): Promise<RecodeItem[]> {
    return this.exclusive(async () => {
      const r =
        skipVersion === undefined
          ? await this.q(
              `SELECT id, text, date, dict_version FROM articles WHERE duplicate_of IS NULL AND id COLLATE "C" > $1 ORDER BY id COLLATE "C" LIMIT $2`,
              [after ?? '', limit],
            )
          : await this.q(
              `SELECT id, text, date, dict_version FROM articles
               WHERE duplicate_of IS NULL AND id COLLATE "C" > $1 AND dict_version IS DISTINCT FROM $2 ORDER BY id COLLATE "C" LIMIT $3`,
              [after ?? '', skipVersion, limit],
            );
      return r.rows.map((x) => ({ id: x.id, text: x.text, date: x.date, dictionaryVersion: x.dict_version }));
    });
  }

  replaceCoding(id: string, coded: CodedArticle): Promise<void> {
    return this.exclusive(() =>
      this.transaction(async () => {
        const a = await this.codedArticle(id, true);
        await this.writeCoding(a, coded);
      }),
    );
  }

  stageCoding(id: string, coded: CodedArticle): Promise<void> {
    return this.exclusive(async () => {
      const a = await this.codedArticle(id, false);
      if (!coded.dictionaryVersion) throw new DyadError('INPUT', `a staged coding of "${id}" needs its dictionary version`);
      await this.q(
        `INSERT INTO staged_codings (doc, dict_version, coded, staged_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (dict_version, doc) DO UPDATE SET coded = excluded.coded, staged_at = excluded.staged_at`,
        [a.doc, coded.dictionaryVersion, JSON.stringify(coded), nowIso()],
      );
    });
  }

  switchCoding(version: string): Promise<number> {
    return this.exclusive(() =>
      this.transaction(async () => {
        // workers staging at the same time wait for the switch to commit, so none is dropped unseen
        await this.q('LOCK TABLE staged_codings IN SHARE ROW EXCLUSIVE MODE');
        let switched = 0;
        for (let after = 0; ; ) {
          const page = await this.q(
            `SELECT s.doc, s.coded, a.date, a.text FROM staged_codings s JOIN articles a ON a.doc = s.doc
             WHERE s.dict_version = $1 AND s.doc > $2 ORDER BY s.doc LIMIT 256`,
            [version, after],
          );
          if (page.rows.length === 0) break;
          for (const row of page.rows) {
            await this.writeCoding(row, JSON.parse(row.coded) as CodedArticle);
            switched++;
          }
          after = Number(page.rows[page.rows.length - 1].doc);
        }
        await this.q('DELETE FROM staged_codings');
        return switched;
      }),
    );
  }

  stagedCodings(): Promise<StagedCodings[]> {
    return this.exclusive(async () => {
      const r = await this.q('SELECT dict_version AS version, count(*)::int AS articles FROM staged_codings GROUP BY dict_version ORDER BY articles DESC, version');
      return r.rows as StagedCodings[];
    });
  }

  /** A coded article's storage key, date and text; an error for an unknown id or a near-duplicate. */
  private async codedArticle(id: string, forUpdate: boolean): Promise<{ doc: string; date: string | null; text: string }> {
    const r = await this.q(`SELECT doc, duplicate_of, date, text FROM articles WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
    const a = r.rows[0];
    if (!a) throw new DyadError('INPUT', `no stored article "${id}"`);
    if (a.duplicate_of !== null) throw new DyadError('INPUT', `article "${id}" is a near-duplicate and is not coded`);
    return a;
  }

  /** Replaces one article's coding; inside the caller's transaction. */
  private async writeCoding(a: { doc: string; date: string | null; text: string }, coded: CodedArticle): Promise<void> {
    await this.q('DELETE FROM events WHERE doc = $1', [a.doc]);
    await this.q('DELETE FROM quotes WHERE doc = $1', [a.doc]);
    await this.q('UPDATE articles SET coded = $1, dict_version = $2, num_events = $3, tone = $4 WHERE doc = $5', [
      packCoded(coded, a.text), coded.dictionaryVersion ?? null, coded.events.length, coded.tone ?? null, a.doc,
    ]);
    await this.insertCoding(a.doc, coded, a.date ?? coded.date ?? null);
  }

  /** A keyset-paged query whose last two parameters are the key to start after and the page size. */
  private paged<R>(sql: string, params: unknown[], limit: number | undefined, keyOf: (row: R) => number): AsyncGenerator<R> {
    return pagedByKey(limit, async (after, n) => {
      params[params.length - 2] = after;
      params[params.length - 1] = n;
      return (await this.exclusive(() => this.q(sql, params))).rows as R[];
    }, keyOf);
  }

  private dialect(params: unknown[]): Dialect {
    const param = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    return {
      param,
      prefix: (col, p) => `${col} LIKE ${param(escapeLike(p) + '%')} ESCAPE '\\'`,
      fts: (query) => {
        const t = tsQuery(query);
        return t === null ? null : `a.fts @@ to_tsquery('english', ${param(t)})`;
      },
      TRUE: 'TRUE',
    };
  }

  async countEvents(filter: EventFilter = {}): Promise<number> {
    const params: unknown[] = [];
    const conds = eventConditions(this.dialect(params), filter);
    if (conds === null) return 0;
    const from = filter.text === undefined ? 'events e' : 'events e JOIN articles a ON a.doc = e.doc';
    const sql = `SELECT count(*)::int AS n FROM ${from} ${where(conds)}`;
    return (await this.exclusive(() => this.q(sql, params))).rows[0].n as number;
  }

  async *events(filter: EventFilter = {}): AsyncIterable<EventRow> {
    const params: unknown[] = [];
    const d = this.dialect(params);
    const conds = eventConditions(d, filter);
    if (conds === null) return;
    const lastP = d.param(0);
    const limitP = d.param(0);
    const sql = `SELECT ${EVENT_ROW_COLUMNS}
      FROM events e JOIN articles a ON a.doc = e.doc
      ${where([...conds, `e.eid > ${lastP}`])} ORDER BY e.eid LIMIT ${limitP}`;
    for await (const r of this.paged<EventJoinRow>(sql, params, filter.limit, (x) => Number(x.eid))) yield toEventRow(r);
  }

  dyadDays(filter: DyadFilter = {}): Promise<DyadDayRow[]> {
    const params: unknown[] = [];
    const conds = dyadConditions(this.dialect(params), filter);
    // read from the daily table the trigger keeps (migration 003); it holds counted events only
    const sql = `SELECT e.source_country AS s, e.target_country AS t, e.date AS d, e.n AS n, e.q1 AS q1, e.q2 AS q2, e.q3 AS q3, e.q4 AS q4, e.g::float8 AS g
      FROM dyad_days e ${where(conds.filter((c) => !c.startsWith('e.counted')))} ORDER BY 1, 2, 3`;
    return this.exclusive(async () =>
      (await this.q(sql, params)).rows.map((r) => ({
        source: r.s, target: r.t, date: r.d, events: r.n, quad: [r.q1, r.q2, r.q3, r.q4] as [number, number, number, number], goldsteinSum: r.g,
      })),
    );
  }

  async *quotes(filter: QuoteFilter = {}): AsyncIterable<QuoteRow> {
    const params: unknown[] = [];
    const d = this.dialect(params);
    const conds = quoteConditions(d, filter);
    const lastP = d.param(0);
    const limitP = d.param(0);
    const sql = `SELECT q.qid, a.id, a.date, q.record FROM quotes q JOIN articles a ON a.doc = q.doc
      ${where([...conds, `q.qid > ${lastP}`])} ORDER BY q.qid LIMIT ${limitP}`;
    const rows = this.paged<{ qid: string; id: string; date: string | null; record: string }>(sql, params, filter.limit, (x) => Number(x.qid));
    for await (const r of rows) yield { articleId: r.id, date: r.date, quote: JSON.parse(r.record) as QuoteRecord };
  }


  search(query: string, limit = 20): Promise<SearchHit[]> {
    const t = tsQuery(query);
    if (t === null) return Promise.resolve([]);
    return this.exclusive(async () => {
      const r = await this.q(
        `SELECT a.id, a.title, a.date, a.source,
           ts_headline('english', a.text, q, 'StartSel=${MATCH_OPEN}, StopSel=${MATCH_CLOSE}, MaxWords=16, MinWords=6, MaxFragments=1') AS snippet
         FROM articles a, to_tsquery('english', $1) q
         WHERE a.fts @@ q ORDER BY ts_rank(a.fts, q) DESC, a.doc LIMIT $2`,
        [t, limit],
      );
      return r.rows.map((x) => ({ id: x.id, title: x.title, date: x.date, source: x.source, snippet: x.snippet }));
    });
  }

  stats(): Promise<StoreStats> {
    return this.exclusive(async () => {
      const a = (await this.q('SELECT count(*)::int AS n, count(duplicate_of)::int AS d FROM articles')).rows[0];
      const e = (await this.q('SELECT count(*)::int AS n FROM events')).rows[0];
      return { articles: a.n, duplicates: a.d, events: e.n };
    });
  }

  async close(): Promise<void> {
    await this.queue.catch(() => {});
    await this.client.end().catch(() => {});
  }
}
