// TEMPORARY STUB (being replaced by the real coder): same signature as the final API.
import type { ArticleInput, CodedArticle } from '../model/index.ts';

export interface CoderOptions {
  /** Extra dictionary directories, in order; each kind of file they hold replaces the built-in one. */
  dictDirs?: string[];
}

export interface Coder {
  code(input: ArticleInput): CodedArticle;
  /** Content hash of the loaded dictionary set. */
  readonly dictionaryVersion: string;
  /** Milliseconds spent loading dictionaries. */
  readonly loadMs: number;
}

export async function createCoder(_options: CoderOptions = {}): Promise<Coder> {
  return {
    dictionaryVersion: 'stub',
    loadMs: 0,
    code(input) {
      return { id: input.id ?? 'doc', date: input.date ?? null, sentences: [], events: [] };
    },
  };
}
