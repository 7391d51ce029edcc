/**
 * End-to-end on PostgreSQL: the same commands with `--db postgres://…`, in a
 * random schema of the `test` database (DYAD_TEST_PG overrides the URL),
 * dropped afterwards. Skipped, with a message, when no server answers.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { cliInProcess } from '../helpers/cli.ts';

const BASE = process.env.DYAD_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin', 'dyad.js');
const dir = mkdtempSync(join(tmpdir(), 'dyad-e2e-pg-'));
const schema = `dyad_e2e_${randomBytes(6).toString('hex')}`;

async function admin(sql: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: BASE, connectionTimeoutMillis: 3000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query(sql);
    return null;
  } catch (e) {
    return (e as Error).message;
  } finally {
    await client.end().catch(() => {});
  }
}

const down = await admin('SELECT 1');
const skip = down ? `PostgreSQL not reachable at ${BASE.replace(/:[^:@/]*@/, ':***@')} (${down}); set DYAD_TEST_PG to run this test` : false;
if (skip) console.log(`# skipped: ${skip}`);

after(async () => {
  rmSync(dir, { recursive: true, force: true });
  if (!skip) await admin(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
});

// most commands run in this process to save start-up time; a few spawn the real binary
const cli = cliInProcess;

function dyad(args: string[], input = '') {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, input, encoding: 'utf8', env: { ...process.env, DYAD_DB: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('e2e_postgres: ingest, re-ingest, events, dyads, search and recode through --db postgres://', { skip }, async () => {
  const u = new URL(BASE);
  u.searchParams.set('schema', schema);
  const db = u.toString();
  const input = join(dir, 'a.jsonl');
  writeFileSync(input, [
    { id: 'pg-1', text: 'Russia accused Ukraine of shelling a border village.', date: '2026-05-01' },
    { id: 'pg-2', text: 'Israel praised Egypt for hosting the talks.', date: '2026-05-02' },
    { id: 'pg-3', text: 'not json' },
  ].map((x, i) => (i === 2 ? '{broken' : JSON.stringify(x))).join('\n'));
  const first = dyad(['ingest', input, '--db', db, '--json']);
  assert.equal(first.code, 1, first.stderr);
  assert.match(first.stderr, /^dyad: .*a\.jsonl:3: not valid JSON .*; skipped\n$/);
  assert.equal(JSON.parse(first.stdout).stored, 2);
  const again = await cli(['ingest', input, '--db', db, '--json']);
  assert.equal(JSON.parse(again.stdout).duplicates, 2);

  const events = JSON.parse((await cli(['events', '--db', db, '--format', 'json'])).stdout) as Array<{ articleId: string }>;
  assert.ok(events.some((e) => e.articleId === 'pg-1'), JSON.stringify(events));
  const rus = JSON.parse((await cli(['events', '--db', db, '--source', 'RUS', '--format', 'json'])).stdout) as unknown[];
  assert.ok(rus.length >= 1);
  const dyads = await cli(['dyads', '--db', db, '--format', 'csv']);
  assert.equal(dyads.code, 0, dyads.stderr);
  assert.match(dyads.stdout, /^source,target,period,events/);
  const hits = JSON.parse((await cli(['search', 'shelling', '--db', db, '--format', 'json'])).stdout) as Array<{ id: string }>;
  assert.deepEqual(hits.map((h) => h.id), ['pg-1']);
  const recode = await cli(['recode', '--db', db, '--dict', join(root, 'test/fixtures/dict-mini'), '--json']);
  assert.equal(recode.code, 0, recode.stderr);
  assert.equal(JSON.parse(recode.stdout).recoded, 2);
});

test('e2e_postgres: an unreachable server is one line naming the URL, password hidden', async () => {
  const r = await cli(['events', '--db', 'postgres://dyad:secret@127.0.0.1:9/test']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /^dyad: postgres:\/\/dyad:\*\*\*@127\.0\.0\.1:9\/test: cannot connect to PostgreSQL \(connection refused\)\n$/);
});
