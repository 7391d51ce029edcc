/**
 * Quotes (issue #4): who said what. Direct quotes (“…,” she said), indirect
 * speech (X said that …, according to X, X told Y that …) and mixed quotes
 * (X accused Y of being a “…”), each with its speaker and cue, as character
 * offsets into the article. Rule-based over the Doc: quotation marks are paired
 * across sentences and paragraphs (marks.ts), speech cues are read as data
 * (data/lexicons/speech-cues.txt) in a few frames (attribute.ts), and speakers
 * given by pronoun or description are resolved to a named speaker (speakers.ts).
 */
import type { ActorGroup } from '../actors/index.ts';
import type { QuoteRecord, TextSpan } from '../model/index.ts';
import type { Stage } from '../pipeline/index.ts';
import type { Doc } from '../text/index.ts';
import { attribute, type AttributeOptions, type Range } from './attribute.ts';
import { resolveSpeakers } from './speakers.ts';

export type { AttributeOptions } from './attribute.ts';

export interface QuoteOptions extends AttributeOptions {
  /** The actor phrases of each sentence (`ArticleContext.actors`): speakers that are actors get their code and name. */
  actors?: ActorGroup[][];
}

/** Every attributed quotation in the document, in text order. Pure: reads the Doc only. */
export function findQuotes(doc: Doc, options: QuoteOptions = {}): QuoteRecord[] {
  const found = attribute(doc, options);
  const identities = resolveSpeakers(doc, found.map((a) => (a.speaker ? { span: a.speaker, antecedent: a.antecedent } : null)), options.actors);
  const span = ([a, b]: Range): TextSpan => {
    const start = doc.tokens[a].start;
    const end = doc.tokens[b - 1].end;
    return { text: doc.text.slice(start, end), start, end };
  };
  return found.map((a, k) => {
    const parts = a.content.map(span);
    const whole = { start: parts[0].start, end: parts[parts.length - 1].end };
    const speaker = a.speaker ? { ...span(a.speaker), ...identities[k] } : null;
    const record: QuoteRecord = {
      text: doc.text.slice(whole.start, whole.end),
      ...whole,
      kind: a.kind,
      speaker,
      cue: span(a.cue),
    };
    if (parts.length > 1) record.parts = parts;
    return record;
  });
}

export const quotesStage: Stage = {
  name: 'quotes',
  assigns: ['quotes'],
  run(ctx) {
    ctx.article.quotes = findQuotes(ctx.doc, { actors: ctx.actors });
  },
};
