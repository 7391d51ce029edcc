/** Dashboard: counts, top dyads, latest articles, search. */
import { get, type ArticleSummary, type DyadRow, type Page } from '../api.ts';
import { href, navigate } from '../router.ts';
import { fmt, Status, useLoad } from '../util.tsx';
import { ArticleList } from './articles.tsx';

interface Stats {
  articles: number;
  duplicates: number;
  events: number;
}

export function Dashboard() {
  const stats = useLoad(() => get<Stats>('stats'), 'stats');
  const dyads = useLoad(() => get<Page<DyadRow>>('dyads', { sort: 'events', limit: 10 }), 'dyads');
  const latest = useLoad(() => get<Page<ArticleSummary>>('articles', { limit: 10 }), 'latest');
  return (
    <section>
      <h1>Dashboard</h1>
      <Status loaded={stats}>
        {stats.state === 'ok' && (
          <div class="cards" data-testid="stats">
            <div class="card"><b>{stats.data.articles}</b> articles</div>
            <div class="card"><b>{stats.data.duplicates}</b> near-duplicates</div>
            <div class="card"><b>{stats.data.events}</b> events</div>
          </div>
        )}
      </Status>
      <form
        class="search"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          const q = (new FormData(e.currentTarget).get('q') as string).trim();
          navigate(href('articles', null, { q }));
        }}
      >
        <label>
          Search articles <input name="q" type="search" placeholder='"prisoner exchange" Ukraine' />
        </label>
        <button type="submit">Search</button>
      </form>
      <div class="columns">
        <div>
          <h2>Top dyads</h2>
          <Status loaded={dyads}>
            {dyads.state === 'ok' && (
              <table class="data" data-testid="top-dyads">
                <thead>
                  <tr><th>source</th><th>target</th><th class="num">events</th><th class="num">mean Goldstein</th></tr>
                </thead>
                <tbody>
                  {dyads.data.items.map((d) => (
                    <tr key={`${d.source}-${d.target}`}>
                      <td><a href={href('actor', d.source)}>{d.source}</a></td>
                      <td><a href={href('actor', d.target)}>{d.target}</a></td>
                      <td class="num"><a href={href('dyad', null, { source: d.source, target: d.target })}>{d.events}</a></td>
                      <td class="num">{fmt(d.goldsteinMean)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Status>
        </div>
        <div>
          <h2>Latest articles</h2>
          <Status loaded={latest}>{latest.state === 'ok' && <ArticleList items={latest.data.items} />}</Status>
        </div>
      </div>
    </section>
  );
}
