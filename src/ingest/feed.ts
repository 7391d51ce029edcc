/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom feeds → their items: link, title, date.
 * Ingest fetches each item's link; the feed itself gives only the list.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { toIsoDate } from './dates.ts';

export interface FeedItem {
  link: string;
  title: string | null;
  date: string | null;
}

export interface Feed {
  title: string | null;
  items: FeedItem[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  textNodeName: '#text',
  isArray: (name) => ['item', 'entry', 'link'].includes(name),
  processEntities: true,
  htmlEntities: true,
});

function text(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' || typeof v === 'number') return String(v).replace(/\s+/g, ' ').trim() || null;
  if (Array.isArray(v)) return text(v[0]);
  if (typeof v === 'object') return text((v as Record<string, unknown>)['#text']);
  return null;
}

/** The link of an RSS item or Atom entry: an rss <link>, an Atom link rel="alternate" (or no rel), or a permalink guid. */
function itemLink(item: Record<string, unknown>): string | null {
  const links = (item.link as unknown[] | undefined) ?? [];
  for (const l of links) {
    if (typeof l === 'string' && l.trim()) return l.trim();
    if (l && typeof l === 'object') {
      const o = l as Record<string, unknown>;
      const rel = o['@rel'];
      if (typeof o['@href'] === 'string' && (rel === undefined || rel === 'alternate')) return o['@href'].trim();
      if (typeof o['#text'] === 'string' && o['#text'].trim()) return o['#text'].trim();
    }
  }
  const guid = item.guid;
  if (guid && typeof guid === 'object' && (guid as Record<string, unknown>)['@isPermaLink'] !== 'false') {
    const g = text(guid);
    if (g && /^https?:\/\//.test(g)) return g;
  }
  if (typeof guid === 'string' && /^https?:\/\//.test(guid)) return guid;
  return null;
}

/**
 * Parses a feed; throws an Error with a short reason when the text is not
 * XML or not a feed. Items without a link are left out. Relative links are
 * resolved against `base` (the feed's URL).
 */
export function parseFeed(xml: string, base?: string): Feed {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not an RSS or Atom feed (not XML: ${valid.err.msg.replace(/\.$/, '')}, line ${valid.err.line})`);
  const doc = parser.parse(xml) as Record<string, any>;
  let channel: Record<string, any> | undefined;
  let items: Array<Record<string, unknown>>;
  if (doc.rss) {
    channel = doc.rss.channel ?? {};
    items = channel?.item ?? [];
  } else if (doc.feed) {
    channel = doc.feed;
    items = doc.feed.entry ?? [];
  } else if (doc.RDF) {
    channel = doc.RDF.channel ?? {};
    items = doc.RDF.item ?? [];
  } else {
    throw new Error('not an RSS or Atom feed (no <rss>, <feed> or <rdf:RDF> element)');
  }
  const out: FeedItem[] = [];
  for (const item of items) {
    const raw = itemLink(item);
    if (!raw) continue;
    let link = raw;
    try {
      link = new URL(raw, base).toString();
    } catch {
      continue;
    }
    const date = toIsoDate(text(item.pubDate) ?? text(item.published) ?? text(item.updated) ?? text(item.date) ?? text(item.issued));
    out.push({ link, title: text(item.title), date });
  }
  return { title: text(channel?.title), items: out };
}

/** Whether some text looks like a feed (an XML document with an rss, feed or RDF root). */
export function looksLikeFeed(text: string): boolean {
  const head = text.slice(0, 2048);
  return /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(rss|feed|rdf:RDF)[\s>]/i.test(head);
}
