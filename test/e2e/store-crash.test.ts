/**
 * Crash safety: `dyad ingest` is killed with SIGKILL while it writes a batch,
 * several times, then run to the end. At every kill the database must hold
 * only whole articles (each with exactly its events, its full-text entry and
 * its fingerprint keys), and at the end every article must be stored exactly
 * once, with the same events as an ingest that was never interrupted.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin', 'dyad.js');
const dir = mkdtempSync(join(tmpdir(), 'dyad-e2e-crash-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const N = 800;
const ACTORS = ['Russia', 'Ukraine', 'Israel', 'Iran', 'China', 'Germany', 'France', 'Turkey', 'Egypt', 'Japan'];
const VERBS = ['accused', 'criticized', 'praised', 'met', 'threatened', 'condemned', 'thanked', 'attacked'];

/** N short, distinct articles (some with several events), in one jsonl file. */
function corpus(): string {
  const lines: string[] = [];
  for (let i = 0; i < N; i++) {
    const a = ACTORS[i % ACTORS.length];
    const b = ACTORS[(i * 7 + 3) % ACTORS.length];
    const v = VERBS[(i * 3) % VERBS.length];
    const extra = i % 3 === 0 ? ` ${b} ${VERBS[(i + 1) % VERBS.length]} ${a} on day ${i}.` : '';
    lines.push(JSON.stringify({ id: `crash-${i}`, text: `${a} ${v} ${b} in report ${i}.${extra}`, date: '2026-04-01' }));
  }
  return lines.join('\n') + '\n';
}

function count(db: string): number {
  if (!existsSync(db)) return 0;
  try {
    const d = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return (d.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
    } finally {
      d.close();
    }
  } catch {
    return 0; // not created or not migrated yet
  }
}

/** Everything a half-written article would break. */
function assertConsistent(db: string): void {
  const d = new Database(db, { fileMustExist: true });
  try {
    assert.equal(d.pragma('integrity_check', { simple: true }), 'ok');
    const broken = d
      .prepare(
        `SELECT a.id, a.num_events, (SELECT count(*) FROM events e WHERE e.doc = a.doc) AS n,
                (SELECT count(*) FROM article_keys k WHERE k.doc = a.doc) AS keys, a.coded IS NULL AS uncoded
         FROM articles a`,
      )
      .all() as Array<{ id: string; num_events: number; n: number; keys: number; uncoded: number }>;
    for (const r of broken) {
      assert.equal(r.n, r.num_events, `${r.id}: ${r.n} events stored, ${r.num_events} coded`);
      assert.equal(r.uncoded, 0, `${r.id} has no coding`);
    }
    const orphans = d.prepare('SELECT count(*) AS n FROM events WHERE doc NOT IN (SELECT doc FROM articles)').get() as { n: number };
    assert.equal(orphans.n, 0, 'events without an article');
    d.prepare("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')").run(); // throws when the index disagrees
    const fts = d.prepare('SELECT count(*) AS n FROM articles_fts').get() as { n: number };
    assert.equal(fts.n, broken.length);
  } finally {
    d.close();
  }
}

function eventsById(db: string): Map<string, string> {
  const d = new Database(db, { readonly: true, fileMustExist: true });
  try {
    const rows = d
      .prepare("SELECT a.id, group_concat(e.code || ':' || coalesce(e.source_code, '') || '>' || coalesce(e.target_code, ''), ',') AS ev FROM articles a LEFT JOIN events e ON e.doc = a.doc GROUP BY a.id")
      .all() as Array<{ id: string; ev: string | null }>;
    return new Map(rows.map((r) => [r.id, r.ev ?? '']));
  } finally {
    d.close();
  }
}

/** Starts an ingest and kills it with SIGKILL once `atLeast` articles are stored; resolves to the count at the kill. */
function ingestAndKill(input: string, db: string, atLeast: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'ingest', input, '--db', db, '--quiet'], { cwd: dir, stdio: 'ignore' });
    let done = false;
    const timer = setInterval(() => {
      const n = count(db);
      if (n >= atLeast && !done) {
        done = true;
        child.kill('SIGKILL');
      }
    }, 15);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearInterval(timer);
      if (signal !== 'SIGKILL') reject(new Error(`ingest ended before it was killed (exit ${code}); make the batch larger`));
      else resolve(count(db));
    });
  });
}

test('e2e_crash: SIGKILL mid-batch leaves no half-stored article; restarting stores every article exactly once', { timeout: 240_000 }, async () => {
  const input = join(dir, 'batch.jsonl');
  writeFileSync(input, corpus());
  const db = join(dir, 'crash.db');

  let last = 0;
  for (const target of [100, 350, 600]) {
    const at = await ingestAndKill(input, db, Math.max(target, last + 1));
    assert.ok(at > last && at < N, `killed mid-batch: ${at} of ${N} stored`);
    assertConsistent(db);
    last = at;
  }

  const finish = spawnSync(process.execPath, [bin, 'ingest', input, '--db', db, '--json'], { cwd: dir, encoding: 'utf8' });
  assert.equal(finish.status, 0, finish.stderr);
  const s = JSON.parse(finish.stdout) as { stored: number; duplicates: number; failed: unknown[] };
  assert.equal(s.stored + s.duplicates, N);
  assert.equal(s.duplicates, last, 'what was stored before the kills is recognised, not stored again');
  assertConsistent(db);

  // Exactly once, and the same as an ingest that was never interrupted.
  const clean = join(dir, 'clean.db');
  const ref = spawnSync(process.execPath, [bin, 'ingest', input, '--db', clean, '--json'], { cwd: dir, encoding: 'utf8' });
  assert.equal(ref.status, 0, ref.stderr);
  const got = eventsById(db);
  const want = eventsById(clean);
  assert.equal(got.size, N);
  assert.deepEqual(got, want);
});
