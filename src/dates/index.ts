/**
 * Event dates. chrono-node finds the date expressions of a sentence; the rules
 * here decide what they mean for a news event, which is almost always in the
 * past of the article that reports it: "on Tuesday" is the latest Tuesday on
 * or before publication, "on October 13" the latest October 13, "last week"
 * the week before. A future event ("will meet on Friday") leans forward instead.
 * An event takes the date expression of its sentence nearest its verb, or else
 * the publication date. Rules and examples: docs/output-schema.md.
 */
import * as chrono from 'chrono-node';
import type { DatePrecision, EventRecord } from '../model/index.ts';
import type { Stage } from '../pipeline/index.ts';
import { findDateline, getGazetteer } from '../places/index.ts';
import type { Doc } from '../text/index.ts';

export type { DatePrecision } from '../model/index.ts';

/** Which way an expression without a year (or week) is read. */
export type Lean = 'past' | 'future';

/** A date expression found in a text, with the date it stands for. */
export interface DateMention {
  text: string;
  /** Offsets into the text that was searched. */
  start: number;
  end: number;
  /** YYYY-MM-DD: the day, or the first day of the week (Monday), month or year. */
  date: string;
  precision: DatePrecision;
}

// ---- calendar arithmetic on UTC dates

const DAY = 86_400_000;

function utc(y: number, m: number, d: number): Date | null {
  const t = new Date(Date.UTC(y, m - 1, d, 12));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d ? t : null;
}

function iso(t: Date): string {
  return t.toISOString().slice(0, 10);
}

function addDays(t: Date, n: number): Date {
  return new Date(t.getTime() + n * DAY);
}

/** Monday of the ISO week holding `t`. */
function monday(t: Date): Date {
  return addDays(t, -((t.getUTCDay() + 6) % 7));
}

/** The start of the week, month or year holding `t` (the day itself for day precision). */
function periodStart(t: Date, precision: DatePrecision): Date {
  switch (precision) {
    case 'day':
      return t;
    case 'week':
      return monday(t);
    case 'month':
      return utc(t.getUTCFullYear(), t.getUTCMonth() + 1, 1)!;
    case 'year':
      return utc(t.getUTCFullYear(), 1, 1)!;
  }
}

/** YYYYMMDD → a UTC date at noon. */
function fromNumber(n: number): Date | null {
  return utc(Math.floor(n / 10000), Math.floor(n / 100) % 100, n % 100);
}

// ---- the rules

const RELATIVE_PERIOD = /\b(this|last|next|past|previous|coming)\s+(week|month|year)\b/i;
const PERIOD_OFFSET: Record<string, number> = { this: 0, last: -1, past: -1, previous: -1, next: 1, coming: 1 };
/** A month name alone is a date only after one of these ("in May", not "Theresa May said"). */
const MONTH_ONLY_BEFORE = /(?:\b(?:in|since|during|until|till|by|early|late|of|from|through|before|after|end|last|this|next)\s+|\bmid-)$/i;
const MONTH_START = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?=\s|$|\d)/i;
/** "in 2014", "during early 2014": chrono does not read a bare year. */
const YEAR = /\b(?:in|during)\s+((?:(?:early|late|mid)[\s-]+)?((?:1[89]|20)\d{2}))\b(?![-/.]?\d)/gi;

function resolveWeekday(weekday: number, pub: Date, mode: 'before' | 'on-or-before' | 'on-or-after' | 'after'): Date {
  const diff = (weekday - pub.getUTCDay() + 7) % 7; // days forward to the next such weekday (0: today)
  switch (mode) {
    case 'on-or-after':
      return addDays(pub, diff);
    case 'after':
      return addDays(pub, diff || 7);
    case 'on-or-before':
      return addDays(pub, -((7 - diff) % 7));
    case 'before':
      return addDays(pub, -(7 - diff) || -7);
  }
}

/** A month and day with no year: the latest such day on or before `pub` (past) or the first on or after it. */
function resolveMonthDay(month: number, day: number, pub: Date, lean: Lean): Date | null {
  const step = lean === 'past' ? -1 : 1;
  for (let y = pub.getUTCFullYear(), tries = 0; tries < 9; tries++, y += step) {
    const t = utc(y, month, day);
    if (!t) continue; // 29 February
    if (lean === 'past' ? t.getTime() <= pub.getTime() : t.getTime() >= pub.getTime()) return t;
  }
  return null;
}

interface Resolved {
  date: Date;
  precision: DatePrecision;
}

/** What one chrono result means, or null when it is no date of an event (a clock time, a stray word). */
function resolve(r: chrono.ParsedResult, before: string, pub: Date | null, lean: Lean): Resolved | null {
  const c = r.start;
  const has = (k: chrono.Component) => c.isCertain(k);
  const tags = r.tags();
  const text = r.text.trim();
  if (tags.has('parser/SlashDateFormatParser') && !has('year')) return null; // "a 3/5 majority"
  if (MONTH_START.test(text) && /\b(?:the|a|an)\s+$/i.test(before)) return null; // "the Sept. 11 attacks"
  const chronoDay = () => utc(c.get('year')!, c.get('month')!, c.get('day')!);
  const casual = [...tags].some((t) => t.startsWith('casualReference/') || t.startsWith('parser/ENCasual'));
  const relative = casual || tags.has('result/relativeDate');
  // an absolute date names its year in digits ("3 March 2025", "March 2011", "2026-02-10")
  const absolute = has('year') && has('month') && /\d{4}/.test(text) && !relative;

  if (absolute && has('day')) {
    const t = chronoDay();
    return t && { date: t, precision: 'day' };
  }
  if (absolute) {
    return { date: utc(c.get('year')!, c.get('month')!, 1)!, precision: 'month' };
  }
  if (!pub) return null; // everything below is relative to the publication date

  const period = RELATIVE_PERIOD.exec(text);
  if (period) {
    const offset = PERIOD_OFFSET[period[1].toLowerCase()];
    const unit = period[2].toLowerCase();
    if (unit === 'week') return { date: monday(addDays(pub, 7 * offset)), precision: 'week' };
    // Date.UTC carries a month of -1 or 12 into the neighbouring year
    if (unit === 'month') return { date: new Date(Date.UTC(pub.getUTCFullYear(), pub.getUTCMonth() + offset, 1, 12)), precision: 'month' };
    return { date: utc(pub.getUTCFullYear() + offset, 1, 1)!, precision: 'year' };
  }
  if (has('weekday') && !has('day') && !has('month')) {
    // "on Tuesday", "last Tuesday", "Sunday night", "over the weekend"
    const wd = c.get('weekday')!;
    const word = /^(last|next|this)\b/i.exec(text)?.[1].toLowerCase();
    const mode = word === 'last' ? 'before' : word === 'next' ? 'after' : lean === 'past' ? 'on-or-before' : 'on-or-after';
    return { date: resolveWeekday(wd, pub, mode), precision: 'day' };
  }
  if (tags.has('casualReference/now')) return null; // "Russia now controls…": no date of its own
  // "a day after the strikes", "two weeks later": counted from another event, not from publication
  // (findDates dates them from an earlier date of the same sentence, if there is one)
  if (COUNTED.test(text)) return null;
  if (relative) {
    // "yesterday", "last night", "two days ago", "three years ago"
    const t = chronoDay();
    if (!t) return null;
    const precision: DatePrecision = /\byears?\b/i.test(text) ? 'year' : /\bmonths?\b/i.test(text) ? 'month' : /\bweeks?\b/i.test(text) ? 'week' : 'day';
    return { date: periodStart(t, precision), precision };
  }
  if (has('month') && has('day')) {
    const t = resolveMonthDay(c.get('month')!, c.get('day')!, pub, lean);
    return t && { date: t, precision: 'day' };
  }
  if (has('month')) {
    if (!/^[A-Z]/.test(text) || !MONTH_ONLY_BEFORE.test(before)) return null; // "protesters march", "May said"
    const month = c.get('month')!;
    const pm = pub.getUTCMonth() + 1;
    let y = pub.getUTCFullYear();
    if (lean === 'past' && month > pm) y--;
    if (lean === 'future' && month < pm) y++;
    return { date: utc(y, month, 1)!, precision: 'month' };
  }
  return null; // a clock time alone ("at 10 am")
}

/** Leading prepositions and trailing punctuation are not part of the expression. */
function trimSpan(text: string, start: number): { text: string; start: number; end: number } {
  const lead = /^(?:(?:on|at|in|during)\s+)?/i.exec(text)![0].length;
  const body = text.slice(lead).replace(/[\s,;:]+$/, '');
  return { text: body, start: start + lead, end: start + lead + body.length };
}

/**
 * The date expressions in `text` that can date an event, resolved against the
 * publication date (YYYYMMDD). With no publication date only absolute dates
 * (with a year) are returned. `lean` reads expressions without a year or week
 * ("on Friday", "on October 13") as past (default) or future.
 */
const MAY_HOLD_DATE = /\d|\b(mon|tues|wednes|thurs|fri|satur|sun)day|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|\b(yesterday|today|tonight|tomorrow|week|month|year|ago|weekend|decade|century|morning|evening|afternoon|night|spring|summer|autumn|fall|winter|christmas|easter|ramadan)\b/i;

/** A span of time counted from another event: "a day after", "two weeks before", "three days later". */
const COUNTED = /\b(after|before|later|earlier)$/i;

/**
 * "met on Monday, a day after air strikes killed 12": the strikes are a day before Monday. A counted
 * span dates what it introduces from the date before it in the sentence: "after"/"before" an event
 * put that event before/after the anchor, "later"/"earlier" put what follows after/before it.
 */
function countedFrom(r: chrono.ParsedResult, anchor: DateMention, pub: Date): DateMention['date'] | null {
  const c = r.start;
  const counted = utc(c.get('year')!, c.get('month')!, c.get('day')!);
  const [y, m, d] = anchor.date.split('-').map(Number);
  const from = utc(y, m, d);
  if (!counted || !from || anchor.precision !== 'day') return null;
  const offset = Math.round((counted.getTime() - pub.getTime()) / DAY);
  const sign = /(later|earlier)$/i.test(r.text.trim()) ? 1 : -1;
  return iso(addDays(from, sign * offset));
}

export function findDates(text: string, published: number | null, lean: Lean = 'past'): DateMention[] {
  const pub = published === null ? null : fromNumber(published);
  // without a publication date chrono still needs a reference; only absolute dates survive `resolve`
  const ref = { instant: pub ?? new Date(Date.UTC(2000, 0, 1, 12)), timezone: 0 };
  const out: DateMention[] = [];
  // chrono is the slow part of the pipeline; most sentences name no date at all
  if (!MAY_HOLD_DATE.test(text)) return out;
  for (const r of chrono.parse(text, ref)) {
    if (pub && COUNTED.test(r.text.trim()) && r.tags().has('result/relativeDate')) {
      const anchor = out.at(-1);
      const date = anchor ? countedFrom(r, anchor, pub) : null;
      if (date) out.push({ ...trimSpan(r.text, r.index), date, precision: 'day' });
      continue;
    }
    const resolved = resolve(r, text.slice(0, r.index), pub, lean);
    if (!resolved) continue;
    const span = trimSpan(r.text, r.index);
    out.push({ ...span, date: iso(resolved.date), precision: resolved.precision });
  }
  for (const m of text.matchAll(YEAR)) {
    const start = m.index! + m[0].indexOf(m[1]);
    const end = start + m[1].length;
    if (out.some((d) => d.start < end && start < d.end)) continue; // "in March 2014" is chrono's
    out.push({ text: m[1], start, end, date: `${m[2]}-01-01`, precision: 'year' });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The mention nearest the verb span (by characters between them), or null. */
export function nearest(mentions: readonly DateMention[], verb: { start: number; end: number }): DateMention | null {
  let best: DateMention | null = null;
  let bestGap = Infinity;
  for (const m of mentions) {
    const gap = m.end <= verb.start ? verb.start - m.end : m.start >= verb.end ? m.start - verb.end : 0;
    if (gap < bestGap) [best, bestGap] = [m, gap];
  }
  return best;
}

/** Date one article's events in place: the sentence's nearest date expression, else the publication date. */
export function dateEvents(
  events: EventRecord[],
  sentences: ReadonlyArray<{ start: number; text: string }>,
  published: number | null,
  datelineEnd = 0,
): void {
  const pub = published === null ? null : fromNumber(published);
  const cache = new Map<string, DateMention[]>();
  for (const e of events) {
    const lean: Lean = e.modality === 'future' ? 'future' : 'past';
    const key = `${e.sentence}:${lean}`;
    let mentions = cache.get(key);
    if (!mentions) {
      const s = sentences[e.sentence];
      const found = s ? findDates(s.text, published, lean).map((m) => ({ ...m, start: m.start + s.start, end: m.end + s.start })) : [];
      // "KHARKIV, Nov 20 (Reuters) - … on Tuesday": the dateline's date is the publication date, not the event's
      mentions = pub ? found.filter((m) => m.end > datelineEnd) : found;
      cache.set(key, mentions);
    }
    const m = nearest(mentions, e.verb);
    if (m) {
      e.date = m.date;
      e.dateSource = 'text';
      e.dateText = { text: m.text, start: m.start, end: m.end };
      e.datePrecision = m.precision;
    } else if (pub) {
      e.date = iso(pub);
      e.dateSource = 'published';
      e.datePrecision = 'day';
    }
  }
}

export const datesStage: Stage = {
  name: 'dates',
  assigns: ['events.date', 'events.dateSource', 'events.dateText', 'events.datePrecision'],
  run(ctx) {
    dateEvents(ctx.article.events, ctx.article.sentences, ctx.published, datelineEnd(ctx.doc));
  },
};

/** Where the article's dateline ("KHARKIV, Nov 20 (Reuters) -") ends, as the places stage finds it: a character offset, 0 when there is none. */
export function datelineEnd(doc: Doc): number {
  const { skipTo } = findDateline(doc, getGazetteer());
  return skipTo > 0 ? doc.tokens[skipTo - 1].end : 0;
}
