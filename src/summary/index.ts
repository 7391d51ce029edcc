/**
 * The article's top actors, people and places (issue #4): counted over the
 * entity and place mentions the earlier stages found, pronouns included
 * through the entity they refer to. Runs last.
 */
import type { ArticleTop, CodedArticle, TopItem } from '../model/index.ts';
import type { Stage } from '../pipeline/index.ts';

const LIMIT = 5;

function ranked(items: Array<{ key: string; code?: string; name: string }>): TopItem[] {
  const counts = new Map<string, TopItem>();
  for (const it of items) {
    const found = counts.get(it.key);
    if (found) found.mentions++;
    else counts.set(it.key, { ...(it.code ? { code: it.code } : {}), name: it.name, mentions: 1 });
  }
  return [...counts.values()].sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name)).slice(0, LIMIT);
}

export function articleTop(article: CodedArticle): ArticleTop {
  const entities = article.entities ?? [];
  const resolved = entities.map((e) => (e.refersTo !== undefined ? { ...entities[e.refersTo], start: e.start } : e));
  const actors = resolved
    .filter((e) => e.type !== 'PERSON' && e.code && !e.code.startsWith('---'))
    .map((e) => ({ key: e.code!, code: e.code, name: e.name ?? e.text }));
  const people = resolved
    .filter((e) => e.type === 'PERSON')
    .map((e) => ({ key: (e.name ?? e.text).toLowerCase(), ...(e.code ? { code: e.code } : {}), name: e.name ?? e.text }));
  const places = (article.places ?? [])
    .filter((p) => p.name)
    .map((p) => ({ key: `${p.name}|${p.country ?? ''}`, ...(p.country ? { code: p.country } : {}), name: p.name! }));
  return { actors: ranked(actors), people: ranked(people), places: ranked(places) };
}

export const summaryStage: Stage = {
  name: 'summary',
  assigns: ['top'],
  run(ctx) {
    ctx.article.top = articleTop(ctx.article);
  },
};
