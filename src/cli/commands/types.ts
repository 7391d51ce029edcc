import type { CliIo } from '../io.ts';

/**
 * A CLI command: a pure parser from its argv (after the command name) to
 * typed options, and a thin runner that calls the library. Add a command by
 * writing one file here and one line in the table in ./index.ts.
 */
export interface CommandSpec<O> {
  /** One line for `dyad --help`. */
  summary: string;
  /** The full `dyad <command> --help` text. */
  help: string;
  /** Pure: argv → options, or DyadError('USAGE') (use usageError from ../args.ts). */
  parse(argv: string[]): O;
  /** Runs the command; resolves to the exit code. Throws DyadError for bad input. */
  run(options: O, io: CliIo): Promise<number>;
}
