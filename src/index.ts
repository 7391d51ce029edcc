/** Dyad's library entry: everything the CLI, server and workers use. */
export { createCoder, parseDate, type Coder, type CoderOptions, type CodingOptions } from './events/index.ts';
export {
  loadDictionaries,
  checkDictionaries,
  dictionaryStats,
  type Dictionaries,
  type DictionaryStats,
  type Diagnostic,
} from './dictionaries/index.ts';
export { loadCameoCodes, type CameoTable, type CameoCodeInfo } from './codes/index.ts';
export * from './model/index.ts';
export { openStore, DEFAULT_DB, type Store } from './store/index.ts';
export { STAGES, type Stage, type ArticleContext } from './pipeline/index.ts';
