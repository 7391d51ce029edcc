import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DyadError } from '../model/index.ts';
import { kindOfFile, loadDictionaries, parseActors, parseAgents, parseOntology, parseVerbs } from './index.ts';
import { tempDir } from '../../test/helpers/tmp.ts';

const MINI = new URL('../../test/fixtures/dict-mini/', import.meta.url).pathname;

test('dictionaries: files are classified by name, PETRARCH names included', () => {
  assert.equal(kindOfFile('CAMEO.2.0.txt'), 'verbs');
  assert.equal(kindOfFile('Phoenix.Countries.actors.txt'), 'actors');
  assert.equal(kindOfFile('PETR_Validate_agents_2_02.txt'), 'agents');
  assert.equal(kindOfFile('Phoenix.discards.txt'), 'discards');
  assert.equal(kindOfFile('PETR_Validate_Internal_Coding_Ontology_1_01.txt'), 'ontology');
  assert.equal(kindOfFile('Phoenix.IssueCoding.txt'), null);
  assert.equal(kindOfFile('README.md'), null);
});

test('dictionaries: actor date ranges, synonyms and legacy 6-digit dates', () => {
  const { entries, diagnostics } = parseActors('GOLLUM\n+SMEAGOL_\n\t[HOB <950601]\n\t[HOBGOV 19950601 - 19990815]\n\t[HOBREB >990816]\n', 'a.txt');
  assert.deepEqual(diagnostics, []);
  assert.equal(entries.length, 1);
  assert.deepEqual(entries[0].phrases, [['GOLLUM'], ['SMEAGOL']]);
  assert.deepEqual(entries[0].dated, [
    { code: 'HOB', to: 19950601 },
    { code: 'HOBGOV', from: 19950601, to: 19990815 },
    { code: 'HOBREB', from: 19990816 },
  ]);
});

test('dictionaries: a "[~]" title agent adds no sector; a "[~]" prefix or a bad code is an error', () => {
  const { entries, diagnostics } = parseAgents('SECRETARY_GENERAL [~]\nDIRECTOR [~G-V]\n', 'ag.txt');
  assert.deepEqual(entries.map((e) => [e.name, e.code, e.placement]), [['SECRETARY GENERAL', '', 'suffix']]);
  assert.deepEqual(diagnostics.map((d) => d.line), [2]);
});

test('dictionaries: agents expand substitutions and plurals', () => {
  const { entries } = parseAgents('!MINST! = MINISTER, MINISTRY\nFOREIGN_!MINST! [~GOV]\nDIPLOMAT [~GOV]\nPOLICE {} [~COP]\nRIGHTS_BODY [NGO~]\n', 'ag.txt');
  const phrases = entries.flatMap((e) => e.phrases.map((p) => p.join(' ')));
  assert.ok(phrases.includes('FOREIGN MINISTRY'));
  assert.ok(phrases.includes('DIPLOMATS'));
  assert.ok(!phrases.includes('POLICES'));
  assert.equal(entries.find((e) => e.code === 'NGO')?.placement, 'prefix');
});

test('dictionaries: verb blocks, irregular forms, paired codes, synsets', () => {
  const r = parseVerbs('&TRUCE\n+CEASEFIRE\n\n--- MEET [040] ---\nMEET {MET}\n- * (WITH) + [040:040]\n- % * (TO &TRUCE) [0356]\n', 'v.txt');
  assert.deepEqual(r.diagnostics, []);
  const block = r.blocks[0];
  assert.deepEqual(block.code, { forward: '040', reverse: null });
  const forms = block.verbs[0].forms.map((f) => f.join(' '));
  for (const f of ['MEET', 'MET', 'MEETS', 'MEETING']) assert.ok(forms.includes(f), f);
  assert.deepEqual(block.patterns[0].code, { forward: '040', reverse: '040' });
  assert.deepEqual(block.patterns[1].before, [{ kind: 'compound' }]);
});

test('dictionaries: a coding ontology says what a negated code means', () => {
  const { negations, diagnostics } = parseOntology(
    [
      '# polarity: a +-0xFFFF term',
      '010:0x1000#Make statement',
      '011:0x1000-0xFFFF',
      '050:0x0080#DiplomaticCoop',
      '060:0x0070',
      '110:0x1007f#0xFFFF+0x0080#0x7000#Disapprove',
      '120:-0xFFFF',
      '121:-0xFFFF+0x0070',
      '122:-0xFFFF+0x2040+0x300# masked: codes nothing',
      '190:0x00A0',
    ].join('\n'),
    'o.txt',
  );
  assert.deepEqual(diagnostics, []);
  assert.equal(negations.get('110'), '050'); // "did not clash" → cooperate
  assert.equal(negations.get('060'), '121'); // "did not cooperate materially" → reject
  assert.equal(negations.get('050'), '110'); // no "not 050" code: the positive opposite
  assert.equal(negations.get('010'), '011');
  assert.equal(negations.get('011'), '010');
  assert.equal(negations.has('190'), false); // "did not attack" has no opposite
  assert.equal(negations.has('120'), false);
  const bad = parseOntology('110:0xFFFF+0x0080\n11O:0x7000\n112:seven\n', 'o.txt');
  assert.deepEqual(bad.diagnostics.map((d) => d.line), [2, 3]);
});

test('dictionaries: a malformed line is reported with file, line and problem', () => {
  const dir = tempDir('dict');
  writeFileSync(join(dir, 'bad.verbs.txt'), '--- MEET [040] ---\nMEET\n- * (WITH) [04!]\n');
  assert.throws(
    () => loadDictionaries({ dirs: [dir], builtin: false, strict: true }),
    (err: unknown) => err instanceof DyadError && err.file === 'bad.verbs.txt' && err.line === 3 && /bad event code/.test(err.message),
  );
  // lenient by default, as PETRARCH is with legacy files: the line is skipped and reported
  const lenient = loadDictionaries({ dirs: [dir], builtin: false });
  assert.equal(lenient.diagnostics[0].line, 3);
  assert.equal(lenient.counts.patterns, 0);
});

test('dictionaries: a folder without dictionary files is an error that names the folder of folders it may be', () => {
  const dir = tempDir('dict-parent');
  mkdirSync(join(dir, 'mine'));
  writeFileSync(join(dir, 'mine', 'my.verbs.txt'), '');
  writeFileSync(join(dir, 'notes.md'), '# notes');
  assert.throws(
    () => loadDictionaries({ dirs: [dir], builtin: false }),
    (err: unknown) => err instanceof DyadError && err.message.includes('no dictionary files') && err.message.includes(`did you mean ${join(dir, 'mine')}?`),
  );
});

test('dictionaries: a missing folder is a clear error', () => {
  assert.throws(() => loadDictionaries({ dirs: ['/nonexistent/dyad-dicts'] }), /dictionary folder not found/);
});

test('dictionaries: the mini set loads with a stable version hash', () => {
  const a = loadDictionaries({ dirs: [MINI], builtin: false });
  const b = loadDictionaries({ dirs: [MINI], builtin: false });
  assert.equal(a.version, b.version);
  assert.equal(a.diagnostics.length, 0);
  assert.equal(a.counts.discards, 2);
});

const PETRARCH2 = new URL('../../../shared/dictionaries/petrarch2/', import.meta.url).pathname;
// Load time is a figure of `npm run bench` ("load … ms"), not asserted here: timings on a shared machine are noise.
test('dictionaries: the full PETRARCH2 set loads: tens of thousands of actors, thousands of patterns', async (t) => {
  const { existsSync } = await import('node:fs');
  if (!existsSync(PETRARCH2)) return t.skip('../shared not present: PETRARCH2 dictionaries are not shipped with Dyad');
  const d = loadDictionaries({ dirs: [PETRARCH2], builtin: false });
  assert.ok(d.counts.actors > 20000);
  assert.ok(d.counts.patterns > 4000);
  assert.ok(d.loadMs > 0);
});
