/** `dyad serve` and `dyad demo` option parsing: pure argv → options, usage errors named. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DyadError } from '../model/index.ts';
import { parseArgs } from '../cli/index.ts';

const opts = (argv: string[]) => (parseArgs(argv) as unknown as { options: Record<string, unknown> }).options;
const usage = (argv: string[], re: RegExp) =>
  assert.throws(() => parseArgs(argv), (e: unknown) => e instanceof DyadError && e.code === 'USAGE' && re.test(e.message));

test('cli_serve: defaults and options', () => {
  assert.deepEqual(opts(['serve']), { db: null, port: 8080, host: '127.0.0.1', open: false, dictDirs: [] });
  assert.deepEqual(opts(['serve', '--db', 'x.db', '--port', '0', '--host', '0.0.0.0', '--open']), { db: 'x.db', port: 0, host: '0.0.0.0', open: true, dictDirs: [] });
  usage(['serve', '--port', '70000'], /bad --port/);
  usage(['serve', 'extra'], /unexpected argument/);
});

test('cli_demo: defaults and options', () => {
  assert.deepEqual(opts(['demo']), { db: null, port: 8080, host: '127.0.0.1' });
  assert.deepEqual(opts(['demo', '--port', '9000', '--db', 'demo.db']), { db: 'demo.db', port: 9000, host: '127.0.0.1' });
  usage(['demo', '--port', 'x'], /bad --port/);
});
