/**
 * The OpenAPI 3 description of the routes in read.ts and write.ts, written by
 * hand and kept beside them: change a route, change it here (index.test.ts
 * checks that every route is described).
 */
const str = { type: 'string' } as const;
const int = { type: 'integer' } as const;
const q = (name: string, description: string, schema: object = str) => ({ name, in: 'query', description, schema });
const paging = [q('limit', 'Page size', int), q('offset', 'Items to skip', int)];
const dates = [q('from', 'On or after this date (YYYY-MM-DD)'), q('to', 'On or before this date (YYYY-MM-DD)')];
const json = (schema: object, description = 'OK') => ({ description, content: { 'application/json': { schema } } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const page = (item: object) => ({
  type: 'object',
  properties: { items: { type: 'array', items: item }, total: int, totalIsLowerBound: { type: 'boolean', description: 'Counting stopped: at least total' } },
});
const errors = { '400': json(ref('Error'), 'Bad parameter (the message names it)') };
const writeErrors = {
  ...errors,
  '401': json(ref('Error'), 'Missing or wrong bearer token'),
  '403': json(ref('Error'), 'Writes are disabled (no token configured and not --open)'),
  '413': json(ref('Error'), 'Body too large'),
};

export const OPENAPI = {
  openapi: '3.0.3',
  info: {
    title: 'Dyad API',
    version: '0.1.0',
    description: 'Political event data (CAMEO events with evidence) from a Dyad corpus store. Offsets are UTF-16 indices into the article text, end exclusive.',
  },
  paths: {
    '/api/stats': { get: { summary: 'Store counts', responses: { '200': json(ref('Stats')) } } },
    '/api/articles': {
      get: {
        summary: 'Coded articles, newest first; with q, full-text search results, best first',
        parameters: [q('q', 'Full-text query ("quoted phrases" allowed)'), ...paging],
        responses: { '200': json(page(ref('ArticleSummary'))), ...errors },
      },
      post: {
        summary: 'Code one article and store it (duplicates are recognised as in dyad ingest)',
        security: [{ bearer: [] }],
        requestBody: { required: true, content: { 'application/json': { schema: ref('ArticleIn') } } },
        responses: {
          '201': json({ type: 'object', properties: { status: str, id: str, events: int } }, 'Stored'),
          '200': json({ type: 'object', properties: { status: str, id: str } }, 'Already stored (same content)'),
          '409': json(ref('Error'), 'Another article is stored under this id'),
          '422': json(ref('Error'), 'Could not be coded'),
          ...writeErrors,
        },
      },
    },
    '/api/articles/{id}': {
      get: {
        summary: 'One article: text, sentences, events (each with index and counted), quotes, entities, places',
        parameters: [{ name: 'id', in: 'path', required: true, schema: str }],
        responses: { '200': json(ref('Article')), '404': json(ref('Error'), 'No such article') },
      },
    },
    '/api/events': {
      get: {
        summary: 'Stored events matching every filter (as dyad events); format=csv|gdelt|plover downloads them',
        parameters: [
          q('source', 'Source actor: a country code matches all its actors, a longer code is a prefix'),
          q('target', 'Target actor'),
          q('actor', 'Either side'),
          q('root', 'CAMEO root, 01–20'),
          q('code', 'CAMEO code prefix'),
          ...dates,
          q('text', 'Words the article must contain'),
          q('all', 'Include negated and hypothetical events', { type: 'boolean' }),
          q('format', 'json (default, paged), csv, gdelt (GDELT 2.0, 61 columns), plover (JSON Lines)', { type: 'string', enum: ['json', 'csv', 'gdelt', 'plover'] }),
          ...paging,
        ],
        responses: {
          '200': {
            description: 'Events',
            content: {
              'application/json': { schema: page(ref('EventRow')) },
              'text/csv': { schema: str },
              'text/tab-separated-values': { schema: str },
              'application/x-ndjson': { schema: str },
            },
          },
          ...errors,
        },
      },
    },
    '/api/dyads': {
      get: {
        summary: 'Counted events per (source country, target country) and period, by QuadClass, with Goldstein sum and mean',
        parameters: [
          q('source', '3-letter country code'),
          q('target', '3-letter country code'),
          ...dates,
          q('by', 'day, week, month, year or all (default)', { type: 'string', enum: ['day', 'week', 'month', 'year', 'all'] }),
          q('sort', 'pair (default) or events (most first)', { type: 'string', enum: ['pair', 'events'] }),
          q('limit', 'At most this many rows', int),
        ],
        responses: { '200': json(page(ref('Dyad'))), ...errors },
      },
    },
    '/api/actors': {
      get: {
        summary: 'Top actor countries by event count, and the network edges between them',
        parameters: [q('actor', 'Only this country and its partners'), ...dates, q('limit', 'Number of actors', int)],
        responses: {
          '200': json({
            type: 'object',
            properties: {
              actors: { type: 'array', items: { type: 'object', properties: { code: str, events: int, asSource: int, asTarget: int, goldsteinMean: { type: 'number' } } } },
              edges: { type: 'array', items: { type: 'object', properties: { source: str, target: str, events: int, goldsteinMean: { type: 'number' } } } },
            },
          }),
          ...errors,
        },
      },
    },
    '/api/quotes': {
      get: {
        summary: 'Stored quotations with their speakers',
        parameters: [q('speaker', 'Speaker text, name or code contains this (any case)'), ...dates, ...paging],
        responses: { '200': json(page({ type: 'object', properties: { articleId: str, date: str, quote: { type: 'object' } } })), ...errors },
      },
    },
    '/api/search': {
      get: {
        summary: 'Full-text search: ids, titles and snippets',
        parameters: [q('q', 'Query'), q('limit', 'At most', int)],
        responses: { '200': json({ type: 'object', properties: { items: { type: 'array', items: { type: 'object' } } } }), ...errors },
      },
    },
    '/api/code': {
      post: {
        summary: 'Code text and return the CodedArticle (as dyad code); nothing is stored',
        security: [{ bearer: [] }],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { type: 'object', required: ['text'], properties: { text: str, date: str, id: str, all: { type: 'boolean' } } } } },
        },
        responses: { '200': json({ type: 'object', description: 'CodedArticle, see docs/output-schema.md' }), ...writeErrors },
      },
    },
    '/api/openapi.json': { get: { summary: 'This document', responses: { '200': json({ type: 'object' }) } } },
  },
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'The server\'s DYAD_TOKEN' } },
    schemas: {
      Error: { type: 'object', required: ['error'], properties: { error: str, param: str } },
      Stats: { type: 'object', properties: { articles: int, duplicates: int, events: int, kind: str } },
      ArticleSummary: {
        type: 'object',
        properties: { id: str, title: str, headline: str, date: str, source: str, url: str, publisher: str, events: int, numArticles: int, snippet: str },
      },
      ArticleIn: {
        type: 'object',
        required: ['text'],
        properties: { id: str, text: str, title: str, date: str, url: str, publisher: str },
      },
      Article: {
        type: 'object',
        properties: {
          id: str,
          title: str,
          date: str,
          text: str,
          sentences: { type: 'array', items: { type: 'object' } },
          events: { type: 'array', items: { type: 'object' } },
          quotes: { type: 'array', items: { type: 'object' } },
          entities: { type: 'array', items: { type: 'object' } },
          places: { type: 'array', items: { type: 'object' } },
        },
      },
      EventRow: {
        type: 'object',
        properties: { eventId: int, articleId: str, date: str, sourceCountry: str, targetCountry: str, counted: { type: 'boolean' }, index: int, event: { type: 'object' }, sentence: { type: 'object' }, title: str },
      },
      Dyad: {
        type: 'object',
        properties: { source: str, target: str, period: str, events: int, quad: { type: 'array', items: int }, goldsteinSum: { type: 'number' }, goldsteinMean: { type: 'number' } },
      },
    },
  },
} as const;
