import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { runCli } from '../index.ts';

const TEXT = 'Russia attacked Ukraine on Tuesday. Russia did not criticize Ukraine. Russia could expel Ukrainian diplomats.';

async function code(args: string[], text = TEXT) {
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (d) => (out += d));
  const stdin = new PassThrough();
  stdin.end(text);
  const rc = await runCli(['code', '--date', '2026-02-11', ...args], { stdin, stdout, stderr: new PassThrough() });
  assert.equal(rc, 0);
  return out;
}

test('cli_code_modality: only asserted and future events are printed unless --all-modalities', async () => {
  const shown = JSON.parse(await code(['--format', 'jsonl']));
  assert.ok(shown.events.length > 0);
  assert.ok(shown.events.every((e: { modality: string }) => e.modality === 'asserted' || e.modality === 'future'));
  const all = JSON.parse(await code(['--format', 'jsonl', '--all-modalities']));
  const modalities = new Set(all.events.map((e: { modality: string }) => e.modality));
  assert.ok(modalities.has('negated') && modalities.has('hypothetical'), [...modalities].join(' '));
});

test('cli_code_plover: one PLOVER record per counted event, ids by position in the article', async () => {
  const lines = (await code(['--format', 'plover'])).trimEnd().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(lines.map((r) => [r.id, r.event[0], r.date, r.actor[0].code, r.recipient[0].code]), [['stdin-1', 'ASSAULT', '2026-02-10', 'RUS', 'UKR']]);
  const all = (await code(['--format', 'plover', '--all-modalities'])).trimEnd().split('\n').map((l) => JSON.parse(l));
  assert.ok(all.length > lines.length);
  assert.equal(new Set(all.map((r) => r.id)).size, all.length);
});

test('cli_code_one_sided: an event whose target is not an actor is printed only with --one-sided', async () => {
  const text = 'Egypt lifted the state of emergency on Monday.';
  type Out = { events: Array<{ source: { code: string }; target: unknown; code: string }> };
  assert.deepEqual((JSON.parse(await code(['--format', 'jsonl'], text)) as Out).events, []);
  const oneSided = (JSON.parse(await code(['--format', 'jsonl', '--one-sided'], text)) as Out).events;
  assert.deepEqual(oneSided.map((e) => [e.source.code, e.target, e.code]), [['EGY', null, '081']]);
});
