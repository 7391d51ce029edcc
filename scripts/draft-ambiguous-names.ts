/**
 * Drafts data/gazetteer/ambiguous.txt: one-word GeoNames city names (as kept by
 * the gazetteer) that compromise's English lexicon knows as something other
 * than a place: common words ("Split", "Nice", "Reading") and personal names
 * ("Mary", "Obama", "Jackson"). Prints the candidates with their population
 * and compromise tag; a person reviews them and keeps the list by hand.
 *
 *   node --import tsx scripts/draft-ambiguous-names.ts > /tmp/ambiguous-draft.txt
 */
import nlp from 'compromise';
import { MIN_POPULATION, placeKey, readCities } from '../src/places/index.ts';

const PLACE_TAGS = new Set(['City', 'Country', 'Place', 'Region', 'ProperNoun']);
const lexicon = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
const best = new Map<string, { population: number; tags: string }>();
for (const c of readCities(MIN_POPULATION, new Set(['PPLC', 'PPLA', 'PPLG']))) {
  const key = placeKey(c.name);
  if (key.includes(' ')) continue;
  const entry = lexicon[key];
  if (entry === undefined) continue;
  const tags = Array.isArray(entry) ? entry : [entry];
  if (tags.every((t) => PLACE_TAGS.has(t))) continue;
  const prev = best.get(key);
  if (!prev || c.population > prev.population) best.set(key, { population: c.population, tags: tags.join(',') });
}
for (const [key, { population, tags }] of [...best].sort((a, b) => b[1].population - a[1].population)) {
  process.stdout.write(`${key}\t${population}\t${tags}\n`);
}
