/**
 * An HTML page → its article: the main text by Readability (on linkedom's
 * DOM, no browser), paragraphs kept apart by blank lines; the title and the
 * publication date from the page's meta tags.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { toIsoDate } from './dates.ts';
import { tidyText } from './text.ts';

export interface HtmlArticle {
  text: string;
  title: string | null;
  date: string | null;
}

/** Readability output shorter than this is not an article (a login page, a 404 page). */
const MIN_CHARS = 80;

const BLOCKS = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL', 'BLOCKQUOTE', 'PRE',
  'TABLE', 'TR', 'TD', 'TH', 'FIGURE', 'FIGCAPTION', 'HEADER', 'FOOTER', 'ASIDE', 'DL', 'DT', 'DD', 'BR', 'HR',
]);

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

/** Text of a DOM subtree, with a paragraph break at every block element. */
function blockText(root: DomNode): string {
  const parts: string[] = [];
  const walk = (node: DomNode) => {
    if (node.nodeType === 3) {
      parts.push((node.textContent ?? '').replace(/\s+/g, ' '));
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const block = BLOCKS.has(node.nodeName.toUpperCase());
    if (block) parts.push('\n\n');
    for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i]);
    if (block) parts.push('\n\n');
  };
  walk(root);
  return tidyText(parts.join('').replace(/ *\n */g, '\n'));
}

type Doc = ReturnType<typeof parseHTML>['document'];

function meta(document: Doc, selectors: string[]): string | null {
  for (const sel of selectors) {
    const el = document.querySelector(sel);
    const v = el?.getAttribute('content') ?? el?.getAttribute('datetime') ?? null;
    if (v && v.trim()) return v.trim();
  }
  return null;
}

/** datePublished from JSON-LD blocks, when a page has them. */
function jsonLdDate(document: Doc): string | null {
  for (const s of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const found = findKey(JSON.parse(s.textContent ?? ''), 'datePublished');
      if (found) return found;
    } catch {
      // a malformed block is ignored
    }
  }
  return null;
}

function findKey(value: unknown, key: string): string | null {
  if (Array.isArray(value)) {
    for (const v of value) {
      const f = findKey(v, key);
      if (f) return f;
    }
  } else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o[key] === 'string') return o[key] as string;
    for (const v of Object.values(o)) {
      const f = findKey(v, key);
      if (f) return f;
    }
  }
  return null;
}

const DATE_SELECTORS = [
  'meta[property="article:published_time"]',
  'meta[property="og:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="date"]',
  'meta[name="dc.date"]',
  'meta[name="DC.date.issued"]',
  'meta[name="dcterms.date"]',
  'time[itemprop="datePublished"]',
  'time[pubdate]',
];

const TITLE_SELECTORS = ['meta[property="og:title"]', 'meta[name="twitter:title"]', 'meta[name="title"]', 'meta[name="dc.title"]'];

/**
 * Extracts the article from an HTML page; null when the page has no article
 * text (Readability finds nothing, or too little).
 */
export function extractHtml(html: string, url?: string): HtmlArticle | null {
  const { document } = parseHTML(html);
  // meta first: Readability changes the document
  const metaTitle = meta(document, TITLE_SELECTORS);
  const metaDate = toIsoDate(meta(document, DATE_SELECTORS)) ?? toIsoDate(jsonLdDate(document));
  const pageTitle = document.querySelector('title')?.textContent?.trim() || null;
  if (url) {
    try {
      // Readability resolves relative links against the document's URL
      Object.defineProperty(document, 'documentURI', { value: url, configurable: true });
    } catch {
      // not needed for the text
    }
  }
  let parsed: ReturnType<Readability['parse']>;
  try {
    parsed = new Readability(document as unknown as Document).parse();
  } catch {
    parsed = null;
  }
  if (!parsed?.content) return null;
  const { document: content } = parseHTML(`<!doctype html><html><body>${parsed.content}</body></html>`);
  const text = blockText(content.body as unknown as DomNode);
  if (text.length < MIN_CHARS) return null;
  const title = (metaTitle ?? parsed.title ?? pageTitle)?.replace(/\s+/g, ' ').trim() || null;
  return { text, title, date: metaDate ?? toIsoDate(parsed.publishedTime) };
}

/** Whether some text looks like an HTML document rather than plain text. */
export function looksLikeHtml(text: string): boolean {
  return /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(text.slice(0, 1024));
}
