import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { createCoder } from '../events/index.ts';
import type { QuoteRecord } from '../model/index.ts';
import { STAGES } from '../pipeline/index.ts';
import { analyze } from '../text/index.ts';
import { findQuotes, quotesStage } from './index.ts';

const FIXTURES = new URL('../../test/fixtures/quotes/', import.meta.url);

function quotes(text: string, options = {}): QuoteRecord[] {
  return findQuotes(analyze(text), options);
}

/** Every span of a quote points at its own text. */
function assertOffsets(text: string, q: QuoteRecord): void {
  assert.equal(text.slice(q.start, q.end), q.text);
  assert.equal(text.slice(q.cue.start, q.cue.end), q.cue.text);
  if (q.speaker) assert.equal(text.slice(q.speaker.start, q.speaker.end), q.speaker.text);
  for (const p of q.parts ?? []) assert.equal(text.slice(p.start, p.end), p.text);
}

/** One quote, checked for offsets, summarised as [kind, text, speaker, cue]. */
function only(text: string, options = {}): [string, string, string | null, string] {
  const found = quotes(text, options);
  assert.equal(found.length, 1, `expected one quote, got ${JSON.stringify(found.map((q) => q.text))}`);
  const q = found[0];
  assertOffsets(text, q);
  return [q.kind, q.text, q.speaker?.text ?? null, q.cue.text];
}

test('quotes_direct: a quote before its cue, with the speaker before or after the verb', () => {
  assert.deepEqual(only('“The plan is dead,” Smith said on Monday.'), ['direct', 'The plan is dead', 'Smith', 'said']);
  assert.deepEqual(only('"The plan is dead," said Mayor Ana Lopez.'), ['direct', 'The plan is dead', 'Mayor Ana Lopez', 'said']);
  assert.deepEqual(only('“We were there legally,” the spokeswoman told reporters.'), ['direct', 'We were there legally', 'the spokeswoman', 'told']);
});

test('quotes_direct: a quote after its cue, with or without a colon', () => {
  assert.deepEqual(only('Smith said: "The plan is dead."'), ['direct', 'The plan is dead.', 'Smith', 'said']);
  assert.deepEqual(only('The minister added, “We will not sign.”'), ['direct', 'We will not sign.', 'The minister', 'added']);
});

test('quotes_direct: curly and straight marks give the same quote', () => {
  const curly = only('“Nobody wins a trade war,” the envoy said.');
  const straight = only('"Nobody wins a trade war," the envoy said.');
  assert.deepEqual(curly, straight);
});

test('quotes_split: a quote interrupted by its attribution is one quote in two parts', () => {
  const text = '“This is not a breakthrough,” said Omar Haddad, “but it is good news.”';
  const [q] = quotes(text);
  assertOffsets(text, q);
  assert.equal(q.kind, 'direct');
  assert.equal(q.speaker?.text, 'Omar Haddad');
  assert.deepEqual(q.parts?.map((p) => p.text), ['This is not a breakthrough', 'but it is good news.']);
  assert.equal(q.start, text.indexOf('This'));
  assert.equal(q.end, text.indexOf('news.') + 'news.'.length);
});

test('quotes_split: the next sentence of the same paragraph continues the quote', () => {
  const text = '"We agreed on two steps," Varga said. "The rest will take longer."';
  const [q] = quotes(text);
  assert.deepEqual(q.parts?.map((p) => p.text), ['We agreed on two steps', 'The rest will take longer.']);
});

test('quotes_paragraphs: a quote running over paragraphs, each reopened with a mark', () => {
  const text = 'Haddad warned:\n\n“Without money, nothing will move.\n\n“The ships will go elsewhere.”\n\nBoats left at dawn.';
  const found = quotes(text);
  assert.equal(found.length, 1);
  const q = found[0];
  assertOffsets(text, q);
  assert.equal(q.kind, 'direct');
  assert.equal(q.speaker?.text, 'Haddad');
  assert.deepEqual(q.parts?.map((p) => p.text), ['Without money, nothing will move.', 'The ships will go elsewhere.']);
});

test('quotes_paragraphs: a whole-paragraph quote without a cue takes the previous speaker', () => {
  const text = '“The vote was fair,” Mayor Lopez said.\n\n“We counted every ballot twice and found no problems.”';
  const found = quotes(text);
  assert.equal(found.length, 2);
  assert.equal(found[1].text, 'We counted every ballot twice and found no problems.');
  assert.equal(found[1].speaker?.text, 'Mayor Lopez');
  assert.equal(found[1].speaker?.name, 'Lopez');
  assert.deepEqual(quotes(text, { continuations: false }).length, 1);
});

test('quotes_indirect: "said that", "said" without "that", and "told X that"', () => {
  assert.deepEqual(only('The ministry said that the border would reopen on Friday.'), ['indirect', 'the border would reopen on Friday', 'The ministry', 'said']);
  assert.deepEqual(only('Rebel commanders said on Sunday the ceasefire had collapsed.'), ['indirect', 'the ceasefire had collapsed', 'Rebel commanders', 'said']);
  assert.deepEqual(only('Kovac told reporters in Zagreb that talks would resume.'), ['indirect', 'talks would resume', 'Kovac', 'told']);
});

test('quotes_indirect: the reported clause before its cue, and a parenthetical cue', () => {
  assert.deepEqual(only('The port will reopen next week, officials said.'), ['indirect', 'The port will reopen next week', 'officials', 'said']);
  assert.deepEqual(only('The latest test, the army said, was its biggest yet.'), ['indirect', 'The latest test, the army said, was its biggest yet', 'the army', 'said']);
});

test('quotes_indirect: "according to" before and after the content', () => {
  assert.deepEqual(only('According to the report, the economy grew by 2 percent.'), ['indirect', 'the economy grew by 2 percent', 'the report', 'According to']);
  assert.deepEqual(only('Twelve people died, according to local officials.'), ['indirect', 'Twelve people died', 'local officials', 'according to']);
});

test('quotes_indirect: two attributions in one sentence do not swallow each other', () => {
  const text = 'Figueroa said the campaign planned a protest, though she acknowledged it was unlikely to work.';
  const found = quotes(text);
  assert.deepEqual(found.map((q) => [q.text, q.speaker?.text]), [
    ['the campaign planned a protest', 'Figueroa'],
    ['it was unlikely to work', 'she'],
  ]);
  for (const q of found) assertOffsets(text, q);
});

test('quotes_indirect: "and" between two nouns does not end what was said', () => {
  const [first] = quotes('Mayor Lopez said the storms and floods demand that the council act now.');
  assert.equal(first.text, 'the storms and floods demand that the council act now');
  assert.equal(first.speaker?.text, 'Mayor Lopez');
});

test('quotes_mixed: indirect speech with quoted words', () => {
  assert.deepEqual(only('Anders accused the government of "selling the port cheaply."'), ['mixed', 'the government of "selling the port cheaply."', 'Anders', 'accused']);
});

test('quotes_speakers: pronouns and descriptions resolve to the named speaker', () => {
  const text = 'Foreign Minister Lena Varga said the talks had failed. She added that a new round was planned. The foreign minister declined to give a date.';
  const found = quotes(text);
  assert.deepEqual(found.map((q) => [q.speaker?.text, q.speaker?.name]), [
    ['Foreign Minister Lena Varga', 'Lena Varga'],
    ['She', 'Lena Varga'],
    ['The foreign minister', 'Lena Varga'],
  ]);
  // a surname alone is the person named in full before
  const [, second] = quotes('Melezia Figueroa said they complied. Figueroa said the police were polite.');
  assert.equal(second.speaker?.name, 'Melezia Figueroa');
});

test('quotes_speakers: a relative pronoun is the mention, its antecedent the name', () => {
  const found = quotes('The plan was backed by Senator Maria Olsen, who said it would save money.');
  const q = found.find((x) => x.cue.text === 'said')!;
  assert.equal(q.speaker?.text, 'who');
  assert.equal(q.speaker?.name, 'Maria Olsen');
  assert.equal(q.text, 'it would save money');
});

test('quotes_attribution: thoughts, hopes and stances attribute their complement to the subject', () => {
  assert.deepEqual(only('Most fishermen think the quota is too low.'), ['indirect', 'the quota is too low', 'Most fishermen', 'think']);
  assert.deepEqual(only('The mayor hopes to reopen the bridge by June.'), ['indirect', 'to reopen the bridge by June', 'The mayor', 'hopes']);
  assert.deepEqual(only('Two unions support the new port tax.'), ['indirect', 'the new port tax', 'Two unions', 'support']);
  assert.deepEqual(only('Councillor Reyes spoke about the flooding in the old town.'), ['indirect', 'the flooding in the old town', 'Councillor Reyes', 'spoke about']);
});

test('quotes_attribution: an adjective of feeling or certainty after "be" attributes its complement to the subject', () => {
  assert.deepEqual(only('Dock workers were frustrated that the port stayed closed.'), ['indirect', 'the port stayed closed', 'Dock workers', 'frustrated']);
  assert.deepEqual(only('The senator has been critical of the treaty for years.'), ['indirect', 'the treaty for years', 'The senator', 'critical of']);
  assert.deepEqual(only("The farmers weren't too worried about the drought."), ['indirect', 'the drought', 'The farmers', 'worried about']);
  assert.deepEqual(quotes('A frustrated crowd waited outside.'), [], 'an adjective before its noun attributes nothing');
});

test('quotes_attribution: "is a staunch opponent of" after "be" attributes the object of a stance noun to the subject', () => {
  assert.deepEqual(only('The mayor is a staunch opponent of the harbour toll.'), ['indirect', 'the harbour toll', 'The mayor', 'a staunch opponent of']);
  assert.deepEqual(only('Ms. Ortiz has been a vocal and consistent supporter of rail subsidies.'), ['indirect', 'rail subsidies', 'Ms. Ortiz', 'a vocal and consistent supporter of']);
  assert.deepEqual(quotes('The supporters of the toll met on Friday.'), [], 'a stance noun that is not predicated names people');
  assert.deepEqual(quotes('A critic of the toll, Ms. Ortiz, spoke on Friday.'), [], 'not after an article with no linking verb');
});

test('quotes_attribution: a stance phrase opening the sentence ("A fierce critic of X, Y …") is held by the subject after the comma', () => {
  const found = quotes('A fierce critic of the toll, Ms. Ortiz voted against the budget.');
  assert.deepEqual(found.map((q) => [q.text, q.speaker?.text, q.cue.text]), [
    ['the toll', 'Ms. Ortiz', 'A fierce critic of'],
    ['the budget', 'Ms. Ortiz', 'voted against'],
  ]);
});

test('quotes_attribution: "in" with a poll or a view opens or ends a clause that is the poll\'s finding or the holder\'s view', () => {
  assert.deepEqual(only('In the latest harbour survey, conducted in May, the ferry lost ground to the bridge.'), ['indirect', 'the ferry lost ground to the bridge', 'the latest harbour survey', 'In']);
  assert.deepEqual(only("In the mayor's view, the toll is a mistake."), ['indirect', 'the toll is a mistake', "the mayor's view", 'In']);
  assert.deepEqual(only('Though the debate went badly, Reyes gained ground in two polls released on Friday.'), ['indirect', 'Reyes gained ground', 'two polls', 'in']);
  assert.deepEqual(only('In the survey, most farmers said the drought was over.'), ['indirect', 'the drought was over', 'most farmers', 'said'], 'a clause with a cue of its own is that cue\'s');
  assert.deepEqual(quotes('Support fell from 58 percent in the last poll to 55 percent now.'), [], 'a phrase inside its clause ends nothing');
  assert.deepEqual(quotes('The poll workers in the county were late.'), []);
});

test('quotes_attribution: "faced criticism", "is drawing scrutiny from X": the subject, or the "for" phrase, is what is criticised', () => {
  assert.deepEqual(only('The harbour plan is drawing criticism.'), ['indirect', 'The harbour plan', null, 'drawing criticism']);
  assert.deepEqual(only('The mayor faced sharp criticism from fishermen on Friday.'), ['indirect', 'The mayor', 'fishermen', 'faced sharp criticism']);
  assert.deepEqual(only('The council came under withering criticism for closing the ferry.'), ['indirect', 'closing the ferry', null, 'came under withering criticism']);
  assert.deepEqual(quotes('The convoy came under fire near the border.'), [], 'fire is an attack, not criticism');
  assert.deepEqual(quotes('The lawyer, whose own conduct came under scrutiny, resigned.'), [], 'a relative clause\'s subject is no content');
});

test('quotes_attribution: a possessed noun of resolve before an infinitive ("the mayor\'s decision to …") is the possessor\'s', () => {
  assert.deepEqual(only("The mayor's decision to close the ferry angered fishermen."), ['indirect', 'to close the ferry', 'The mayor', 'decision']);
  assert.deepEqual(only('Their refusal to pay the toll it has set surprised no one.'), ['indirect', 'to pay the toll it has set', 'Their', 'refusal']);
  assert.deepEqual(quotes('The decision to close the ferry angered fishermen.'), [], 'no possessor, no one to attribute it to');
});

test('quotes_attribution: idioms of holding a view ("has no illusions about", "made little secret of", "left little doubt that")', () => {
  assert.deepEqual(only('The mayor has no illusions about the cost of the bridge.'), ['indirect', 'the cost of the bridge', 'The mayor', 'has no illusions about']);
  assert.deepEqual(only('The unions made little secret of their anger.'), ['indirect', 'their anger', 'The unions', 'made little secret of']);
  assert.deepEqual(only('The survey left little doubt that the river was rising.'), ['indirect', 'the river was rising', 'The survey', 'left little doubt']);
  assert.deepEqual(quotes('The mayor has no car and made a cake.'), []);
});

test('quotes_attribution: content may open with an unpaired single quote mark, not with a possessive apostrophe', () => {
  assert.deepEqual(only('The audit reveals ‘shocking’ gaps in the harbour budget.'), ['indirect', 'shocking’ gaps in the harbour budget', 'The audit', 'reveals']);
  assert.deepEqual(quotes("As noted in Reyes' report, the ferry was late."), []);
});

test('quotes_attribution: a title-case headline verb after "To" is an infinitive, not a name the cue is addressed to', () => {
  assert.deepEqual(only('Mayor Vows To Reopen Harbour Ferry By Spring.'), ['indirect', 'To Reopen Harbour Ferry By Spring', 'Mayor', 'Vows']);
});

test('quotes_attribution: a thought inside what someone said is that speaker\'s content, not a second quote', () => {
  assert.deepEqual(only('Varga said she thinks the ferry will run again in spring.'), ['indirect', 'she thinks the ferry will run again in spring', 'Varga', 'said']);
});

test('quotes_attribution: a stance verb after "to" is what another verb is about', () => {
  assert.deepEqual(quotes('Fishermen want to know more about the quota.').map((q) => q.cue.text), ['want']);
});

test('quotes_split: a quotation later in the same paragraph, after words of the attribution, continues the quote', () => {
  const text = '“It is over,” Varga said of the strike. “We go back on Monday.”';
  const found = quotes(text);
  assert.equal(found.length, 1);
  assertOffsets(text, found[0]);
  assert.deepEqual(found[0].parts?.map((p) => p.text), ['It is over', 'We go back on Monday.']);
  assert.equal(found[0].speaker?.text, 'Varga');
});

test('quotes_split: after "said X, speaking of Y", the next quotation continues the direct quote, not the participle', () => {
  const text = '“The port is closed,” said Varga, speaking of the strike. “Nobody works until Monday.”';
  const found = quotes(text);
  found.forEach((q) => assertOffsets(text, q));
  const direct = found.find((q) => q.cue.text === 'said');
  assert.deepEqual(direct?.parts?.map((p) => p.text), ['The port is closed', 'Nobody works until Monday.']);
  const about = found.find((q) => q.cue.text === 'speaking of');
  assert.equal(about?.text, 'the strike');
  assert.equal(about?.speaker?.text, 'Varga');
});

test('quotes_split: a quotation that is only part of the next sentence is not more of the quote before', () => {
  const text = '“This is wrong,” Varga said. “You closed the port” to raise prices, she said, referring to the owners.';
  const found = quotes(text);
  found.forEach((q) => assertOffsets(text, q));
  const first = found.find((q) => q.speaker?.text === 'Varga');
  assert.deepEqual(first?.parts?.map((p) => p.text) ?? [first?.text], ['This is wrong']);
  // the participle after "she said," is how she said it, not more of what she said
  const second = found.find((q) => q.speaker?.text === 'she');
  assert.equal(second?.text, '“You closed the port” to raise prices');
});

test('quotes_none: sentences without attribution give nothing', () => {
  assert.deepEqual(quotes('Fishing boats left the harbour at dawn.'), []);
  assert.deepEqual(quotes('The so-called “peace dividend” never came.'), [], 'a scare quote is not a quotation');
  assert.deepEqual(quotes(''), []);
  assert.deepEqual(quotes("Don't blame the harbour master for the storm."), [], 'an imperative quotes nobody');
  assert.deepEqual(quotes('The pact, known as the Harbour Accord, was signed in May.'), [], '"known as" names');
  assert.deepEqual(quotes('Correction: An earlier version of this story gave the wrong date.'), [], 'an editorial note is not a speaker');
});

test('quotes_options: speechOnly leaves out attributions that are not speech', () => {
  const text = 'A new poll shows that the president is losing support.';
  assert.equal(quotes(text).length, 1);
  assert.deepEqual(quotes(text, { speechOnly: true }), []);
});

test('quotes_stage: registered in the pipeline and fills article.quotes with actor codes', async () => {
  assert.ok(STAGES.includes(quotesStage));
  const coder = await createCoder({ stages: [quotesStage] });
  const text = 'Russian President Vladimir Putin met the envoy in Moscow. "We are ready to talk," the Russian leader said.';
  const article = coder.code({ text, date: '2026-03-03' });
  assert.equal(article.quotes?.length, 1);
  const q = article.quotes![0];
  assertOffsets(text, q);
  assert.equal(q.speaker?.text, 'the Russian leader');
  assert.equal(q.speaker?.name, 'Vladimir Putin');
  assert.equal(q.speaker?.code, 'RUSGOV');
});

test('quotes_fixture: harbour-talks.txt gives the expected quotes', () => {
  const text = readFileSync(new URL('harbour-talks.txt', FIXTURES), 'utf8');
  const expected = JSON.parse(readFileSync(new URL('harbour-talks.expected.json', FIXTURES), 'utf8')) as {
    quotes: Array<{ kind: string; text: string; speaker: string; name?: string; cue: string; parts?: string[] }>;
  };
  const found = quotes(text);
  for (const q of found) assertOffsets(text, q);
  assert.deepEqual(
    found.map((q) => ({ kind: q.kind, text: q.text, speaker: q.speaker?.text, ...(q.speaker?.name && { name: q.speaker.name }), cue: q.cue.text, ...(q.parts && { parts: q.parts.map((p) => p.text) }) })),
    expected.quotes,
  );
});

test('quotes_attribution: "see X as Y" is a stance, "saw him" is not', () => {
  assert.deepEqual(only('Critics see the program as a loophole for the rich.'), ['indirect', 'the program as a loophole for the rich', 'Critics', 'see']);
  assert.deepEqual(quotes('I saw him at the harbour on Monday.'), []);
});

test('quotes_direct: "X added:" closing a paragraph introduces the next paragraph, quoted without marks', () => {
  const text = 'The governor added:\n\nIt is typical of them. They know nothing about the port.\n\nThe strike ended on Monday.';
  const [kind, content, speaker, cue] = only(text);
  assert.deepEqual([content, speaker, cue], ['It is typical of them. They know nothing about the port', 'The governor', 'added']);
  assert.notEqual(kind, 'direct');
});

test('quotes_speaker: a speaker with a prepositional phrase after its head ("a narrator in the ad")', () => {
  assert.deepEqual(only('“Why did the port close?” a narrator in the union ad asks.'), ['direct', 'Why did the port close?', 'a narrator in the union ad', 'asks']);
});

test('quotes_direct: any verb right after the opening subject, then a comma and a quotation ("She continued, “…”")', () => {
  assert.deepEqual(only('She continued, “All we are asking for is a fair hearing.”'), ['direct', 'All we are asking for is a fair hearing.', 'She', 'continued']);
  assert.deepEqual(quotes('After the storm passed, “normal life” returned to the town.'), []);
});

test('quotes_speaker: the second of two joined verbs speaks for the first verb\'s subject, not an earlier clause\'s', () => {
  const found = quotes('When she mentioned the strike, I laughed and said, “Nobody strikes in August.”');
  const said = found.find((q) => q.cue.text === 'said');
  assert.equal(said?.speaker?.text, 'I');
  const argued = quotes('Smith said the plan failed and argued that it was a waste.').find((q) => q.cue.text === 'argued');
  assert.equal(argued?.speaker?.text, 'Smith');
});

test('quotes_attribution: a stance in the passive is about its subject, said by the "by" phrase', () => {
  assert.deepEqual(only('The harbour plan was rejected by the council in May.'), ['indirect', 'The harbour plan', 'the council', 'rejected']);
});

test("quotes_nesting: attributions do not nest; what someone said inside another's content is part of it", () => {
  const text = 'Varga said the mayor was right when he said that the port “must stay open.”';
  const [kind, content, speaker, cue] = only(text);
  assert.deepEqual([kind, speaker, cue], ['mixed', 'Varga', 'said']);
  assert.equal(content, 'the mayor was right when he said that the port “must stay open.”');
  // a trailing "…, sources said" is the attribution; the verb before it is part of what was said
  assert.deepEqual(only('The union called for a strike in the port, sources said.').slice(1, 4), ['The union called for a strike in the port', 'sources', 'said']);
});

test('quotes_clauses: "and" before a noun and a verb in the past opens a clause of its own', () => {
  const text = 'Republicans said the ministry mishandled the inquiry and Democrats accused the union of stalling.';
  const found = quotes(text);
  found.forEach((q) => assertOffsets(text, q));
  assert.equal(found.find((q) => q.cue.text === 'said')?.text, 'the ministry mishandled the inquiry');
  assert.equal(found.find((q) => q.cue.text === 'accused')?.speaker?.text, 'Democrats');
});

test('quotes_attribution: "what X said when …" attributes "what"; uses of cue verbs that attribute nothing', () => {
  assert.deepEqual(only('That was what Varga said when she resigned from the union.'), ['indirect', 'what', 'Varga', 'said']);
  assert.deepEqual(quotes('The top earners would pay $9,000 more, compared with $27 for the middle.'), []);
  assert.deepEqual(quotes('The crews find themselves in the middle of the strike.'), []);
});

test('quotes_speaker: after "…, and a clause, said X" the speaker is X, not the noun before the clause', () => {
  const text = 'The talks went badly for the owners, and the meeting ended early, said one union official.';
  const [, content, speaker, cue] = only(text);
  assert.deepEqual([content, speaker, cue], ['The talks went badly for the owners, and the meeting ended early', 'one union official', 'said']);
  assert.equal(only('Varga, the union’s spokeswoman, said the port would reopen.')[2], 'Varga');
});

test('quotes_clauses: a content opening with a subordinate clause goes on to its main clause', () => {
  const text = 'Dock workers warned that if the port stayed shut, the city could run out of fuel.';
  assert.deepEqual(only(text).slice(1, 4), ['if the port stayed shut, the city could run out of fuel', 'Dock workers', 'warned']);
});

test('quotes_clauses: a verb after "and" shares the content\'s subject when it has that verb\'s tense, not the cue\'s', () => {
  const same = only('Officers say the driver ignored the signal and refused to stop.');
  assert.deepEqual(same.slice(1, 4), ['the driver ignored the signal and refused to stop', 'Officers', 'say']);
  // "said … would close … and warned": the warning is a second act of the speaker
  const text = 'Varga said she would close the port and warned against a strike.';
  const found = quotes(text);
  assert.deepEqual(found.map((q) => [q.text, q.speaker?.text, q.cue.text]), [
    ['she would close the port', 'Varga', 'said'],
    ['against a strike', 'Varga', 'warned'],
  ]);
});

test('quotes_raising: "X seems to …" and a passive cue before "to" or "as" attribute the subject and the rest, with no source', () => {
  const text = 'The new mayor seems to have lost the council’s trust.';
  const [q] = quotes(text);
  assertOffsets(text, q);
  assert.equal(q.speaker, null);
  assert.deepEqual(q.parts?.map((p) => p.text), ['The new mayor', 'to have lost the council’s trust']);
  assert.deepEqual(quotes('The treaty is expected to be signed in May.')[0].parts?.map((p) => p.text), ['The treaty', 'to be signed in May']);
  assert.deepEqual(quotes('Most of the claims were rated as false.')[0].parts?.map((p) => p.text), ['Most of the claims', 'as false']);
  assert.deepEqual(quotes('What appeared to be a truce ended at dawn.'), []);
});

test('quotes_attribution: a conjunction or an adjunct preposition after the cue opens no content', () => {
  assert.deepEqual(quotes('The plan was proposed in 2015.'), []);
  assert.deepEqual(quotes('The council rejected and then revised the budget.').filter((q) => q.cue.text === 'rejected'), []);
  assert.deepEqual(only('Many residents have heard by now that the plant will close.').slice(1, 4), ['the plant will close', 'Many residents', 'heard']);
});

test('quotes_attribution: a progressive cue the tagger reads as an adjective is still a cue', () => {
  assert.deepEqual(only('The governor is promising to reopen the mines.').slice(1, 4), ['to reopen the mines', 'The governor', 'promising']);
  assert.deepEqual(quotes('The first results are promising.'), []);
});

test('quotes_split: a cue between two halves of what was said takes both, also after an -ing subject', () => {
  const text = 'Costs aside, Varga said, the new port would pay for itself.';
  const [q] = quotes(text);
  assertOffsets(text, q);
  assert.deepEqual([q.speaker?.text, q.parts?.map((p) => p.text)], ['Varga', ['Costs aside', 'the new port would pay for itself']]);
  const gerund = quotes('The first vote was easy, he said, replacing the mayor would be much harder.')[0];
  assert.deepEqual(gerund.parts?.map((p) => p.text), ['The first vote was easy', 'replacing the mayor would be much harder']);
  // a participle that tells how it was said is not more content
  assert.equal(quotes('The port will reopen, she said, referring to the strike.')[0].text, 'The port will reopen');
});

test('quotes_clauses: "…, and has called for …" ends the content before it, auxiliaries and all', () => {
  const text = 'The senator has attacked tax breaks that help the rich, and has called for a new levy on banks.';
  const found = quotes(text);
  assert.deepEqual(found.map((q) => [q.cue.text, q.text]), [
    ['attacked', 'tax breaks that help the rich'],
    ['called for', 'a new levy on banks'],
  ]);
});

test('quotes_clauses: what the content\'s subject said after "and", or a clause in parentheses, is an attribution of its own', () => {
  const text = 'The paper says Varga promised to keep the port open and said she would resist the strike.';
  assert.deepEqual(quotes(text).map((q) => [q.speaker?.text, q.cue.text, q.text]), [
    ['The paper', 'says', 'Varga promised to keep the port open'],
    ['Varga', 'said', 'she would resist the strike'],
  ]);
  const aside = 'Unions want higher wages (they argue that prices rose by a third).';
  assert.deepEqual(quotes(aside).map((q) => [q.cue.text, q.text]), [
    ['want', 'higher wages'],
    ['argue', 'prices rose by a third'],
  ]);
});

test('quotes_attribution: an "Editor\'s note:" paragraph, wrapped or not, is boilerplate and attributes nothing', () => {
  const wrapped = 'Editor’s note: Senator Lane is a liar who has\nrepeatedly pledged to close all the borders — every one — for\ngood.\n\nLane said he would win.';
  assert.deepEqual(quotes(wrapped).map((q) => q.text), ['he would win']);
  assert.deepEqual(quotes('Editor’s note: The mayor has vowed to ban all cars from downtown.').length, 0);
});

test('quotes_attribution: a preposition stranded after the cue ("the one I know of --") opens no content', () => {
  assert.equal(quotes('The only plan I know of -- the one my uncle uses -- comes from a banker.').length, 0);
  assert.deepEqual(quotes('Critics asked for more time.').map((q) => q.text), ['for more time']);
});

test('quotes_attribution: "assume" with an office or a duty as its object takes it on and attributes nothing', () => {
  assert.equal(quotes('Shortly after assuming his post, the envoy resigned.').length, 0);
  assert.equal(quotes('The buyer would assume the plant’s environmental and cleanup obligations.').length, 0);
  assert.equal(quotes('She assumed a newly created role as adviser.').length, 0);
  assert.deepEqual(quotes('Many traders assumed the bank had the cash.').map((q) => q.text), ['the bank had the cash']);
});

test('quotes_clauses: a content opening with an adjunct phrase and a comma goes on to its clause', () => {
  assert.deepEqual(only('Lane noted that at one of his first party meetings, in 1980, he backed a rival for the post.').slice(0, 3), [
    'indirect',
    'at one of his first party meetings, in 1980, he backed a rival for the post',
    'Lane',
  ]);
});

test('quotes_attribution: a yes/no question to the reader ("Do you know …?") attributes nothing; a wh-question may', () => {
  assert.equal(quotes('Do you know where your senator stands on taxes?').length, 0);
  assert.equal(quotes('Or would you still vote for her?').length, 0);
  assert.deepEqual(quotes('How do you know when a school is worth it?').map((q) => q.text), ['when a school is worth it']);
  assert.deepEqual(quotes('But has he called for ending the tax breaks?').map((q) => q.text), ['ending the tax breaks']);
});

test('quotes_raising: a time phrase before a passive cue ("this fall") is an adjunct; the subject is before it', () => {
  const [q] = quotes('Many voters this fall are expected to stay home.');
  assert.equal(q.speaker, null);
  assert.deepEqual(q.parts?.map((p) => p.text), ['Many voters this fall', 'to stay home']);
});

test('quotes_infinitive: a stance after "to" is an attribution, by the governing subject or the "for" or object-control object', () => {
  assert.deepEqual(only('The mayor went on to defend the new parking rules.'), ['indirect', 'the new parking rules', 'The mayor', 'defend']);
  assert.deepEqual(only('Residents met at the library to discuss the zoning plan.'), ['indirect', 'the zoning plan', 'Residents', 'discuss']);
  assert.deepEqual(only('It was hard for the council to ignore the petition.'), ['indirect', 'the petition', 'the council', 'ignore']);
  assert.deepEqual(only('Organizers invited neighbors to discuss the levy.'), ['indirect', 'the levy', 'neighbors', 'discuss']);
  // knowing and perceiving after "to" attribute nothing
  assert.deepEqual(quotes('Voters need to know more about the budget.'), []);
  assert.deepEqual(quotes('The strain began to show in the third quarter.'), []);
});

test('quotes_attribution: stances and portrayals ("voted against", "painted X as", "doubled down on", "is against", "were incensed that")', () => {
  assert.deepEqual(only('Three council members voted against the stadium deal.'), ['indirect', 'the stadium deal', 'Three council members', 'voted against']);
  assert.deepEqual(only('The ad painted the mayor as a career lobbyist.'), ['indirect', 'the mayor as a career lobbyist', 'The ad', 'painted']);
  assert.deepEqual(only('The senator doubled down on her call for term limits.'), ['indirect', 'her call for term limits', 'The senator', 'doubled down on']);
  assert.deepEqual(only('The teachers union is against the merger.'), ['indirect', 'the merger', 'The teachers union', 'against']);
  assert.deepEqual(only('Parents were incensed that the board cut the bus routes.'), ['indirect', 'the board cut the bus routes', 'Parents', 'incensed']);
});

test('quotes_clauses: a cue inside an opening adverbial clause says nothing past the main clause it leads to', () => {
  assert.deepEqual(only('While aides insisted that the governor would not run, the party has begun to court his donors.').slice(1, 4), [
    'the governor would not run',
    'aides',
    'insisted',
  ]);
  // a dash pair inside the clause is passed over; the clause ends before the main clause's subject
  const found = quotes('When the mayor noted that the city had paid nothing -- as was true for years -- the council voted against him.');
  assert.deepEqual(found.map((q) => [q.text, q.cue.text]), [
    ['the city had paid nothing -- as was true for years', 'noted'],
    ['him', 'voted against'],
  ]);
});

test('quotes_clauses: a bare verb after "and" that follows a bare verb of the content goes on with it', () => {
  assert.deepEqual(only('The senator called on the board to review the deal and consider other bids.').slice(1, 4), [
    'the board to review the deal and consider other bids',
    'The senator',
    'called on',
  ]);
});

test('quotes_clauses: a relative clause after the content whose own subject reports something ends the content', () => {
  const found = quotes('The minister denounced the treaty in a speech, which the network pointed to as proof of its independence.');
  assert.deepEqual(found.map((q) => [q.text, q.speaker?.text, q.cue.text]), [
    ['the treaty in a speech', 'The minister', 'denounced'],
    ['as proof of its independence', 'the network', 'pointed to'],
  ]);
  // a relative clause reporting nothing is part of the content
  assert.deepEqual(only('The mayor praised the new budget, which would raise taxes.').slice(1, 2), ['the new budget, which would raise taxes']);
});

test('quotes_clauses: a content before its cue is not cut at a cue inside it', () => {
  assert.deepEqual(only('Details aside, the proposals offer a real alternative, the professor said.').slice(1, 4), [
    'Details aside, the proposals offer a real alternative',
    'the professor',
    'said',
  ]);
});

test('quotes_clauses: "…, X said" takes the unattributed sentences of its paragraph before it', () => {
  const whole = only('The company plants trees. The trees soak up carbon dioxide. An acre can store 150 tons of carbon, the founder said.');
  assert.deepEqual(whole.slice(1, 4), ['The company plants trees. The trees soak up carbon dioxide. An acre can store 150 tons of carbon', 'the founder', 'said']);
  // a sentence with an attribution of its own stops it
  const found = quotes('The company plants trees. Critics say the trees burn. An acre can store 150 tons of carbon, the founder said.');
  assert.deepEqual(found.map((q) => q.text), ['the trees burn', 'An acre can store 150 tons of carbon']);
});

test('quotes_attribution: "this", "last", "next" after the cue are a time adverbial only before a time word', () => {
  assert.deepEqual(only('I understood this because we were victims too.').slice(1, 2), ['this because we were victims too']);
  assert.deepEqual(only('The mayor said this plan would fail.').slice(1, 2), ['this plan would fail']);
  assert.deepEqual(only('The mayor said last week that the plan would fail.').slice(1, 2), ['the plan would fail']);
  // "last summer" is passed over (the tagger reads this "that" as a pronoun, so it stays)
  assert.match(only('The company signaled last summer that it would sell the mine.')[1], /^(that )?it would sell the mine$/);
});

test('quotes_clauses: "and" before a count ("and 1 percent support …") opens a clause of its own', () => {
  const found = quotes("Among likely voters, 5 percent prefer Brown and 1 percent support the Green Party's Jill Stein.");
  assert.deepEqual(found.map((q) => [q.text, q.speaker?.text]), [
    ['Brown', '5 percent'],
    ["the Green Party's Jill Stein", '1 percent'],
  ]);
});

test('quotes_attribution: "called" with a name and then more ("called Oz a quack") is a verb, a bare name after a noun ("a stream called Miracle Run") names', () => {
  assert.deepEqual(only('One of the doctors called Lane a fraud.').slice(1, 4), ['Lane a fraud', 'One of the doctors', 'called']);
  assert.deepEqual(quotes('They fished in a stream called Miracle Run, which flows north.'), []);
});

test('quotes_raising: a relative pronoun is the subject of a raising verb ("…, which seems to be …")', () => {
  const [q] = quotes('The town held a vote on the levy, which seems to be a divisive question.');
  assert.equal(q.speaker, null);
  assert.deepEqual(q.parts?.map((p) => p.text), ['which', 'to be a divisive question']);
});

test('quotes_clauses: "as X said" with nothing after the cue attributes the clause it is attached to', () => {
  assert.deepEqual(only('As the mayor put it, the budget is a promise to the city.').slice(1, 4), ['the budget is a promise to the city', 'the mayor', 'put it']);
  assert.deepEqual(only('The levy is a fair price for clean water, as one of the council members noted.').slice(1, 4), [
    'The levy is a fair price for clean water',
    'one of the council members',
    'noted',
  ]);
  const [q] = quotes('The harbor, as the pilots pointed out, has not frozen in a decade.');
  assert.deepEqual([q.parts?.map((p) => p.text), q.speaker?.text], [['The harbor', 'has not frozen in a decade'], 'the pilots']);
  // "as" of time, not set off by a comma, and "put it" outside an as-clause attribute nothing
  assert.deepEqual(quotes('The crowd cheered as the mayor spoke.'), []);
  assert.deepEqual(quotes('She put it on the table and left.'), []);
});

test('quotes_attribution: a cue the tagger took for a noun is the verb before a subject pronoun, a name after a plural subject, or after ", however,"', () => {
  assert.deepEqual(only('Court papers from the 2009 tax case show he was paid twice.').slice(1, 4), ['he was paid twice', 'Court papers from the 2009 tax case', 'show']);
  assert.deepEqual(only('Recent surveys show Smith with a narrow lead.').slice(1, 4), ['Smith with a narrow lead', 'Recent surveys', 'show']);
  assert.deepEqual(only('Some mayors, however, question the value of the plan.').slice(1, 4), ['the value of the plan', 'Some mayors', 'question']);
  // a noun after a singular noun stays a noun: "the talk show Smith hosts"
  assert.deepEqual(quotes('She watched the talk show Smith hosts.'), []);
});

test('quotes_attribution: a cue in -ed after a subject pronoun and before a noun is the verb ("He cited criticism"), after a possessive an adjective ("his announced plans")', () => {
  assert.deepEqual(only('He cited criticism of the referee.').slice(1, 4), ['criticism of the referee', 'He', 'cited']);
  assert.deepEqual(quotes('Their announced plans were shelved.'), []);
});

test('quotes_attribution: a reflexive object attributes before "as" or "and" ("portrayed himself as …"), not alone ("found themselves in …")', () => {
  assert.deepEqual(only('The senator has portrayed himself as a friend of farmers.').slice(1, 4), ['himself as a friend of farmers', 'The senator', 'portrayed']);
  assert.deepEqual(quotes('The villagers found themselves in a war zone.'), []);
});

test('quotes_attribution: "discovered that …" is a finding, "commented on" takes its object as what was said', () => {
  assert.deepEqual(only('Auditors have also discovered that the fund was empty.').slice(1, 4), ['the fund was empty', 'Auditors', 'discovered']);
  assert.deepEqual(only('The mayor has also commented on the shooting.').slice(1, 4), ['the shooting', 'The mayor', 'commented on']);
});

test('quotes_clauses: a clause with its own subject after ", but" ends an indirect content; a quotation keeps it', () => {
  assert.deepEqual(only('The governor is promising lower fares, but she has also raised tolls.').slice(1, 4), ['lower fares', 'The governor', 'promising']);
  assert.deepEqual(only('The mayor said: "We tried, but the council said no."')[1], 'We tried, but the council said no.');
});

test('quotes_direct: a speaker whose name was decoded in the wrong character set is named whole', () => {
  const text = '“We will not sign this deal,” Finance Minister Fran\u0041\u0303\u0083\u0041\u0302\u00a7ois Dupont said Tuesday as he arrived.';
  assert.deepEqual(only(text), ['direct', 'We will not sign this deal', 'Finance Minister Fran\u0041\u0303\u0083\u0041\u0302\u00a7ois Dupont', 'said']);
});

test('quotes_clauses: a content that is only an adverbial clause ("said Friday as she left", "When …, X said enough.") is none', () => {
  assert.deepEqual(quotes('The minister said Friday as she left the building.'), []);
  assert.deepEqual(quotes('When the council cut the budget last spring, the mayor said enough.'), []);
  // a main clause after it, or a question after the cue, is what was said
  assert.deepEqual(only('If the plan fails, the mayor said, there are other options.').slice(2), ['the mayor', 'said']);
  assert.deepEqual(only('The mayor asked if the budget would pass.'), ['indirect', 'if the budget would pass', 'The mayor', 'asked']);
  assert.deepEqual(only('The mayor said that as the budget shrank, the schools suffered.'), ['indirect', 'as the budget shrank, the schools suffered', 'The mayor', 'said']);
});

test('quotes_continuation: a stray straight mark cut off by a curly quotation in its paragraph opens no quotation', () => {
  const text = '“We are ready for the vote,” she said.\n\n"The crowd cheered as the band played “Hail to the Chief” twice.';
  assert.deepEqual(quotes(text).map((q) => q.text), ['We are ready for the vote']);
});

test('quotes_continuation: quotations without a cue after one another in a paragraph are one quotation of the previous speaker', () => {
  const text = '“We will win this district,” Ana Lopez said.\n\n“The count is close tonight.” “The margin will grow by morning.”';
  const found = quotes(text);
  assert.equal(found.length, 2);
  found.forEach((q) => assertOffsets(text, q));
  assert.equal(found[1].speaker?.text, 'Ana Lopez');
  assert.deepEqual(found[1].parts?.map((p) => p.text), ['The count is close tonight.', 'The margin will grow by morning.']);
});

test('quotes_labels: a cue inside a labelled paragraph ("MORALES: … the report shows …") is part of the label speaker\'s words', () => {
  const text = 'Partial transcript:\n\nMORALES: Well, the new report shows that wages fell last year, and we intend to fix that.\n\nHOST: Thank you, Senator.';
  const found = quotes(text);
  assert.deepEqual(found.map((q) => [q.speaker?.text, q.cue.text]), [['MORALES', ':'], ['HOST', ':']]);
  assert.equal(found[0].text, 'Well, the new report shows that wages fell last year, and we intend to fix that');
});

test('quotes_attribution: a participle after "such" or a possessive modifies a noun; after a subject pronoun it is the verb', () => {
  assert.deepEqual(quotes('The senator has been endorsed by such expected backers as the teachers\' union.').map((q) => q.cue.text), []);
  assert.deepEqual(only('They criticized reporters for the story.'), ['indirect', 'reporters for the story', 'They', 'criticized']);
});

test('quotes_infinitive: speech or stance after "to" and a noun of means ("a way to report …") is what the means is for, no attribution', () => {
  assert.deepEqual(quotes('The board needs a better way to report its spending to voters.'), []);
  assert.deepEqual(quotes('The agency has two ways to seek payment from the firm.'), []);
  assert.deepEqual(only('The mayor spoke at a meeting of residents to discuss the budget.'), ['indirect', 'the budget', 'The mayor', 'discuss']);
});

test('quotes_labels: a title with a preposition other than "of" before its colon is a heading, not a speaker', () => {
  assert.deepEqual(quotes('Stealth Over Health: Senator Was Rushed To The Hospital\n\nThe senator left early.'), []);
  assert.deepEqual(only('Bank Of America: Profits Will Rise Next Year\n\nThe bank gave no figures.').slice(2), ['Bank Of America', ':']);
});

test('quotes_attribution: speech in the passive with its speaker after "by" and nothing said after is about its subject', () => {
  assert.deepEqual(only('The remarks were echoed by several senators I spoke to.'), ['indirect', 'The remarks', 'several senators', 'echoed']);
  // a clause after the speaker is what was said, and the one spoken to is no content
  assert.deepEqual(only('He was told by aides that the vote failed.'), ['indirect', 'the vote failed', 'aides', 'told']);
  assert.deepEqual(only('He was asked by reporters whether he would run.'), ['indirect', 'whether he would run', 'reporters', 'asked']);
});

test('quotes_attribution: "before", "after", "since", "until" with a clause after the cue open no adjunct to step over', () => {
  assert.deepEqual(quotes('The aides were appointed before she formally came to lead the office.'), []);
  assert.deepEqual(only('She said after the meeting that the talks failed.'), ['indirect', 'the talks failed', 'She', 'said']);
});

test('quotes_attribution: "add" with a noun phrase and no clause ("would add billions") reports nothing', () => {
  assert.deepEqual(quotes('The new tariff would add billions of dollars to the deficit.'), []);
  assert.deepEqual(only('Smith added that the vote was close.'), ['indirect', 'the vote was close', 'Smith', 'added']);
});

test('quotes_attribution: a yes/no question to the reader may open with a condition ("If …, would you …?")', () => {
  assert.deepEqual(quotes('If the mayor resigned, would you still support the plan?'), []);
  assert.deepEqual(quotes('If the mayor were a woman would you still vote for him?'), []);
});

test('quotes_attribution: "according to state media" names the source whole, and "state" in it is no cue', () => {
  assert.deepEqual(only('The ministry rejected the charges on Wednesday, according to state media.').slice(1, 4), [
    'The ministry rejected the charges on Wednesday',
    'state media',
    'according to',
  ]);
});

test('quotes_speakers: the dateline is no part of the speaker; "a senior official" is someone new, not the last official named', async () => {
  const coder = await createCoder({ stages: [quotesStage] });
  const text = 'MOSCOW, Sept 12 (Dyad) - Russian President Vladimir Putin warned on Thursday that talks were over.\n\nUS President Joe Biden met allies in Berlin. According to a senior US official, no decision has been made. The official said talks would continue.';
  const found = coder.code({ id: 'q', text, date: '2024-09-12' }).quotes ?? [];
  assert.deepEqual(found.map((q) => [q.speaker?.text, q.speaker?.name ?? null, q.speaker?.code ?? null]), [
    ['Russian President Vladimir Putin', 'Vladimir Putin', 'RUSGOV'],
    ['a senior US official', null, 'USAGOV'],
    ['The official', null, 'USAGOV'],
  ]);
});
