import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { EventRecord } from '../model/index.ts';
import { analyze } from '../text/index.ts';
import { dateEvents, datelineEnd, findDates, nearest } from './index.ts';

/** Publication date of every test: Wednesday 11 February 2026. */
const PUB = 20260211;

function only(text: string, lean: 'past' | 'future' = 'past', pub: number | null = PUB) {
  const found = findDates(text, pub, lean);
  assert.equal(found.length, 1, `one date in "${text}", got ${JSON.stringify(found)}`);
  const [d] = found;
  assert.equal(text.slice(d.start, d.end), d.text);
  return { text: d.text, date: d.date, precision: d.precision };
}

test('dates_weekday: "on Tuesday" is the latest Tuesday on or before publication', () => {
  assert.deepEqual(only('Talks were held in Geneva on Tuesday.'), { text: 'Tuesday', date: '2026-02-10', precision: 'day' });
  assert.equal(only('The envoys spoke on Wednesday.').date, '2026-02-11'); // the publication day itself
  assert.equal(only('The army fired on Thursday.').date, '2026-02-05'); // never after publication
  assert.equal(only('Sunday night rebels shelled the port.').date, '2026-02-08');
});

test('dates_weekday: "last Wednesday" is strictly before; a future event leans forward', () => {
  assert.equal(only('They met last Wednesday.').date, '2026-02-04');
  assert.equal(only('They will meet on Friday.', 'future').date, '2026-02-13');
  assert.equal(only('They will meet next Tuesday.').date, '2026-02-17');
});

test('dates_month_day: "on October 13" is the nearest past October 13', () => {
  assert.deepEqual(only('Troops crossed the border on October 13.'), { text: 'October 13', date: '2025-10-13', precision: 'day' });
  assert.equal(only('The vote was held on Feb. 9.').date, '2026-02-09'); // earlier this year
  assert.equal(only('The vote was held on February 20.').date, '2025-02-20'); // later this year: last year's
  assert.equal(only('The vote will be held on February 20.', 'future').date, '2026-02-20');
  assert.equal(only('On Monday, Oct. 13, the army fired.').date, '2025-10-13');
});

test('dates_relative: yesterday, last week, last month, last year, N days ago', () => {
  assert.deepEqual(only('Yesterday police arrested twenty protesters.'), { text: 'Yesterday', date: '2026-02-10', precision: 'day' });
  assert.equal(only('Last night rebels shelled the town.').date, '2026-02-10');
  // a week, month or year is dated by its first day, with its precision
  assert.deepEqual(only('Last week the army shelled the port.'), { text: 'Last week', date: '2026-02-02', precision: 'week' });
  assert.deepEqual(only('Earlier this week the envoys met.'), { text: 'this week', date: '2026-02-09', precision: 'week' });
  assert.deepEqual(only('The envoys met last month.'), { text: 'last month', date: '2026-01-01', precision: 'month' });
  assert.deepEqual(only('The envoys met last year.'), { text: 'last year', date: '2025-01-01', precision: 'year' });
  assert.deepEqual(only('Two days ago rebels attacked.'), { text: 'Two days ago', date: '2026-02-09', precision: 'day' });
});

test('dates_year_month: "in 2014", "in March", "March 2011", full dates', () => {
  assert.deepEqual(only('Russia annexed Crimea in 2014.'), { text: '2014', date: '2014-01-01', precision: 'year' });
  assert.deepEqual(only('The war began during early 2019.'), { text: 'early 2019', date: '2019-01-01', precision: 'year' });
  assert.deepEqual(only('Elections were held in May.'), { text: 'May', date: '2025-05-01', precision: 'month' });
  assert.deepEqual(only('Elections were held in January.'), { text: 'January', date: '2026-01-01', precision: 'month' });
  assert.deepEqual(only('The uprising began in March 2011.'), { text: 'March 2011', date: '2011-03-01', precision: 'month' });
  assert.deepEqual(only('The talks on 3 March 2025 failed.'), { text: '3 March 2025', date: '2025-03-03', precision: 'day' });
});

test('dates_not_dates: words and names that are no event date', () => {
  for (const text of [
    'Protesters march on the capital.',
    'May said she would resign.',
    'The Sept. 11 attacks changed everything.',
    'The 2014 annexation was condemned.',
    'Russia now controls the port.',
    'At 10 am troops opened fire.',
    'A 3/5 majority approved the plan.',
  ]) {
    assert.deepEqual(findDates(text, PUB), [], text);
  }
});

test('dates_counted: "a day after", "a week before", "two days later" count from the date before them in the sentence, never from publication', () => {
  const dates = (text: string) => findDates(text, PUB).map((d) => [d.text, d.date]);
  assert.deepEqual(dates('Envoys met on Tuesday, a day after air strikes hit the port.'), [['Tuesday', '2026-02-10'], ['a day after', '2026-02-09']]);
  assert.deepEqual(dates('The vote was held on February 3, a week before the deadline.'), [['February 3', '2026-02-03'], ['a week before', '2026-02-10']]);
  assert.deepEqual(dates('Troops entered the town on Friday and withdrew two days later.'), [['Friday', '2026-02-06'], ['two days later', '2026-02-08']]);
  // nothing to count from: no date at all (not the day after publication)
  assert.deepEqual(dates('Rebels attacked a day after the vote.'), []);
});

test('dates_no_publication_date: only dates that name their year', () => {
  assert.deepEqual(findDates('Talks were held on Tuesday, a day after the vote.', null), []);
  assert.equal(findDates('The talks on 3 March 2025 failed.', null)[0].date, '2025-03-03');
  assert.equal(findDates('Russia annexed Crimea in 2014.', null)[0].date, '2014-01-01');
});

test('dates_nearest: the expression closest to the verb', () => {
  const text = 'On Monday the army said it had attacked the town on Saturday.';
  const mentions = findDates(text, PUB);
  assert.deepEqual(mentions.map((m) => m.text), ['Monday', 'Saturday']);
  const verb = (w: string) => ({ start: text.indexOf(w), end: text.indexOf(w) + w.length });
  assert.equal(nearest(mentions, verb('said'))!.text, 'Monday');
  assert.equal(nearest(mentions, verb('attacked'))!.text, 'Saturday');
});

function event(sentence: number, verb: { text: string; start: number }, modality: EventRecord['modality'] = 'asserted'): EventRecord {
  const span = { text: 'X', start: 0, end: 1 };
  return {
    sentence,
    source: { ...span, code: 'RUS' },
    target: { ...span, code: 'UKR' },
    code: '190',
    root: '19',
    quadClass: 4,
    goldstein: -10,
    verb: { ...verb, end: verb.start + verb.text.length },
    negated: false,
    modality,
  };
}

test('dates_events: a sentence without a date gives the publication date; no publication date, no date', () => {
  const sentences = [
    { start: 0, text: 'Troops attacked on Tuesday.' },
    { start: 28, text: 'Troops attacked again.' },
  ];
  const events = [event(0, { text: 'attacked', start: 7 }), event(1, { text: 'attacked', start: 35 })];
  dateEvents(events, sentences, PUB);
  assert.equal(events[0].date, '2026-02-10');
  assert.equal(events[0].dateSource, 'text');
  assert.deepEqual(events[0].dateText, { text: 'Tuesday', start: 19, end: 26 });
  assert.equal(events[1].date, '2026-02-11');
  assert.equal(events[1].dateSource, 'published');
  assert.equal(events[1].dateText, undefined);

  const undated = [event(1, { text: 'attacked', start: 35 })];
  dateEvents(undated, sentences, null);
  assert.equal(undated[0].date, undefined);
  assert.equal(undated[0].dateSource, undefined);
});

test('dates_events: the dateline\'s date is the publication date; the event takes the date its sentence gives', () => {
  const text = 'MOSUL, Iraq, Feb 11 (Dyad) - Militants attacked a checkpoint on Monday.';
  const [e] = [event(0, { text: 'attacked', start: text.indexOf('attacked') })];
  dateEvents([e], [{ start: 0, text }], PUB, datelineEnd(analyze(text)));
  assert.equal(e.date, '2026-02-09');
  assert.equal(e.dateText?.text, 'Monday');
  // alone, the dateline dates nothing: the event has the publication date
  const alone = 'MOSUL, Feb 9 (Dyad) - Militants attacked a checkpoint.';
  const [f] = [event(0, { text: 'attacked', start: alone.indexOf('attacked') })];
  dateEvents([f], [{ start: 0, text: alone }], PUB, datelineEnd(analyze(alone)));
  assert.deepEqual([f.date, f.dateSource], ['2026-02-11', 'published']);
});

test('dates_article: every event of a test article of ours', async () => {
  const { createCoder } = await import('../events/index.ts');
  const text = readFileSync(new URL('../../test/fixtures/dates/talks.txt', import.meta.url), 'utf8');
  const coder = await createCoder();
  const article = coder.code({ id: 'talks', text, date: '2026-02-11' });
  // sentence → [date, dateSource, dateText] of every event coded in it
  const expected: Record<number, [string, string, string | undefined]> = {
    0: ['2026-02-10', 'text', 'Tuesday'], // met … on Tuesday
    1: ['2026-02-02', 'text', 'last week'], // accused … of shelling … last week
    3: ['2025-10-13', 'text', 'October 13'], // On October 13 … attacked
    4: ['2026-02-10', 'text', 'Yesterday'], // Yesterday … criticized
    5: ['2026-02-13', 'text', 'Friday'], // will meet … on Friday: forward
    7: ['2014-01-01', 'text', '2014'], // attacked … in 2014
    9: ['2026-02-11', 'published', undefined], // no date in the sentence
  };
  for (const [sentence, want] of Object.entries(expected)) {
    const events = article.events.filter((e) => e.sentence === Number(sentence));
    assert.ok(events.length > 0, `an event in sentence ${sentence}`);
    for (const e of events) assert.deepEqual([e.date, e.dateSource, e.dateText?.text], want, `sentence ${sentence}`);
  }
  // "Yesterday Russia criticized Ukraine" and "Russia also criticized Ukraine yesterday": one event, two mentions
  const criticism = article.events.find((e) => e.code === '111' && e.source.code === 'RUS');
  assert.ok(criticism);
  assert.equal(criticism.mentions, 2);
  assert.deepEqual(criticism.evidence!.map((m) => m.sentence), [4, 8]);
});
