/**
 * The coder's public entry: load dictionaries once, then code articles.
 * `createCoder` is what the CLI, the evaluations, the server and the workers use.
 */
import { CODE_TABLES, loadCameoCodes, loadCodePrefixes, loadComplementCodes, loadPrefixCodes } from '../codes/index.ts';
import { BUILTIN_DICT_DIR, loadDictionaries, matchPhraseAt, type Dictionaries } from '../dictionaries/index.ts';
import { DyadError, formatDate, parseDate, type ArticleInput, type CodedArticle, type EventRecord } from '../model/index.ts';
import { analyze, type Doc } from '../text/index.ts';
import { runStages, STAGES, type Stage } from '../pipeline/index.ts';
import { codeSentence, type CodeTables, type CodingOptions, type SentenceState } from './coder.ts';

export type { CodingOptions } from './coder.ts';
export { parseDate } from '../model/index.ts';

export interface CoderOptions extends CodingOptions {
  /** Extra dictionary directories, in order; each kind of file they hold replaces the built-in one. */
  dictDirs?: string[];
  /** Use Dyad's built-in dictionaries for kinds the `dictDirs` don't provide (default true). */
  builtin?: boolean;
  /** Stop on the first malformed dictionary line instead of skipping and reporting it. */
  strictDictionaries?: boolean;
  /** Date used for dated actor roles when an article has none (default: today). */
  today?: () => Date;
  /** Stages run after event coding (default: all of src/pipeline's STAGES, in order). */
  stages?: readonly Stage[];
}

export interface Coder {
  code(input: ArticleInput, options?: CodingOptions): CodedArticle;
  /** Content hash of the loaded dictionary set. */
  readonly dictionaryVersion: string;
  /** Milliseconds spent loading dictionaries. */
  readonly loadMs: number;
  readonly dictionaries: Dictionaries;
}

/** Text at `at` is a word boundary: whitespace, or the end of the text. */
const spaceAt = (text: string, at: number) => at < 0 || at >= text.length || /\s/.test(text[at]);

/**
 * The first discard phrase of the given level in tokens [from, to). PETRARCH2 looks discard
 * phrases up among the whitespace-separated words of the text, so with `wholeWords` (a PETRARCH
 * discard list) a phrase is found only as whole such words: "three years ago, a police officer
 * said" holds "AGO," and not YEARS AGO. Dyad's own list is matched on tokens: "in the Premier
 * League." is a sports story.
 */
function discardedBy(doc: Doc, dicts: Dictionaries, story: boolean, from: number, to: number, wholeWords: boolean) {
  const { tokens, text } = doc;
  for (let i = from; i < to; i++) {
    const hit = matchPhraseAt(dicts.discardIndex, tokens, i, to, tokens[i].norm, (d) => d.story === story);
    if (hit && (!wholeWords || (spaceAt(text, tokens[i].start - 1) && spaceAt(text, tokens[i + hit.len - 1].end)))) return hit.value;
  }
  return null;
}

export async function createCoder(options: CoderOptions = {}): Promise<Coder> {
  const dictionaries = loadDictionaries({ dirs: options.dictDirs, builtin: options.builtin, strict: options.strictDictionaries });
  // a user's discard file replaces Dyad's own and is read the way PETRARCH2 reads it
  const wholeWordDiscards = dictionaries.files.some((f) => f.kind === 'discards' && !f.path.startsWith(BUILTIN_DICT_DIR));
  const codes = loadCameoCodes();
  const tables: CodeTables = {
    codes,
    complements: loadComplementCodes(codes),
    refusals: loadPrefixCodes(codes, CODE_TABLES.refusals),
    isReciprocal: loadCodePrefixes(CODE_TABLES.reciprocal),
  };
  const today = options.today ?? (() => new Date());
  const stages = options.stages ?? STAGES;
  const baseOptions: CodingOptions = {
    requireDyad: options.requireDyad,
    commaMin: options.commaMin,
    commaMax: options.commaMax,
    commaEndMin: options.commaEndMin,
    commaEndMax: options.commaEndMax,
  };
  for (const k of Object.keys(baseOptions) as Array<keyof CodingOptions>) if (baseOptions[k] === undefined) delete baseOptions[k];

  return {
    dictionaryVersion: dictionaries.version,
    loadMs: dictionaries.loadMs,
    dictionaries,
    code(input: ArticleInput, perCall: CodingOptions = {}): CodedArticle {
      if (typeof input.text !== 'string') throw new DyadError('INPUT', 'article text must be a string');
      let dateNum: number | null = null;
      if (input.date !== undefined && input.date !== null && input.date !== '') {
        dateNum = parseDate(input.date);
        if (dateNum === null) throw new DyadError('INPUT', `bad date "${input.date}" (want YYYY-MM-DD)`);
      }
      const now = today();
      const roleDate = dateNum ?? now.getUTCFullYear() * 10000 + (now.getUTCMonth() + 1) * 100 + now.getUTCDate();
      const doc = analyze(input.text);
      const result: CodedArticle = {
        id: input.id ?? 'doc',
        date: dateNum === null ? null : formatDate(dateNum),
        sentences: doc.sentences.map((s) => ({ start: s.start, end: s.end, text: s.text })),
        events: [],
        dictionaryVersion: dictionaries.version,
      };
      const story = discardedBy(doc, dictionaries, true, 0, doc.tokens.length, wholeWordDiscards);
      if (story) {
        result.discarded = { file: story.loc.file, line: story.loc.line, text: story.text };
        return result;
      }
      const state: SentenceState = { lastSource: null, actors: doc.sentences.map(() => []), names: new Map() };
      const opts = { ...baseOptions, ...perCall };
      const events: EventRecord[] = [];
      for (const s of doc.sentences) {
        if (discardedBy(doc, dictionaries, false, s.tokenStart, s.tokenEnd, wholeWordDiscards)) continue;
        events.push(...codeSentence(doc, s, dictionaries, tables, roleDate, state, opts));
      }
      result.events = events;
      runStages({ doc, article: result, dictionaries, published: dateNum, actors: state.actors }, stages);
      return result;
    },
  };
}
