/**
 * Scoring a geoparser's place mentions against expected toponyms, the way the
 * geoparsing literature does: a toponym is right when it is found with the
 * right country and, where the expected coordinates are given, within 161 km
 * (100 miles) of them.
 */
import type { PlaceMention } from '../model/index.ts';

export interface ExpectedToponym {
  text: string;
  /** ISO3; absent when the place is only expected to be found (an unresolved mention is then right). */
  country?: string;
  lat?: number;
  lon?: number;
}

export interface ToponymScore {
  expected: number;
  correct: number;
  /** Found with the right country (coordinates aside). */
  rightCountry: number;
  /** Resolved mentions that were not expected. */
  extra: number;
  misses: Array<{ expected: ExpectedToponym; got?: PlaceMention }>;
  extras: PlaceMention[];
}

/** Great-circle distance in kilometres. */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const h = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Score one text's place mentions; expected toponyms are matched to mentions by their text, in order. */
export function scoreToponyms(expected: readonly ExpectedToponym[], got: readonly PlaceMention[], maxKm = 161): ToponymScore {
  const left = [...got];
  const score: ToponymScore = { expected: expected.length, correct: 0, rightCountry: 0, extra: 0, misses: [], extras: [] };
  for (const e of expected) {
    const i = left.findIndex((p) => p.text === e.text);
    const p = i >= 0 ? left.splice(i, 1)[0] : undefined;
    const countryOk = p !== undefined && (e.country === undefined || p.country === e.country);
    const near = countryOk && (e.lat === undefined || e.lon === undefined || (p!.lat !== undefined && p!.lon !== undefined && distanceKm(e.lat, e.lon, p!.lat, p!.lon) <= maxKm));
    if (countryOk) score.rightCountry++;
    if (near) score.correct++;
    else score.misses.push(p ? { expected: e, got: p } : { expected: e });
  }
  for (const p of left) {
    score.extra++;
    score.extras.push(p);
  }
  return score;
}
