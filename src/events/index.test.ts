import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCoder, parseDate } from './index.ts';
import { tempDir } from '../../test/helpers/tmp.ts';

const MINI = new URL('../../test/fixtures/dict-mini/', import.meta.url).pathname;
const coder = await createCoder({ dictDirs: [MINI], builtin: false });
const triples = (text: string, date = '2023-05-01') =>
  coder
    .code({ text, date })
    .events.filter((e) => !e.negated)
    .map((e) => `${e.source.code}>${e.target?.code ?? '---'}:${e.code}`);

/** The mini dictionaries plus one more file (`name`, e.g. "extra.verbs.txt"); returns a `triples` for them. */
async function triplesWith(name: string, content: string): Promise<(text: string) => string[]> {
  const dir = tempDir('extra');
  writeFileSync(join(dir, name), content);
  const extended = await createCoder({ dictDirs: [MINI, dir], builtin: false });
  return (text) =>
    extended
      .code({ text, date: '2023-05-01' })
      .events.filter((e) => !e.negated)
      .map((e) => `${e.source.code}>${e.target?.code ?? '---'}:${e.code}`);
}

test('coder: simple source-verb-target with evidence offsets', () => {
  const text = 'Arnor accused Gondor of aggression on Monday.';
  const r = coder.code({ id: 'a1', text, date: '2023-05-01' });
  assert.equal(r.id, 'a1');
  assert.equal(r.date, '2023-05-01');
  assert.equal(r.events.length, 1);
  const e = r.events[0];
  assert.equal(e.code, '1125');
  assert.equal(e.root, '11');
  assert.equal(e.quadClass, 3);
  assert.equal(typeof e.goldstein, 'number');
  assert.equal(text.slice(e.source.start, e.source.end), 'Arnor');
  assert.equal(text.slice(e.target!.start, e.target!.end), 'Gondor');
  assert.equal(text.slice(e.verb.start, e.verb.end), 'accused');
  assert.equal(e.pattern?.file, 'mini.verbs.txt');
});

test('coder: agents make sector codes (GOV, MIL), before or after "of"', () => {
  assert.deepEqual(triples('The Arnorian foreign minister criticized Gondor.'), ['ARNGOV>GON:112']);
  assert.deepEqual(triples('Soldiers from Mordor attacked Rohan.'), ['MORMIL>ROH:190']);
});

test('coder: a hyphenated participle stays inside the actor phrase ("soldiers from rebel-held Gondor")', () => {
  assert.deepEqual(triples('Arnor met with soldiers from rebel-held Gondor.').sort(), ['ARN>GONMIL:040', 'GONMIL>ARN:040']);
});

test('coder: passive voice swaps source and target', () => {
  assert.deepEqual(triples('Rohan was attacked by Mordor on Friday.'), ['MOR>ROH:190']);
  // a participle after an existential's noun phrase is passive too (the place after it is the source, as in PETRARCH)
  assert.deepEqual(triples('There were Mordor soldiers attacked in Rohan.'), ['ROH>MORMIL:190']);
  // a reduced relative clause describes the subject: it is not an attack by the soldiers
  assert.deepEqual(triples('Gondor soldiers attacked in Rohan were condemned by Arnor.'), ['ARN>GONMIL:112']);
  assert.deepEqual(triples('Gondor soldiers attacked Rohan on Monday.'), ['GONMIL>ROH:190']);
  // on the object of the clause's verb too: the soldiers were attacked, they attacked no one
  assert.deepEqual(triples('Arnor condemned Gondor soldiers attacked in Rohan.'), ['ARN>GONMIL:112']);
  // up to a set-aside attribution: its comma does not end the participle's phrase early
  assert.deepEqual(triples('Arnor condemned Gondor soldiers attacked in Rohan two years ago, a Mordor official said.'), ['ARN>GONMIL:112']);
});

test('coder: compound actors act separately', () => {
  assert.deepEqual(triples('Arnor and Gondor condemned Mordor.').sort(), ['ARN>MOR:112', 'GON>MOR:112']);
});

test('coder: paired codes give both directions (meetings, visits)', () => {
  assert.deepEqual(triples('Arnor met with Gondor.').sort(), ['ARN>GON:040', 'GON>ARN:040']);
  assert.deepEqual(triples('Arnor visited Gondor.').sort(), ['ARN>GON:042', 'GON>ARN:043']);
});

test('coder: a visit that is only planned (a to-infinitive) is the visitor\'s act; the host side waits', () => {
  assert.deepEqual(triples('Arnor is expected to visit Gondor next month.'), ['ARN>GON:042']);
  assert.deepEqual(triples('The Arnorian foreign minister is due to visit Gondor.'), ['ARNGOV>GON:042']);
  // a symmetric pair is both sides' plan
  assert.deepEqual(triples('Arnor is expected to meet with Gondor.').sort(), ['ARN>GON:040', 'GON>ARN:040']);
});

test('coder: a negated verb is flagged, not counted', () => {
  const r = coder.code({ text: 'Arnor did not attack Gondor.', date: '2023-05-01' });
  assert.equal(r.events.length, 1);
  assert.equal(r.events[0].negated, true);
});

test('coder: with a coding ontology, a negated verb takes the opposite code', async () => {
  const dir = tempDir('onto');
  writeFileSync(join(dir, 'test.ontology.txt'), '112:0xFFFF+0x0080\n050:0x0080\n190:0x00A0\n');
  const withOntology = await createCoder({ dictDirs: [MINI, dir], builtin: false });
  const criticized = withOntology.code({ text: 'Arnor did not criticize Gondor.', date: '2023-05-01' }).events;
  assert.deepEqual(criticized.map((e) => [e.code, e.negated, e.negationOf]), [['050', false, '112']]);
  // a code with no opposite in the ontology stays a flagged, uncounted event
  const attacked = withOntology.code({ text: 'Arnor did not attack Gondor.', date: '2023-05-01' }).events;
  assert.deepEqual(attacked.map((e) => [e.code, e.negated, e.negationOf]), [['190', true, undefined]]);
  // without one, the same sentence is a negated 112
  assert.deepEqual(coder.code({ text: 'Arnor did not criticize Gondor.', date: '2023-05-01' }).events.map((e) => e.negated), [true]);
});

test('coder: a bare verb after a modal is a verb even when tagged as an adjective ("would free")', async () => {
  const codes = await triplesWith('release.verbs.txt', '--- RELEASE [084] ---\nFREE\n');
  assert.deepEqual(codes('Arnor could free Gondor.'), ['ARN>GON:084']);
  assert.deepEqual(codes('Arnor will soon free Gondor.'), ['ARN>GON:084']);
  assert.deepEqual(codes('A free Gondor is a goal of Arnor.'), []);
});

test("coder: in the passive a pattern matches the subject phrase, the verb's logical object", async () => {
  const codes = await triplesWith('present.verbs.txt', '--- PRESENT [010] ---\nPRESENT\n- * EVIDENCE [1124]\n');
  assert.deepEqual(codes('Arnor presented evidence against Gondor.'), ['ARN>GON:1124']);
  assert.deepEqual(codes('Evidence against Gondor was presented by Arnor.'), ['ARN>GON:1124']);
});

test("coder: in the passive the words before a pattern's verb describe the by-phrase, the doer", async () => {
  const codes = await triplesWith('demolish.verbs.txt', '--- DESTROY [190] ---\nDEMOLISH\n- PROTESTOR * [145]\n');
  assert.deepEqual(codes('A Rohan protestor demolished the Gondor embassy.'), ['ROH>GON:145']);
  assert.deepEqual(codes('The Gondor embassy was demolished by a Rohan protestor.'), ['ROH>GON:145']);
  assert.deepEqual(codes('The Gondor embassy was demolished by Rohan.'), ['ROH>GON:190']);
});

test('coder: a purpose infinitive is coded only when the verb it follows codes nothing', () => {
  assert.deepEqual(triples('Arnor met Gondor to criticize Mordor.'), ['ARN>GON:040']);
  // its subject is the clause's, not the object of a preposition before it
  assert.deepEqual(triples('Arnor went to Rohan to criticize Mordor.'), ['ARN>MOR:112']);
});

test('coder: a complement with no target of its own still gives the code of the verb it completes', async () => {
  const codes = await triplesWith(
    'seek.verbs.txt',
    '--- SEEK [030] ---\nSEEK {SEEKS SEEKING SOUGHT}\n- * (TO EXPAND) [0311]\n\n--- DEEPEN [060] ---\nDEEPEN\nEXPAND\n\n--- PREPARE [030] ---\nPREPARE\n',
  );
  // an intent to cooperate (031), not a bare intent (030)
  assert.deepEqual(codes('Arnor and Gondor are seeking to deepen a partnership.').sort(), ['ARN>GON:031', 'GON>ARN:031']);
  // a pattern that takes in the complement has coded it already
  assert.deepEqual(codes('Arnor and Gondor are seeking to expand a partnership.').sort(), ['ARN>GON:0311', 'GON>ARN:0311']);
  // a meeting outranks an intent: "prepared to visit" is the (planned) visit; a pledge to visit stays an intent
  assert.deepEqual(codes('Arnor prepared to visit Gondor.'), ['ARN>GON:042']);
  assert.deepEqual(codes('Arnor agreed to visit Gondor.'), ['ARN>GON:036']);
});

test('coder: a purpose after a verb that takes no complement is not combined with it', async () => {
  const codes = await triplesWith('send.verbs.txt', '--- SEND [036] ---\nSEND\n\n--- HELP [070] ---\nHELP\n');
  // "send envoys to help" is a sending with a purpose, not an intent to help (033)
  assert.deepEqual(codes('Arnor will send envoys to Rohan to help Gondor.'), ['ARN>ROH:036']);
});

test('coder: "alleged that" is a verb even when tagged as an adjective; an actor before a noun subject is the source', async () => {
  const codes = await triplesWith('allege.verbs.txt', '--- ALLEGE [110] ---\nALLEGE\n');
  assert.deepEqual(codes('Rohan alleged that Gondor was aware of the plan.'), ['ROH>GON:110']);
  assert.deepEqual(codes('A report released in the Rohan capital alleged that Gondor was aware of the plan.'), ['ROH>GON:110']);
});

test('coder: the reason given for an act ("for attacking …") is not an event of its own', () => {
  assert.deepEqual(triples('Arnor condemned Gondor for attacking Rohan.'), ['ARN>GON:112']);
  assert.deepEqual(triples('Gondor was attacking Rohan.'), ['GON>ROH:190']);
});

test('coder: a transformation naming a verb fits the verbs of its CAMEO root in other blocks', async () => {
  const codes = await triplesWith('kill.verbs.txt', '--- KILL [190] ---\nKILL\n\n~ a (b . ATTACK) SAY = a b 112\n');
  assert.deepEqual(codes('Arnor said Gondor attacked Rohan.'), ['ARN>GON:112']);
  assert.deepEqual(codes('Arnor said Gondor killed Rohan soldiers.'), ['ARN>GON:112']);
});

test('coder: a speaker reporting force used on itself accuses the attacker (inner target "a")', async () => {
  const codes = await triplesWith('report.verbs.txt', '--- FIRE [---] ---\nFIRE\n- * ROCKETS [190]\n\n~ a (b a ATTACK) SAY = a b 112\n');
  assert.deepEqual(codes('Arnor said Gondor attacked it on Monday.'), ['ARN>GON:112']);
  assert.deepEqual(codes('Arnor said rockets were fired at it from Gondor.'), ['ARN>GON:112']);
  assert.deepEqual(codes('Arnor said Gondor fired rockets at it.'), ['ARN>GON:112']);
  // a reflexive that cannot be its clause's subject ("Gondor … themselves") is the speaker's
  assert.deepEqual(codes('Arnor said that Gondor had attacked themselves.'), ['ARN>GON:112']);
  // a reflexive that agrees with its clause's subject, or a pronoun the speaker does not agree with, is someone else
  assert.deepEqual(codes('Arnor said Gondor attacked itself.'), []);
  assert.deepEqual(codes('Arnor said Gondor attacked them.'), []);
  // a named target with the speaker's code is another actor: the attack is reported, not an accusation
  assert.deepEqual(codes('Arnor said Gondor attacked Arnor troops.'), ['GON>ARNMIL:190']);
  assert.deepEqual(codes('Arnor said Gondor attacked Rohan.'), ['GON>ROH:190']);
});

test('coder: a trailing "X said" clause does not become the actor', () => {
  assert.deepEqual(triples('Arnor will shell Gondor with artillery, the Rohan government said.'), ['ARN>GON:194']);
});

test('coder: dated roles follow the article date', () => {
  assert.deepEqual(triples('King Theoden condemned Mordor.', '2022-03-01'), ['ROHGOV>MOR:112']);
  assert.deepEqual(triples('King Theoden condemned Mordor.', '2025-03-01'), ['ROHELI>MOR:112']);
});

test('coder: a person out of every dated role is still the one country the roles are in', () => {
  assert.deepEqual(triples('King Theoden condemned Mordor.', '2019-03-01'), ['ROH>MOR:112']);
  // a title adds its sector, as it does to a country
  assert.deepEqual(triples('Ambassador Theoden condemned Mordor.', '2019-03-01'), ['ROHGOV>MOR:112']);
  // roles in two countries say nothing about which one applies
  assert.deepEqual(triples('Elendil condemned Mordor.'), []);
  assert.deepEqual(triples('Ambassador Elendil condemned Mordor.'), ['---GOV>MOR:112']);
  // an apposition that says less than the description before it leaves the description's code
  assert.deepEqual(triples('The Rohan ambassador in Gondor, Lord Theoden, condemned Mordor.', '2019-03-01'), ['ROHGOV>MOR:112']);
});

test('coder: a discard phrase is found only as whole whitespace-separated words, as in PETRARCH2', () => {
  assert.deepEqual(triples('Arnor attacked Gondor after a football match on Sunday.'), []);
  // "match," is the text's word: the phrase FOOTBALL MATCH is not in it
  assert.deepEqual(triples('Arnor attacked Gondor after a football match, officials said.'), ['ARN>GON:190']);
});

test('coder: story-level discards skip the article', () => {
  const r = coder.code({ text: 'Arnor attacked Gondor in the World Cup final.', date: '2023-05-01' });
  assert.equal(r.events.length, 0);
  assert.equal(r.discarded?.file, 'mini.discards.txt');
});

test('coder: bad dates are input errors; date formats are checked', () => {
  assert.equal(parseDate('2026-11-20'), 20261120);
  assert.equal(parseDate('20261120'), 20261120);
  assert.equal(parseDate('2026-02-30'), null);
  assert.throws(() => coder.code({ text: 'x', date: 'yesterday' }), /bad date/);
});

test('coder: a titled person is recognised later by name alone (issue #3)', () => {
  const text = 'Arnorian Foreign Minister Elendur Halvard met Gondor on Monday. Halvard later criticized Mordor.';
  assert.deepEqual(triples(text), ['ARNGOV>GON:040', 'ARNGOV>MOR:112']);
  const later = coder.code({ text, date: '2023-05-01' }).events[1];
  assert.equal(later.source.text, 'Halvard');
  assert.equal(later.source.name, 'Elendur Halvard');
});

test('coder: a speaker announcing its own action to come states an intent (03) or a threat (13)', () => {
  assert.deepEqual(triples('Arnor said it would meet Gondor.'), ['ARN>GON:036']);
  assert.deepEqual(triples('Arnor said it will attack Gondor.'), ['ARN>GON:138']);
  // not when someone else is reported, nor without a speech verb
  assert.deepEqual(triples('Rohan said Arnor will attack Gondor.'), ['ARN>GON:190']);
  assert.deepEqual(triples('Arnor will attack Gondor.'), ['ARN>GON:190']);
});

test('coder: an intent is refined by the verb it governs (agreed to meet → 036)', () => {
  assert.deepEqual(triples('Arnor agreed to meet Gondor.'), ['ARN>GON:036']);
});

test("coder: urging someone no dictionary knows to act is neither their act nor an appeal to the act's target", () => {
  assert.deepEqual(triples('Arnor urged its allies to attack Gondor.'), []);
  assert.deepEqual(triples('Arnor urged Rohan to attack Gondor.'), ['ARN>ROH:020']);
});

test('coder: an appeal is refined by the verb it governs (urged X to meet → 026)', () => {
  assert.deepEqual(triples('Rohan urged Arnor to meet Gondor.'), ['ROH>ARN:026']);
  // in the passive the one urged is the subject, whatever a pattern's "+" would pick after the verb
  assert.deepEqual(triples('Arnor was urged by Rohan to meet Gondor.'), ['ROH>ARN:026']);
  const e = coder.code({ text: 'Rohan urged Arnor to meet Gondor.', date: '2023-05-01' }).events[0];
  assert.equal(e.verb.text, 'urged');
});

test('coder: "will not" makes a refusal (12x), "did not" no event', () => {
  assert.deepEqual(triples('Arnor will not meet Gondor.'), ['ARN>GON:125']);
  assert.deepEqual(triples('Arnor did not meet Gondor.'), []);
});

test('coder: a compound subject acts on itself only for mutual events', () => {
  assert.deepEqual(triples('Arnor and Gondor met on Monday.').sort(), ['ARN>GON:040', 'GON>ARN:040']);
  assert.deepEqual(triples('Arnor and Gondor condemned the decision.'), []);
});

test('coder: a pronoun in lower case never names an actor ("us" is not the US)', async () => {
  const withUs = await triplesWith('us.actors.txt', 'UNITED_STATES [USA]\nUS [USA]\n');
  assert.deepEqual(withUs('Arnor accused US of aggression.'), ['ARN>USA:1125']);
  assert.deepEqual(withUs('Arnor accused us of aggression.'), []);
});

test('coder: a bracketed acronym after the subject is stepped over ("Arnor (AI) accused …", an acronym the tagger reads as a noun)', () => {
  assert.deepEqual(triples('Arnor (AI) has accused Gondor of aggression.'), ['ARN>GON:1125']);
});

test('coder: an -ing word after a preposition and a bare singular noun is a compound noun, no verb', () => {
  // "tank shelling" names the shelling: only the attack is an event, not Mordor shelling Rohan
  assert.deepEqual(triples('Gondor soldiers were attacked in Mordor tank shelling near Rohan.'), ['MOR>GONMIL:190']);
  // a gerund clause with its own object stays a verb
  assert.deepEqual(triples('Arnor was condemned by Mordor for shelling Rohan.'), ['MOR>ARN:112']);
  assert.deepEqual(triples('Gondor began shelling Rohan.'), ['GON>ROH:190']);
});

test('coder: a by-phrase naming an instrument takes its doer from the participle describing it', () => {
  assert.deepEqual(triples('Rohan was attacked by a rocket fired by Mordor soldiers.'), ['MORMIL>ROH:190']);
  assert.deepEqual(triples('Rohan was attacked by a rocket believed to have been fired by Mordor.'), ['MOR>ROH:190']);
  // the participle phrase belongs to the by-phrase: its verb is no event against an earlier place
  assert.deepEqual(triples('Rohan was attacked near Gondor by a rocket thought to be shelled by Mordor.'), ['MOR>ROH:190']);
});

test('coder: a number inside the subject noun phrase does not hide the actor modifying it', () => {
  assert.deepEqual(triples('The Gondor 12th brigade attacked Rohan.'), ['GON>ROH:190']);
  assert.deepEqual(triples('A Gondor 777 airliner was attacked by Mordor.'), ['MOR>GON:190']);
});

test('coder: a pattern that names the "to" of an object-control infinitive reads on in it ("ordered X to leave")', async () => {
  const codes = await triplesWith(
    'order.verbs.txt',
    '--- ORDER [---] ---\nORDER\n- * + (TO {LEAVE}) [174]\n- * WITHDRAWAL [0874]\n\n--- ANNOUNCE [---] ---\nANNOUNCE\n',
  );
  assert.deepEqual(codes('Arnor ordered Gondor to leave.'), ['ARN>GON:174']);
  assert.deepEqual(codes('Arnor ordered the Gondor troops to leave the country.'), ['ARN>GONMIL:174']);
  // words of the infinitive's clause are not the ordering verb's unless the pattern goes in through its "to"
  assert.deepEqual(codes('Arnor ordered Gondor to announce a withdrawal.'), []);
});

test('coder: a speech verb whose pattern names the reported clause\'s subject and "must" is a demand on it, refined by the act demanded', async () => {
  const codes = await triplesWith(
    'must.verbs.txt',
    '&MUST_\n+MUST\n+SHOULD\n+HAVE_TO\n\n--- SAY [---] ---\nSAY {SAID SAYS SAYING}\n- * + &MUST_ [100]\n',
  );
  // a demand to meet (108) by the speaker on the reported clause's subject; the meeting is only demanded
  assert.deepEqual(codes('Arnor says Gondor must meet Rohan.'), ['ARN>GON:108']);
  assert.deepEqual(codes('Arnor said that Gondor should meet Rohan.'), ['ARN>GON:108']);
  // an act demanded not to happen is no refinement: the bare demand stays
  assert.deepEqual(codes('Arnor said Gondor must not attack Rohan.'), ['ARN>GON:100']);
  // without the obligation it is a report, and the speaker's own obligation is no demand
  assert.deepEqual(codes('Arnor said Gondor will meet Rohan.'), ['GON>ROH:040']);
  assert.deepEqual(codes('Arnor said it must attack Gondor.'), ['ARN>GON:190']);
  // a time adverbial may stand between the speech verb and the reported clause
  assert.deepEqual(codes('Arnor said on Tuesday that Gondor must meet Rohan.'), ['ARN>GON:108']);
  assert.deepEqual(codes('Arnor said Friday Gondor should meet Rohan.'), ['ARN>GON:108']);
});

test('coder: a semi-modal ("needs to", "has to") binds the infinitive to its own subject, as "must" does', async () => {
  const codes = await triplesWith(
    'must.verbs.txt',
    '&MUST_\n+MUST\n+NEED_TO\n+HAVE_TO\n\n--- SAY [---] ---\nSAY {SAID SAYS SAYING}\n- * + &MUST_ [100]\n',
  );
  // the demand is refined by the act demanded, not read as the speaker's own meeting
  assert.deepEqual(codes('Arnor said Gondor needs to meet Rohan.'), ['ARN>GON:108']);
  assert.deepEqual(codes('Arnor says Gondor has to meet Rohan.'), ['ARN>GON:108']);
  // the noun "need" is no semi-modal: the speaker's own clause keeps its verb
  assert.deepEqual(triples('Gondor needs to meet Rohan.'), ['GON>ROH:040']);
});

test('coder: a predicate adjective of intent before an infinitive states the intent, as an intent verb does ("is willing to meet" → 036)', () => {
  assert.deepEqual(triples('Arnor is willing to meet Gondor.'), ['ARN>GON:036']);
  assert.deepEqual(triples('Arnor remains fully prepared to meet Gondor.'), ['ARN>GON:036']);
  // a hostile act stated as intended is a threat; a negated willingness a refusal
  assert.deepEqual(triples('Arnor is ready to attack Gondor.'), ['ARN>GON:138']);
  assert.deepEqual(triples('Arnor was not willing to meet Gondor.'), ['ARN>GON:125']);
  // an adjective of refusal is a refusal without the negation; negated, an intent
  assert.deepEqual(triples('Arnor is unwilling to meet Gondor.'), ['ARN>GON:125']);
  assert.deepEqual(triples('Arnor remains reluctant to meet Gondor.'), ['ARN>GON:125']);
  assert.deepEqual(triples('Arnor is not reluctant to meet Gondor.'), ['ARN>GON:036']);
  // the adjective's own subject acts, not the subject of a verb before it
  assert.deepEqual(triples('Rohan said Arnor is determined to attack Gondor.'), ['ARN>GON:138']);
  const e = coder.code({ text: 'Arnor is willing to meet Gondor.', date: '2023-05-01' }).events[0];
  assert.equal(e.verb.text, 'willing');
  // other adjectives before an infinitive are no intent
  assert.deepEqual(triples('Arnor is able to attack Gondor.'), ['ARN>GON:190']);
});

test('coder: a verb coordinated after the object has its own object ("condemned the attack and said Gondor …")', () => {
  assert.deepEqual(triples('Arnor condemned the attack and said Gondor attacked Rohan.'), ['GON>ROH:190']);
  assert.deepEqual(triples('Arnor condemned the attack and later criticized Gondor.'), ['ARN>GON:112']);
  // a verb right after another shares its object
  assert.deepEqual(triples('Arnor condemned and criticized Gondor.'), ['ARN>GON:112']);
});

test('coder: "(AGAINST +)" is the preposition\'s object, not an actor in a gerund clause after it', async () => {
  const codes = await triplesWith('warn.verbs.txt', '--- WARN [---] ---\nWARN\n- * (AGAINST +) [130]\n');
  assert.deepEqual(codes('Arnor warned against Gondor.'), ['ARN>GON:130']);
  assert.deepEqual(codes('Arnor warned against the ambitions of Gondor.'), ['ARN>GON:130']);
  assert.deepEqual(codes('Arnor warned traders against calling at Gondor.'), []);
});

test('coder: "+" right after the verb is its object, not a place after "in" or "at"', async () => {
  const codes = await triplesWith('receive.verbs.txt', '--- RECEIVE [---] ---\nRECEIVE\n- * + [043:042]\n');
  assert.deepEqual(codes('Arnor received Gondor.'), ['ARN>GON:043', 'GON>ARN:042']);
  assert.deepEqual(codes('Arnor received medical care in Gondor.'), []);
});

test('coder: what two sides exchange is no target: a compound subject acts on itself', async () => {
  const codes = await triplesWith('swap.verbs.txt', '&CAPTIVE\n+SOLDIERS_\n\n--- SWAP [---] ---\nSWAP\nEXCHANGE\n- * &CAPTIVE [0841:0841]\n- * BODIES [0841:0841]\n');
  assert.deepEqual(codes('Arnor and Gondor exchanged soldiers.').sort(), ['ARN>GON:0841', 'GON>ARN:0841']);
  assert.deepEqual(codes('Arnor and Gondor swapped the bodies of 20 soldiers.').sort(), ['ARN>GON:0841', 'GON>ARN:0841']);
  // one side alone names no one it exchanged with
  assert.deepEqual(codes('Arnor exchanged soldiers.'), []);
});

test('coder: a transformation that names the inner verb\'s own block wins over one that shares its root', async () => {
  const codes = await triplesWith(
    'refuse.verbs.txt',
    '--- RELEASE [084] ---\nRELEASE\nFREE\n\n--- ALLOW [080] ---\nALLOW\nLET {LET}\n\n--- REFUSE [---] ---\nREFUSE\n\n' +
      '~ a (_ b RELEASE) REFUSE = a b 1243\n~ a (_ b ALLOW) REFUSE = a b 1245\n',
  );
  assert.deepEqual(codes('Arnor refused to let Gondor in.'), ['ARN>GON:1245']);
  assert.deepEqual(codes('Arnor refused to free Gondor.'), ['ARN>GON:1243']);
});
