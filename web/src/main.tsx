/** The web app's entry: navigation and the hash router. */
import { render } from 'preact';
import { useEffect } from 'preact/hooks';
import './style.css';
import { href, useRoute } from './router.ts';
import { Actor } from './pages/actor.tsx';
import { Article } from './pages/article.tsx';
import { Articles } from './pages/articles.tsx';
import { Dashboard } from './pages/dashboard.tsx';
import { Dyad } from './pages/dyad.tsx';
import { Events } from './pages/events.tsx';
import { Playground } from './pages/playground.tsx';

const NAV = [
  ['', 'Dashboard'],
  ['articles', 'Articles'],
  ['events', 'Events'],
  ['dyad', 'Dyads'],
  ['actor', 'Actors'],
  ['playground', 'Playground'],
] as const;

function App() {
  const route = useRoute();
  useEffect(() => {
    document.getElementById('main')?.focus({ preventScroll: true });
    scrollTo(0, 0);
  }, [route.page, route.arg]);
  let page;
  switch (route.page) {
    case '':
      page = <Dashboard />;
      break;
    case 'articles':
      page = <Articles route={route} />;
      break;
    case 'article':
      page = <Article key={route.arg} route={route} />;
      break;
    case 'events':
      page = <Events route={route} />;
      break;
    case 'dyad':
      page = <Dyad route={route} />;
      break;
    case 'actor':
      page = <Actor route={route} />;
      break;
    case 'playground':
      page = <Playground />;
      break;
    default:
      page = <p>No page here. <a href="#/">Dashboard</a></p>;
  }
  const current = route.page === 'article' ? 'articles' : route.page;
  return (
    <>
      <a class="skip" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>Skip to content</a>
      <header>
        <a class="brand" href="#/">Dyad</a>
        <nav aria-label="main">
          {NAV.map(([p, label]) => (
            <a key={p} href={href(p)} aria-current={current === p ? 'page' : undefined}>{label}</a>
          ))}
        </nav>
      </header>
      <main id="main" tabIndex={-1}>{page}</main>
    </>
  );
}

render(<App />, document.getElementById('app')!);
