/**
 * The store contract against a real PostgreSQL: DYAD_TEST_PG, or
 * postgres://postgres@127.0.0.1:5432/test. Each test gets its own random
 * schema, dropped afterwards, so runs never collide. When no server answers,
 * the suite is skipped with a message saying so.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { DyadError } from '../../model/index.ts';
import { openStore } from '../index.ts';
import { storeContract } from '../store.contract.ts';
import { redact, splitSchema } from './postgres-store.ts';

const BASE = process.env.DYAD_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

async function reachable(): Promise<string | false> {
  const client = new pg.Client({ connectionString: BASE, connectionTimeoutMillis: 3000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return false;
  } catch (e) {
    return `PostgreSQL not reachable at ${redact(BASE)} (${(e as Error).message}); set DYAD_TEST_PG to run these tests`;
  } finally {
    await client.end().catch(() => {});
  }
}

const skip = await reachable();
if (skip) console.log(`# skipped: ${skip}`);

async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: BASE });
  client.on('error', () => {});
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

function schemaUrl(schema: string): string {
  const u = new URL(BASE);
  u.searchParams.set('schema', schema);
  return u.toString();
}

storeContract({
  name: 'postgres',
  skip,
  async fresh() {
    const schema = `dyad_test_${randomBytes(6).toString('hex')}`;
    return {
      open: (o) => openStore(schemaUrl(schema), o),
      destroy: () => dropSchema(schema),
    };
  },
});

test('postgres_url: schema parameter and password redaction', () => {
  assert.deepEqual(splitSchema('postgres://u:secret@h:5/db?schema=abc&sslmode=disable'), {
    connectionString: 'postgres://u:secret@h:5/db?sslmode=disable',
    schema: 'abc',
  });
  assert.throws(() => splitSchema('postgres://h/db?schema=a;drop'), DyadError);
  assert.equal(redact('postgres://u:secret@h:5/db'), 'postgres://u:***@h:5/db');
});

test('postgres_open: an unreachable server is a one-line error naming the URL', async () => {
  await assert.rejects(
    openStore('postgres://nobody:pw@127.0.0.1:1/test'),
    (e: unknown) => e instanceof DyadError && /^postgres:\/\/nobody:\*\*\*@127\.0\.0\.1:1\/test: cannot connect/.test(e.message),
  );
});

test('postgres_open: a read-only open of an empty schema is refused', { skip }, async () => {
  const schema = `dyad_test_${randomBytes(6).toString('hex')}`;
  try {
    await assert.rejects(openStore(schemaUrl(schema), { readonly: true }), /not a Dyad database/);
  } finally {
    await dropSchema(schema);
  }
});
