/**
 * From mentions to places: which mentions are places at all (a country name is
 * one only when used locatively; "Moscow said" is an actor, not a place), which
 * reading of an ambiguous name is meant (the article's countries first, then
 * population), and where each event happened.
 */
import type { ActorGroup } from '../actors/index.ts';
import type { EventLocation, EventRecord, PlaceMention } from '../model/index.ts';
import type { Gazetteer, Place } from './gazetteer.ts';
import type { Mention } from './mentions.ts';

/** Bonus, in orders of magnitude of population, for a reading in a country the article mentions. */
const ARTICLE_COUNTRY_BONUS = 2;

/** Below this population a town named without in/at/near…, outside the article's countries, is more likely a surname ("referring to Machado"). */
const LONE_TOWN_POPULATION = 100000;

/**
 * Drop the mentions that are not places: country names not used locatively;
 * capitals standing for their government ("Moscow warned", "criticised
 * Washington", "Kyiv's proposal"): actor phrases, not after a locative
 * preposition, that are event sources, targets of words, or used like an
 * actor; and small towns named without a preposition in a country the article
 * is not about ("the Bush administration" is not Būsh, Egypt).
 */
export function isPlace(r: ResolvedMention, events: readonly EventRecord[], countries: ArticleCountries): boolean {
  const { mention: m, place } = r;
  if (m.dateline || !place) return true;
  if (place.precision === 'country') return m.locative > 0;
  if (m.actor && m.locative === 0 && place.capital) {
    if (m.actorLike) return false;
    for (const e of events) {
      if (e.source.start < m.end && m.start < e.source.end) return false;
      const words = e.quadClass === 1 || e.quadClass === 3;
      if (words && e.target && e.target.start < m.end && m.start < e.target.end) return false;
    }
  }
  if (m.locative < 3 && place.geonameid !== undefined && place.prior < 9.5 && place.population < LONE_TOWN_POPULATION && !countries.has(place.country, m.key) && m.qualifier === undefined) return false;
  return true;
}

/** Countries the article is about, with weights, and which names gave them (a name does not vouch for itself). */
export class ArticleCountries {
  private readonly total = new Map<string, number>();
  private readonly byName = new Map<string, number>();
  add(country: string | undefined, weight: number, name = ''): void {
    if (!country) return;
    this.total.set(country, (this.total.get(country) ?? 0) + weight);
    if (name) this.byName.set(`${country}\t${name}`, (this.byName.get(`${country}\t${name}`) ?? 0) + weight);
  }
  /** Weight of a country, leaving out what mentions of `name` itself contributed. */
  weight(country: string, name = ''): number {
    return (this.total.get(country) ?? 0) - (name ? (this.byName.get(`${country}\t${name}`) ?? 0) : 0);
  }
  has(country: string, name = ''): boolean {
    return this.weight(country, name) > 0;
  }
}

/** Countries the article is about: its actors, its dateline, its unambiguous place names. */
export function articleCountries(mentions: readonly Mention[], actors: readonly ActorGroup[][], gazetteer: Gazetteer): ArticleCountries {
  const out = new ArticleCountries();
  // an actor phrase that is itself an ambiguous name ("Tripoli" is Libya's capital in the actor
  // dictionary) says nothing about which reading is meant
  const ambiguous = mentions.filter((m) => new Set(m.candidates.map((p) => p.country)).size > 1);
  actors.forEach((groups, sentence) => {
    for (const g of groups ?? []) {
      if (ambiguous.some((m) => m.sentence === sentence && m.tokenStart >= g.start && m.tokenEnd <= g.end)) continue;
      for (const code of g.actorCodes.length > 0 ? g.actorCodes : [g.code]) out.add(gazetteer.countryOfCameo(code), 1);
    }
  });
  for (const m of mentions) {
    if (m.candidates.length === 0) continue;
    const countries = new Set(m.candidates.map((p) => p.country));
    const top = m.candidates[0];
    // one reading, or one our table prefers; a lone small town counts only after a preposition
    const confident = m.dateline || top.prior >= 9.5 || m.locative >= 2 || top.population >= LONE_TOWN_POPULATION;
    if ((countries.size === 1 || top.prior >= 9.5) && confident) out.add(top.country, m.dateline ? 2 : 1, m.key ?? m.text);
  }
  return out;
}

/** The reading of a mention that the article's countries and population favour. */
export function resolve(m: Mention, countries: ArticleCountries): Place | undefined {
  let candidates = m.candidates;
  if (m.qualifier) {
    const narrowed = candidates.filter((p) => p.country === m.qualifier);
    if (narrowed.length > 0) candidates = narrowed;
  }
  let best: Place | undefined;
  let bestScore = -Infinity;
  for (const p of candidates) {
    const score = p.prior + (countries.has(p.country, m.key) ? ARTICLE_COUNTRY_BONUS : 0);
    if (score > bestScore) {
      best = p;
      bestScore = score;
    }
  }
  if (best && m.regionSuffix && best.precision === 'city') return { ...best, precision: 'region' };
  return best;
}

export interface ResolvedMention {
  mention: Mention;
  place?: Place;
}

export function toPlaceMention({ mention, place }: ResolvedMention): PlaceMention {
  const out: PlaceMention = { text: mention.text, start: mention.start, end: mention.end };
  if (!place && mention.actorCountry) out.country = mention.actorCountry;
  if (place) {
    out.name = place.name;
    out.country = place.country;
    out.lat = place.lat;
    out.lon = place.lon;
    if (place.geonameid !== undefined) out.geonameid = place.geonameid;
  }
  return out;
}

export function toLocation(place: Place): EventLocation {
  const out: EventLocation = { name: place.name, country: place.country, lat: place.lat, lon: place.lon, precision: place.precision };
  if (place.geonameid !== undefined) out.geonameid = place.geonameid;
  return out;
}

const PRECISION_RANK = { city: 2, region: 1, country: 0 } as const;

/**
 * Where an event happened: a place named in its sentence (after in/at/near
 * first, then from/to, then any; a city before a region before a country; then
 * the nearest to the verb), else the dateline, else nothing.
 */
export function eventPlace(event: EventRecord, resolved: readonly ResolvedMention[]): Place | undefined {
  let best: ResolvedMention | undefined;
  let bestKey: number[] = [];
  for (const r of resolved) {
    if (!r.place || r.mention.dateline || r.mention.sentence !== event.sentence) continue;
    const key = [r.mention.locative, PRECISION_RANK[r.place.precision], -Math.abs(r.mention.start - event.verb.start)];
    if (!best || compare(key, bestKey) > 0) {
      best = r;
      bestKey = key;
    }
  }
  if (best?.place?.precision === 'country') {
    // "strikes hit Tripoli in northern Lebanon": a city of that country says more than the country
    const country = best.place.country;
    let city: ResolvedMention | undefined;
    for (const r of resolved) {
      if (!r.place || r.mention.dateline || r.mention.sentence !== event.sentence || r.place.precision === 'country' || r.place.country !== country) continue;
      if (!city || Math.abs(r.mention.start - event.verb.start) < Math.abs(city.mention.start - event.verb.start)) city = r;
    }
    if (city) best = city;
  }
  if (best) return best.place;
  return resolved.find((r) => r.mention.dateline && r.place)?.place;
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}
