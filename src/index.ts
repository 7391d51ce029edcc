/** Dyad's library entry: everything the CLI, server and workers use. */
export { createCoder, type Coder, type CoderOptions } from './events/index.ts';
export * from './model/index.ts';
