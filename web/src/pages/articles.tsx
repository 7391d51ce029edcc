/** The article list (all, or search results). */
import { get, type ArticleSummary, type Page } from '../api.ts';
import { href, navigate, type Route } from '../router.ts';
import { Pager, Status, useLoad } from '../util.tsx';

export function ArticleList({ items }: { items: ArticleSummary[] }) {
  if (!items.length) return <p class="muted">No articles.</p>;
  return (
    <ul class="articles" data-testid="article-list">
      {items.map((a) => (
        <li key={a.id}>
          <a href={href('article', a.id)}>{a.headline}</a>
          <span class="muted">
            {' '}
            {a.date ?? 'undated'} · {a.events} event{a.events === 1 ? '' : 's'}
          </span>
          {a.snippet && <div class="snippet">{a.snippet}</div>}
        </li>
      ))}
    </ul>
  );
}

export function Articles({ route }: { route: Route }) {
  const q = route.params.get('q') ?? '';
  const offset = Number(route.params.get('offset') ?? 0) || 0;
  const limit = 20;
  const page = useLoad(() => get<Page<ArticleSummary>>('articles', { q, limit, offset }), `${q}|${offset}`);
  return (
    <section>
      <h1>{q ? `Articles matching “${q}”` : 'Articles'}</h1>
      <form
        class="search"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          navigate(href('articles', null, { q: (new FormData(e.currentTarget).get('q') as string).trim() }));
        }}
      >
        <label>
          Search <input name="q" type="search" value={q} />
        </label>
        <button type="submit">Search</button>
      </form>
      <Status loaded={page}>
        {page.state === 'ok' && (
          <>
            <ArticleList items={page.data.items} />
            <Pager total={page.data.total} limit={limit} offset={offset} go={(o) => navigate(href('articles', null, { q, offset: o }))} />
          </>
        )}
      </Status>
    </section>
  );
}
