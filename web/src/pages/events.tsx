/** The events table with the filters of `dyad events`, and download links. */
import { apiUrl, get, type EventRow, type Page } from '../api.ts';
import { href, navigate, type Route } from '../router.ts';
import { Actor, Pager, Status, useLoad } from '../util.tsx';

const FILTERS = [
  { name: 'source', label: 'Source', placeholder: 'RUS' },
  { name: 'target', label: 'Target', placeholder: 'UKR' },
  { name: 'actor', label: 'Either side', placeholder: 'ISRGOV' },
  { name: 'root', label: 'CAMEO root', placeholder: '19' },
  { name: 'code', label: 'Code', placeholder: '112' },
  { name: 'from', label: 'From', placeholder: 'YYYY-MM-DD' },
  { name: 'to', label: 'To', placeholder: 'YYYY-MM-DD' },
  { name: 'text', label: 'Article words', placeholder: 'ceasefire' },
] as const;

export function Events({ route }: { route: Route }) {
  const filters: Record<string, string> = {};
  for (const f of FILTERS) {
    const v = route.params.get(f.name);
    if (v) filters[f.name] = v;
  }
  const all = route.params.get('all') === 'true';
  const offset = Number(route.params.get('offset') ?? 0) || 0;
  const limit = 50;
  const key = JSON.stringify([filters, all, offset]);
  const page = useLoad(() => get<Page<EventRow>>('events', { ...filters, all, limit, offset }), key);
  const go = (p: Record<string, string | number | boolean>) => navigate(href('events', null, p));
  return (
    <section>
      <h1>Events</h1>
      <form
        class="filters"
        data-testid="event-filters"
        onSubmit={(e) => {
          e.preventDefault();
          const fd = new FormData(e.currentTarget);
          const p: Record<string, string | boolean> = {};
          for (const f of FILTERS) p[f.name] = ((fd.get(f.name) as string) ?? '').trim();
          p.all = fd.get('all') === 'on';
          go(p);
        }}
      >
        {FILTERS.map((f) => (
          <label key={f.name}>
            {f.label}
            <input name={f.name} value={filters[f.name] ?? ''} placeholder={f.placeholder} />
          </label>
        ))}
        <label class="check">
          <input type="checkbox" name="all" checked={all} /> include negated / hypothetical
        </label>
        <button type="submit">Filter</button>
        <a class="button" href={href('events')}>Clear</a>
      </form>
      <p class="downloads">
        Download: <a href={apiUrl('events', { ...filters, all, format: 'csv' })} download>CSV</a> ·{' '}
        <a href={apiUrl('events', { ...filters, all, format: 'gdelt' })} download>GDELT</a> ·{' '}
        <a href={apiUrl('events', { ...filters, all, format: 'plover' })} download>PLOVER</a>
        {filters.source && filters.target && (
          <>
            {' · '}
            <a href={href('dyad', null, { source: filters.source.slice(0, 3), target: filters.target.slice(0, 3) })}>chart this dyad</a>
          </>
        )}
      </p>
      <Status loaded={page}>
        {page.state === 'ok' && (
          <>
            <div class="scroll">
              <table class="data" data-testid="events-table">
                <thead>
                  <tr><th>date</th><th>source</th><th>target</th><th>code</th><th class="num">Goldstein</th><th>verb</th><th>sentence</th></tr>
                </thead>
                <tbody>
                  {page.data.items.map((r) => (
                    <tr key={r.eventId} class={r.counted ? '' : 'uncounted'}>
                      <td>{r.date ?? '–'}</td>
                      <td><Actor code={r.event.source.code} /></td>
                      <td><Actor code={r.event.target?.code} /></td>
                      <td>{r.event.code}</td>
                      <td class="num">{r.event.goldstein}</td>
                      <td>{r.event.verb.text}</td>
                      <td class="sentence">
                        <a href={href('article', r.articleId, { event: r.index })}>{r.sentence?.text ?? r.articleId}</a>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager total={page.data.total} more={page.data.totalIsLowerBound} limit={limit} offset={offset} go={(o) => go({ ...filters, all, offset: o })} />
          </>
        )}
      </Status>
    </section>
  );
}
