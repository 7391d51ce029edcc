/**
 * Places (issue #4): every place named in an article (`CodedArticle.places`,
 * resolved or not) and where each event happened (`EventRecord.location`).
 *
 * Candidates are the dateline, names the gazetteer knows, and capitalised
 * names after a locative preposition; person and organisation names that
 * contain a place name are set aside, and so are country names and capitals
 * that stand for their state ("Russia said", "Moscow warned"). Ambiguous names
 * are read in the countries the article is about, then by population.
 */
import type { ActorGroup } from '../actors/index.ts';
import type { EventRecord, PlaceMention } from '../model/index.ts';
import type { Stage } from '../pipeline/index.ts';
import type { Doc } from '../text/index.ts';
import { getGazetteer, placeKey, type Gazetteer } from './gazetteer.ts';
import { findMentions } from './mentions.ts';
import { articleCountries, eventPlace, isPlace, resolve, toLocation, toPlaceMention, type ResolvedMention } from './resolve.ts';
import { readFileSync } from 'node:fs';

export { buildGazetteer, getGazetteer, MIN_POPULATION, placeKey, readCities, type CountryInfo, type Gazetteer, type Place, type Precision } from './gazetteer.ts';
export { findDateline, findMentions, longestMatch, type Locative, type Mention } from './mentions.ts';
export { eventPlace, type ResolvedMention } from './resolve.ts';
export { distanceKm, scoreToponyms, type ExpectedToponym, type ToponymScore } from './score.ts';

let notPlaces: Set<string> | null = null;

function loadNotPlaces(): Set<string> {
  if (!notPlaces) {
    const text = readFileSync(new URL('../../data/gazetteer/not-places.txt', import.meta.url), 'utf8');
    notPlaces = new Set(
      text
        .split(/\r?\n/)
        .map((l) => l.replace(/#.*/, '').trim())
        .filter((l) => l !== '')
        .map(placeKey),
    );
  }
  return notPlaces;
}

export interface GeoparseInput {
  doc: Doc;
  /** The coder's actor phrases per sentence; `[]` when there are none. */
  actors: ActorGroup[][];
  /** Coded events: their sources tell a capital that speaks for its state from a place. */
  events?: readonly EventRecord[];
  gazetteer?: Gazetteer;
}

/** Find and resolve the place mentions of one document. */
export function geoparse(input: GeoparseInput): ResolvedMention[] {
  const gazetteer = input.gazetteer ?? getGazetteer();
  const mentions = findMentions({ doc: input.doc, gazetteer, actors: input.actors, notPlaces: loadNotPlaces() });
  const countries = articleCountries(mentions, input.actors, gazetteer);
  const resolved = mentions.map((mention) => ({ mention, place: mention.candidates.length > 0 ? resolve(mention, countries) : undefined }));
  return resolved.filter((r) => isPlace(r, input.events ?? [], countries));
}

/** The article's place mentions, in the output shape. */
export function placesOf(resolved: readonly ResolvedMention[]): PlaceMention[] {
  return resolved.map(toPlaceMention);
}

export const placesStage: Stage = {
  name: 'places',
  assigns: ['places', 'events.location'],
  run(ctx) {
    const resolved = geoparse({ doc: ctx.doc, actors: ctx.actors, events: ctx.article.events });
    ctx.article.places = placesOf(resolved);
    for (const e of ctx.article.events) {
      const place = eventPlace(e, resolved);
      if (place) e.location = toLocation(place);
    }
  },
};
