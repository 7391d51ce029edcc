/** The store contract against SQLite: a fresh file in a temporary directory per test. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DyadError } from '../../model/index.ts';
import { openStore } from '../index.ts';
import { storeContract } from '../store.contract.ts';

storeContract({
  name: 'sqlite',
  async fresh() {
    const dir = mkdtempSync(join(tmpdir(), 'dyad-store-'));
    const path = join(dir, 'dyad.db');
    return {
      open: (o) => openStore(path, o),
      destroy: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
});

function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-store-'));
  return { dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}

const rejectsWith = (p: Promise<unknown>, re: RegExp) =>
  assert.rejects(p, (e: unknown) => e instanceof DyadError && re.test(e.message) && !e.message.includes('\n'));

test('sqlite_open: WAL mode, schema version recorded', async () => {
  const { dir, done } = tempDir();
  try {
    const store = await openStore(join(dir, 'x.db'));
    await store.close();
    const db = new Database(join(dir, 'x.db'), { readonly: true });
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    assert.deepEqual(db.prepare('SELECT version, name FROM dyad_migrations').all(), [
      { version: 1, name: 'init' },
      { version: 2, name: 'events_pair_order' },
      { version: 3, name: 'dyad_days' },
      { version: 4, name: 'staged_codings' },
    ]);
    db.close();
  } finally {
    done();
  }
});

test('sqlite_open: one-line errors for a missing, foreign, read-only or locked database', async () => {
  const { dir, done } = tempDir();
  try {
    await rejectsWith(openStore(join(dir, 'none.db'), { readonly: true }), /none\.db: no such database/);
    writeFileSync(join(dir, 'junk.db'), 'this is not a database, just some text'.repeat(200));
    await rejectsWith(openStore(join(dir, 'junk.db')), /junk\.db: not a (database file|Dyad database)/);
    const other = new Database(join(dir, 'other.db'));
    other.exec('CREATE TABLE t (x)');
    other.close();
    await rejectsWith(openStore(join(dir, 'other.db')), /other\.db: not a Dyad database/);

    const ro = join(dir, 'ro.db');
    await (await openStore(ro)).close();
    chmodSync(ro, 0o444);
    await rejectsWith(openStore(ro), /ro\.db: database is read-only/);
    const reader = await openStore(ro, { readonly: true });
    assert.equal((await reader.stats()).articles, 0);
    await reader.close();
    chmodSync(ro, 0o644);

    const locked = join(dir, 'locked.db');
    await (await openStore(locked)).close();
    const holder = new Database(locked);
    holder.prepare('BEGIN IMMEDIATE').run();
    try {
      const t0 = Date.now();
      await rejectsWith(openStore(locked, { busyTimeoutMs: 200 }), /locked\.db: database is locked by another writer/);
      assert.ok(Date.now() - t0 < 5000);
      // readers are not blocked by a writer (WAL)
      const reader2 = await openStore(locked, { readonly: true });
      assert.equal((await reader2.stats()).events, 0);
      await reader2.close();
    } finally {
      holder.prepare('ROLLBACK').run();
      holder.close();
    }
  } finally {
    done();
  }
});
