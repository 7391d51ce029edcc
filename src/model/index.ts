export type * from './records.ts';
export { DyadError, type DyadErrorCode } from './errors.ts';
export { parseDate, formatDate, normalizeDate } from './dates.ts';
