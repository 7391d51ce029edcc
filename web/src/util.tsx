/** Small shared pieces: data loading, status lines, formatting. */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { href } from './router.ts';

export type Loaded<T> = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ok'; data: T };

/** Runs `load` whenever `key` changes; ignores answers that arrive after a newer request. */
export function useLoad<T>(load: () => Promise<T>, key: string): Loaded<T> {
  const [value, setValue] = useState<Loaded<T>>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    setValue({ state: 'loading' });
    load().then(
      (data) => live && setValue({ state: 'ok', data }),
      (e: Error) => live && setValue({ state: 'error', message: e.message }),
    );
    return () => {
      live = false;
    };
  }, [key]);
  return value;
}

export function Status({ loaded, children }: { loaded: Loaded<unknown>; children?: ComponentChildren }) {
  if (loaded.state === 'loading') return <p class="muted" role="status">Loading…</p>;
  if (loaded.state === 'error') return <p class="error" role="alert">{loaded.message}</p>;
  return <>{children}</>;
}

export const fmt = (n: number) => (Math.round(n * 100) / 100).toLocaleString('en');

export function Actor({ code }: { code: string | null | undefined }) {
  if (!code) return <span class="muted">–</span>;
  const country = /^[A-Z]{3}/.test(code) ? code.slice(0, 3) : null;
  return country ? <a class="code" href={href('actor', country)}>{code}</a> : <span class="code">{code}</span>;
}

export const QUAD = ['verbal coop.', 'material coop.', 'verbal conflict', 'material conflict'];

export function Pager({ total, limit, offset, go, more }: { total: number; limit: number; offset: number; go: (offset: number) => void; more?: boolean }) {
  if (total <= limit) return <p class="muted">{total} in all</p>;
  return (
    <nav class="pager" aria-label="pages">
      <button type="button" disabled={offset === 0} onClick={() => go(Math.max(0, offset - limit))}>← Previous</button>
      <span>
        {offset + 1}–{Math.min(total, offset + limit)} of {total}
        {more ? '+' : ''}
      </span>
      <button type="button" disabled={offset + limit >= total} onClick={() => go(offset + limit)}>Next →</button>
    </nav>
  );
}
