/**
 * Errors Dyad throws on bad input. Library code throws; only the CLI decides
 * how to print them and which exit code to use.
 */
export type DyadErrorCode =
  | 'DICT_SYNTAX' // a dictionary line that cannot be parsed
  | 'DICT_MISSING' // a dictionary directory or file that is not there
  | 'INPUT' // an input text or file that cannot be used
  | 'USAGE'; // a bad command-line option

export class DyadError extends Error {
  readonly code: DyadErrorCode;
  /** For dictionary errors: the file and 1-based line. */
  readonly file?: string;
  readonly line?: number;

  constructor(code: DyadErrorCode, message: string, where?: { file?: string; line?: number }) {
    super(where?.file ? `${where.file}${where.line ? `:${where.line}` : ''}: ${message}` : message);
    this.name = 'DyadError';
    this.code = code;
    this.file = where?.file;
    this.line = where?.line;
  }
}
