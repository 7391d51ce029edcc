/** Hash routing: `#/page/arg?filters`. Filters live in the query string so every view can be linked. */
import { useEffect, useState } from 'preact/hooks';

export interface Route {
  page: string;
  arg: string | null;
  params: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const h = hash.replace(/^#/, '') || '/';
  const [path, query = ''] = h.split('?', 2);
  const parts = path.split('/').filter(Boolean);
  let arg: string | null = null;
  if (parts[1] !== undefined) {
    try {
      arg = decodeURIComponent(parts.slice(1).join('/'));
    } catch {
      arg = parts.slice(1).join('/');
    }
  }
  return { page: parts[0] ?? '', arg, params: new URLSearchParams(query) };
}

export function href(page: string, arg?: string | null, params: Record<string, string | number | boolean | undefined | null> = {}): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '' && v !== false) u.set(k, String(v));
  const q = u.toString();
  return `#/${page}${arg ? `/${encodeURIComponent(arg)}` : ''}${q ? `?${q}` : ''}`;
}

export function navigate(to: string): void {
  if (location.hash !== to) location.hash = to;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const on = () => setRoute(parseHash(location.hash));
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return route;
}
