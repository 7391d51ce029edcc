/**
 * GDELT 2.0 Events format: 61 tab-separated columns per event, in GDELT's
 * order, no header. Dyad fills what it knows and leaves the rest empty;
 * docs/gdelt-columns.md says, column by column, where each value comes from.
 */
import type { ActorRef, EventLocation } from '../model/index.ts';
import { actorCodeParts, type EventRow } from '../store/index.ts';
import { type Cell, tsvRow } from './csv.ts';

const ACTOR_FIELDS = ['Code', 'Name', 'CountryCode', 'KnownGroupCode', 'EthnicCode', 'Religion1Code', 'Religion2Code', 'Type1Code', 'Type2Code', 'Type3Code'];
const GEO_FIELDS = ['Type', 'FullName', 'CountryCode', 'ADM1Code', 'ADM2Code', 'Lat', 'Long', 'FeatureID'];

/** The 61 column names, in order. */
export const GDELT_COLUMNS: readonly string[] = [
  'GlobalEventID', 'Day', 'MonthYear', 'Year', 'FractionDate',
  ...ACTOR_FIELDS.map((f) => `Actor1${f}`),
  ...ACTOR_FIELDS.map((f) => `Actor2${f}`),
  'IsRootEvent', 'EventCode', 'EventBaseCode', 'EventRootCode', 'QuadClass', 'GoldsteinScale',
  'NumMentions', 'NumSources', 'NumArticles', 'AvgTone',
  ...GEO_FIELDS.map((f) => `Actor1Geo_${f}`),
  ...GEO_FIELDS.map((f) => `Actor2Geo_${f}`),
  ...GEO_FIELDS.map((f) => `ActionGeo_${f}`),
  'DATEADDED', 'SOURCEURL',
];

/** Events in the first this-many sentences count as the article's lead (IsRootEvent 1). */
export const LEAD_SENTENCES = 2;

function actorCells(a: ActorRef | null): Cell[] {
  if (!a) return ACTOR_FIELDS.map(() => '');
  const p = actorCodeParts(a.code);
  const name = (a.name ? a.name.replace(/_/g, ' ') : a.text).replace(/\s+/g, ' ').trim().toUpperCase();
  return [a.code, name, p.country, p.knownGroup, '', '', '', p.types[0], p.types[1], p.types[2]];
}

/** GDELT geographic resolution: 1 country, 2 US state, 3 US city, 4 world city, 5 world state. */
function geoType(l: EventLocation): number {
  const us = l.country === 'USA';
  if (l.precision === 'country') return 1;
  if (l.precision === 'region') return us ? 2 : 5;
  return us ? 3 : 4;
}

function geoCells(l: EventLocation | undefined): Cell[] {
  if (!l) return GEO_FIELDS.map(() => '');
  return [geoType(l), l.name, l.country, '', '', l.lat, l.lon, l.geonameid];
}

/** YYYY.FFFF: the year plus the share of it elapsed before the day. */
export function fractionDate(date: string): string {
  const y = Number(date.slice(0, 4));
  const t = Date.UTC(y, Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  const start = Date.UTC(y, 0, 1);
  const days = (Date.UTC(y + 1, 0, 1) - start) / 86_400_000;
  return (y + Math.floor(((t - start) / 86_400_000 / days) * 10_000) / 10_000).toFixed(4);
}

/** The cells of one event, in GDELT_COLUMNS order. */
export function gdeltCells(r: EventRow): Cell[] {
  const e = r.event;
  const d = r.date;
  const mentions = (e.mentions ?? 1) * r.numArticles;
  return [
    r.eventId,
    d ? d.replace(/-/g, '') : '',
    d ? d.slice(0, 7).replace('-', '') : '',
    d ? d.slice(0, 4) : '',
    d ? fractionDate(d) : '',
    ...actorCells(e.source),
    ...actorCells(e.target),
    e.sentence < LEAD_SENTENCES ? 1 : 0,
    e.code,
    e.code.slice(0, 3),
    e.root,
    e.quadClass,
    e.goldstein,
    mentions,
    r.numSources,
    r.numArticles,
    r.tone,
    ...geoCells(undefined),
    ...geoCells(undefined),
    ...geoCells(e.location),
    r.addedAt.replace(/[-:TZ]/g, '').slice(0, 14),
    r.url ?? r.source,
  ];
}

/** One GDELT line (61 tab-separated fields), no line break. */
export function gdeltRow(r: EventRow): string {
  return tsvRow(gdeltCells(r));
}
