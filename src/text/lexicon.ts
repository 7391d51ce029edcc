/** Word lists from data/lexicons/ (one entry per line, "#" comments), loaded once. */
import { readFileSync } from 'node:fs';

const cache = new Map<string, ReadonlySet<string>>();

export function lexicon(name: string): ReadonlySet<string> {
  let set = cache.get(name);
  if (!set) {
    const path = new URL(`../../data/lexicons/${name}.txt`, import.meta.url);
    const words = readFileSync(path, 'utf8')
      .split(/\r?\n/)
      .map((l) => l.replace(/#.*/, '').trim().toUpperCase())
      .filter((l) => l.length > 0);
    set = new Set(words);
    cache.set(name, set);
  }
  return set;
}
