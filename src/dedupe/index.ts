/**
 * Repeated mentions: news repeats itself ("Russia attacked Ukraine… The attack
 * on Ukraine by Russia…"). Within one article, events with the same source,
 * target, CAMEO code, date and modality collapse into the first one, which
 * keeps every mention's evidence and their count in `mentions`.
 */
import type { EventRecord } from '../model/index.ts';
import type { Stage } from '../pipeline/index.ts';

type Evidence = NonNullable<EventRecord['evidence']>[number];

/** What makes two events the same event. Modality is part of it: a denied attack is not an attack. */
export function eventKey(e: EventRecord): string {
  return [e.source.code, e.target?.code ?? '', e.code, e.date ?? '', e.modality ?? (e.negated ? 'negated' : '')].join('\u0000');
}

function evidenceOf(e: EventRecord): Evidence {
  const span = (s: { text: string; start: number; end: number }) => ({ text: s.text, start: s.start, end: s.end });
  return { sentence: e.sentence, verb: span(e.verb), source: span(e.source), target: e.target ? span(e.target) : null };
}

/**
 * Collapse repeated events, keeping the first of each in text order. Every
 * returned event gets `mentions`; `evidence` lists all mentions, the event's own
 * first, when there is more than one. Input events are not modified.
 */
export function collapseRepeats(events: readonly EventRecord[]): EventRecord[] {
  const firsts = new Map<string, EventRecord>();
  const out: EventRecord[] = [];
  for (const e of events) {
    const key = eventKey(e);
    const first = firsts.get(key);
    if (!first) {
      const copy: EventRecord = { ...e, mentions: 1 };
      delete copy.evidence;
      firsts.set(key, copy);
      out.push(copy);
      continue;
    }
    first.mentions = (first.mentions ?? 1) + 1;
    first.evidence ??= [evidenceOf(first)];
    first.evidence.push(evidenceOf(e));
  }
  return out;
}

export const dedupeStage: Stage = {
  name: 'dedupe',
  assigns: ['events', 'events.mentions', 'events.evidence'],
  run(ctx) {
    ctx.article.events = collapseRepeats(ctx.article.events);
  },
};
