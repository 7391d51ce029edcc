/** One article: its text with actors, verbs and quotes marked; click an event to light up its evidence. */
import { useEffect, useState } from 'preact/hooks';
import { get, safeHref, type ArticleView, type QuoteRecord } from '../api.ts';
import type { Route } from '../router.ts';
import { ArticleText } from '../text.tsx';
import { Actor, Status, useLoad } from '../util.tsx';

export function Article({ route }: { route: Route }) {
  const id = route.arg ?? '';
  const loaded = useLoad(() => get<ArticleView>(`articles/${encodeURIComponent(id)}`), id);
  const [eventIndex, setEventIndex] = useState<number | null>(() => (route.params.get('event') !== null ? Number(route.params.get('event')) : null));
  const [quote, setQuote] = useState<QuoteRecord | null>(null);
  useEffect(() => {
    document.querySelector('.article-text .hl')?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
  }, [eventIndex, quote]);
  if (loaded.state !== 'ok') return <Status loaded={loaded} />;
  const a = loaded.data;
  const event = eventIndex === null ? null : (a.events.find((e) => e.index === eventIndex) ?? null);
  const link = safeHref(a.url);
  return (
    <section class="article">
      <h1>{a.title || a.text.trimStart().split('\n', 1)[0].slice(0, 120) || a.id}</h1>
      <p class="muted">
        {a.date ?? 'undated'} · {a.publisher}
        {link ? (
          <>
            {' · '}
            <a href={link} rel="noopener noreferrer nofollow" target="_blank">source</a>
          </>
        ) : a.url ? (
          <> · {a.url}</>
        ) : null}
        {a.numArticles > 1 && <> · {a.numArticles} copies from {a.numSources} sources</>}
      </p>
      {a.duplicateOf && <p>A near-copy of <a href={`#/article/${encodeURIComponent(a.duplicateOf)}`}>{a.duplicateOf}</a>; not coded itself.</p>}
      <div class="article-layout">
        <ArticleText text={a.text} sentences={a.sentences} events={a.events} quotes={a.quotes} entities={a.entities} selection={{ event, quote }} />
        <aside>
          <h2>Events ({a.events.length})</h2>
          <p class="legend">
            <span class="actor">actor</span> <span class="verb">verb</span> <span class="quote">quote</span> <span class="ent">entity</span>
          </p>
          <ol class="events" data-testid="event-list">
            {a.events.map((e) => (
              <li key={e.index}>
                <button
                  type="button"
                  class={eventIndex === e.index ? 'event selected' : 'event'}
                  aria-pressed={eventIndex === e.index}
                  onClick={() => {
                    setQuote(null);
                    setEventIndex(eventIndex === e.index ? null : e.index);
                  }}
                >
                  <span class="code">{e.source.code}</span> → <span class="code">{e.target?.code ?? '–'}</span> <b>{e.code}</b> “{e.verb.text}”
                  {!e.counted && <em class="muted"> ({e.modality ?? 'negated'})</em>}
                </button>
              </li>
            ))}
          </ol>
          {event && (
            <div class="evidence" data-testid="evidence">
              <div>Source: <Actor code={event.source.code} /> “{event.source.text}”{event.source.refersTo && <span class="muted"> = “{event.source.refersTo.text}”</span>}</div>
              <div>Target: <Actor code={event.target?.code} /> {event.target && `“${event.target.text}”`}{event.target?.refersTo && <span class="muted"> = “{event.target.refersTo.text}”</span>}</div>
              <div>CAMEO {event.code} (root {event.root}), QuadClass {event.quadClass}, Goldstein {event.goldstein}</div>
              {event.negationOf && <div class="muted">Negated verb coded {event.negationOf}, recoded by the dictionaries' negation ontology</div>}
              {event.date && <div>Date {event.date}{event.dateText ? ` (“${event.dateText.text}”)` : ''}</div>}
              {event.pattern && <div class="muted">Rule {event.pattern.file}:{event.pattern.line}</div>}
            </div>
          )}
          <h2>Quotes ({a.quotes.length})</h2>
          <ul class="quotes" data-testid="quote-list">
            {a.quotes.map((q, i) => (
              <li key={i}>
                <button type="button" class={quote === q ? 'event selected' : 'event'} aria-pressed={quote === q} onClick={() => { setEventIndex(null); setQuote(quote === q ? null : q); }}>
                  <b>{q.speaker ? (q.speaker.name ?? q.speaker.text) : 'unattributed'}</b>
                  {q.speaker?.code && <span class="code"> {q.speaker.code}</span>}: “{q.text}”
                </button>
              </li>
            ))}
          </ul>
        </aside>
      </div>
    </section>
  );
}
