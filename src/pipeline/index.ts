/**
 * The stages that run after event coding, in order, each adding one layer to
 * the article (quotes, dates, places, PLOVER…). The order is data: one explicit
 * table, no registration by import. A stage reads the context and writes only
 * the fields it owns on `ctx.article` (and its events).
 */
import type { ActorGroup } from '../actors/index.ts';
import type { Dictionaries } from '../dictionaries/index.ts';
import type { CodedArticle } from '../model/index.ts';
import type { Doc } from '../text/index.ts';
import { entitiesStage } from '../entities/index.ts';
import { summaryStage } from '../summary/index.ts';
import { quotesStage } from '../quotes/index.ts';
import { modalityStage } from '../modality/index.ts';
import { datesStage } from '../dates/index.ts';
import { dedupeStage } from '../dedupe/index.ts';
import { ploverStage } from '../plover/index.ts';
import { toneStage } from '../tone/index.ts';
import { placesStage } from '../places/index.ts';

export interface ArticleContext {
  doc: Doc;
  article: CodedArticle;
  dictionaries: Dictionaries;
  /** Publication date as YYYYMMDD, or null when unknown. */
  published: number | null;
  /** The actor phrases found in each sentence (index = sentence index), with codes and token spans. */
  actors: ActorGroup[][];
}

export interface Stage {
  name: string;
  /** Article fields this stage writes, for documentation and for checking that no two stages write one field. */
  assigns: string[];
  run(ctx: ArticleContext): void;
}

/** The stages, in the order they run. */
export const STAGES: readonly Stage[] = [entitiesStage, quotesStage, modalityStage, datesStage, dedupeStage, ploverStage, toneStage, placesStage, summaryStage];

/** Run every stage; a stage that throws is a bug, so it is reported with its name. */
export function runStages(ctx: ArticleContext, stages: readonly Stage[] = STAGES): void {
  for (const stage of stages) {
    try {
      stage.run(ctx);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      throw new Error(`pipeline stage "${stage.name}" failed on article ${ctx.article.id}: ${message}`, { cause: err });
    }
  }
}
