/**
 * An article's text with its annotations as nested spans. The text is only
 * ever rendered as text nodes: never as HTML.
 */
import type { EntityMention, EventRecord, QuoteRecord, SentenceRecord } from './api.ts';

interface Mark {
  start: number;
  end: number;
  cls: string;
  title?: string;
}

export interface Selection {
  /** The selected event, highlighted with its sentence. */
  event?: EventRecord | null;
  quote?: QuoteRecord | null;
}

function marks(entities: EntityMention[], events: EventRecord[], quotes: QuoteRecord[], sentences: SentenceRecord[], sel: Selection): Mark[] {
  const out: Mark[] = [];
  for (const q of quotes) {
    const cls = sel.quote === q ? 'quote hl' : 'quote';
    for (const p of q.parts ?? [q]) out.push({ start: p.start, end: p.end, cls, title: q.speaker ? `quote: ${q.speaker.name ?? q.speaker.text}` : 'quote' });
  }
  for (const e of entities) out.push({ start: e.start, end: e.end, cls: 'ent', title: [e.type, e.code, e.name].filter(Boolean).join(' ') });
  for (const e of events) {
    out.push({ start: e.verb.start, end: e.verb.end, cls: 'verb', title: `${e.code} ${e.source.code} → ${e.target?.code ?? '–'}` });
    out.push({ start: e.source.start, end: e.source.end, cls: 'actor', title: e.source.code });
    if (e.target) out.push({ start: e.target.start, end: e.target.end, cls: 'actor', title: e.target.code });
  }
  const ev = sel.event;
  if (ev) {
    const s = sentences[ev.sentence];
    if (s) out.push({ start: s.start, end: s.end, cls: 'sel-sentence' });
    out.push({ start: ev.verb.start, end: ev.verb.end, cls: 'hl hl-verb' });
    out.push({ start: ev.source.start, end: ev.source.end, cls: 'hl hl-source' });
    if (ev.target) out.push({ start: ev.target.start, end: ev.target.end, cls: 'hl hl-target' });
  }
  return out.filter((m) => m.end > m.start);
}

export function ArticleText(props: {
  text: string;
  sentences: SentenceRecord[];
  events: EventRecord[];
  quotes: QuoteRecord[];
  entities: EntityMention[];
  selection: Selection;
}) {
  const { text } = props;
  const ms = marks(props.entities, props.events, props.quotes, props.sentences, props.selection);
  const cuts = new Set<number>([0, text.length]);
  for (const m of ms) {
    cuts.add(Math.max(0, Math.min(text.length, m.start)));
    cuts.add(Math.max(0, Math.min(text.length, m.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const on = ms.filter((m) => m.start <= a && m.end >= b);
    const chunk = text.slice(a, b);
    if (!on.length) {
      pieces.push(chunk);
      continue;
    }
    const cls = [...new Set(on.flatMap((m) => m.cls.split(' ')))].join(' ');
    const title = on.map((m) => m.title).filter(Boolean).join('; ');
    pieces.push(
      <span class={cls} title={title || undefined} data-start={a}>
        {chunk}
      </span>,
    );
  }
  return (
    <div class="article-text" data-testid="article-text">
      {pieces}
    </div>
  );
}
