export type * from './records.ts';
export { DyadError, type DyadErrorCode } from './errors.ts';
