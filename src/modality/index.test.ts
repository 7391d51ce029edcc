import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EventRecord } from '../model/index.ts';
import { analyze } from '../text/index.ts';
import { isCounted, modalityOf } from './index.ts';

/** The modality of the event on `verb` (its first occurrence) in a one-sentence text. */
function modality(text: string, verb: string, negated = false, code = '190') {
  const doc = analyze(text);
  const start = text.indexOf(verb);
  assert.ok(start >= 0, `"${verb}" in "${text}"`);
  const sentence = doc.sentences.findIndex((s) => s.start <= start && start < s.end);
  return modalityOf(doc, { sentence, verb: { text: verb, start, end: start + verb.length }, negated, code });
}

test('modality_asserted: plain past and present events', () => {
  assert.equal(modality('Russia attacked Ukraine on Tuesday.', 'attacked'), 'asserted');
  assert.equal(modality('Russian troops have also attacked Ukrainian positions.', 'attacked'), 'asserted');
  assert.equal(modality('Israel released 15 detainees, officials said.', 'released'), 'asserted');
});

test('modality_negated: the coder\'s negation, and events reported as denied', () => {
  assert.equal(modality('Russia did not attack Ukraine.', 'attack', true), 'negated');
  assert.equal(modality('Russia denied attacking Ukraine.', 'attacking'), 'negated');
  assert.equal(modality('Russia denied having attacked Ukraine.', 'attacked'), 'negated');
  assert.equal(modality('Russia denied that its troops had attacked Ukraine.', 'attacked'), 'negated');
  assert.equal(modality('Moscow rejected claims that it attacked Kyiv.', 'attacked'), 'negated');
  // coordinated with the denial, not inside it
  assert.equal(modality('Hamas denied the accusation and blamed Israel for the deaths.', 'blamed'), 'asserted');
  // the denial itself is an event (CAMEO 016), asserted
  assert.equal(modality('Hamas denied the accusation.', 'denied'), 'asserted');
});

test('modality_future: will, going to, plans to, is set to', () => {
  assert.equal(modality('Russia will boycott the summit.', 'boycott'), 'future');
  assert.equal(modality('Russia is going to attack Ukraine.', 'attack'), 'future');
  assert.equal(modality('Russia plans to meet Ukraine next week.', 'meet'), 'future');
  assert.equal(modality('The minister is set to visit Beijing.', 'visit'), 'future');
  assert.equal(modality('Russia said it would send troops.', 'send'), 'future'); // a reported intention
  assert.equal(modality('Ethiopia indicated it would act against Libya.', 'act'), 'future');
  // promised, offered or threatened: not yet done
  assert.equal(modality('Oman offered to mediate between Iran and the United States.', 'mediate'), 'future');
  assert.equal(modality('Katz threatened to strike Iranian sites again.', 'strike'), 'future');
  // unless the code already is the threat or the promise
  assert.equal(modality('Katz threatened to strike Iranian sites again.', 'strike', false, '1384'), 'asserted');
  assert.equal(modality('Iran said it will strike Israel.', 'strike', false, '138'), 'asserted'); // a stated threat
  assert.equal(modality('Israel said it would free the prisoners.', 'free', false, '0353'), 'asserted'); // a stated intent
});

test('modality_hypothetical: modal verbs and conditions', () => {
  assert.equal(modality('Russia could attack Ukraine.', 'attack'), 'hypothetical');
  assert.equal(modality('Russia might soon expel the envoys.', 'expel'), 'hypothetical');
  assert.equal(modality('Russia would have attacked Ukraine.', 'attacked'), 'hypothetical');
  assert.equal(modality('Russia would attack Ukraine.', 'attack'), 'hypothetical');
  assert.equal(modality('Russia said it would attack Ukraine if the talks failed.', 'attack'), 'hypothetical');
  assert.equal(modality('Iran is ready for talks if Washington lifts its sanctions.', 'lifts'), 'hypothetical');
  assert.equal(modality('It is unclear whether Iran allowed the inspectors in.', 'allowed'), 'hypothetical');
  // the condition covers its own clause only
  assert.equal(modality('If Russia attacks, NATO will respond.', 'respond'), 'future');
});

test('modality_counted: only asserted and future events count', () => {
  const e = (modality: EventRecord['modality'], negated = false) => ({ modality, negated });
  assert.equal(isCounted(e('asserted')), true);
  assert.equal(isCounted(e('future')), true);
  assert.equal(isCounted(e('negated', true)), false);
  assert.equal(isCounted(e('hypothetical')), false);
  // no modality (the stage did not run): not negated counts
  assert.equal(isCounted(e(undefined)), true);
  assert.equal(isCounted(e(undefined, true)), false);
});
