/**
 * PLOVER event records (PLOVER manual, "Data Fields"; one JSON object a line):
 * one record per coded event that has a PLOVER type. Fields beyond the
 * manual's (offsets, `cameo_code`, `modality`, `mentions`) keep Dyad's
 * evidence; the mapping is documented in docs/output-schema.md.
 */
import type { ActorRef, CodedArticle, EventLocation, EventRecord } from '../model/index.ts';
import { ploverQuad } from '../plover/index.ts';

export interface PloverEntity {
  /** Country or top-level code: the CAMEO code's first three letters; null when unknown ("---"). */
  code: string | null;
  /** Primary sector: the second three letters, when present. */
  sector?: string;
  other_sector_codes?: string[];
  entity_text: string;
  /** Canonical name from Dyad's dictionary, when known. */
  identifier_text?: string;
  /** The full CAMEO actor code and the offsets of `entity_text` in the article. */
  cameo: string;
  start: number;
  end: number;
}

export interface PloverLocation {
  extracted_place: string;
  resolved_place: string;
  geonameid?: number;
  lat: number;
  lon: number;
  country_code: string;
  /** 4 city, 2 region, 1 country. */
  resolution: number;
}

export interface PloverRecord {
  id: string;
  date: string | null;
  actor: PloverEntity[];
  recipient: PloverEntity[];
  event: string[];
  event_text: string[];
  mode: string[];
  context: string[];
  quad_code: number | null;
  event_loc: PloverLocation | null;
  /** The sentence the event was coded from. */
  text: string;
  text_info: {
    /** Sentence index in the article. */
    sequence: number;
    /** Sentence offsets in the article. */
    start: number;
    end: number;
    /** Offsets of `event_text` in the article. */
    event_start: number;
    event_end: number;
  };
  cameo_code: string;
  modality?: string;
  mentions?: number;
}

function entity(a: ActorRef): PloverEntity {
  const parts = a.code.match(/.{1,3}/g) ?? [];
  const [country, sector, ...rest] = parts;
  return {
    code: country && country !== '---' ? country : null,
    ...(sector ? { sector } : {}),
    ...(rest.length ? { other_sector_codes: rest } : {}),
    entity_text: a.text,
    ...(a.name ? { identifier_text: a.name } : {}),
    cameo: a.code,
    start: a.start,
    end: a.end,
  };
}

const RESOLUTION: Record<EventLocation['precision'], number> = { city: 4, region: 2, country: 1 };

function location(l: EventLocation | undefined): PloverLocation | null {
  if (!l) return null;
  return {
    extracted_place: l.name,
    resolved_place: l.name,
    ...(l.geonameid !== undefined ? { geonameid: l.geonameid } : {}),
    lat: l.lat,
    lon: l.lon,
    country_code: l.country,
    resolution: RESOLUTION[l.precision],
  };
}

/** The PLOVER records of an article's events that have a PLOVER type and pass `include`. */
export function toPloverRecords(article: CodedArticle, include: (e: EventRecord) => boolean = () => true): PloverRecord[] {
  const out: PloverRecord[] = [];
  article.events.forEach((e, i) => {
    if (!e.plover || !include(e)) return;
    const s = article.sentences[e.sentence];
    out.push({
      id: `${article.id}-${i + 1}`,
      date: e.date ?? article.date,
      actor: [entity(e.source)],
      recipient: e.target ? [entity(e.target)] : [],
      event: [e.plover.type],
      event_text: [e.verb.text],
      mode: e.plover.mode ? [e.plover.mode] : [],
      context: e.plover.context ? e.plover.context.split(',') : [],
      quad_code: ploverQuad(e.plover.type),
      event_loc: location(e.location),
      text: s?.text ?? '',
      text_info: { sequence: e.sentence, start: s?.start ?? e.verb.start, end: s?.end ?? e.verb.end, event_start: e.verb.start, event_end: e.verb.end },
      cameo_code: e.code,
      ...(e.modality ? { modality: e.modality } : {}),
      ...(e.mentions !== undefined ? { mentions: e.mentions } : {}),
    });
  });
  return out;
}
