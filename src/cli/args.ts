/** Option parsing helpers shared by the commands: pure, they only throw DyadError('USAGE'). */
import { parseArgs as nodeParseArgs, type ParseArgsConfig } from 'node:util';
import { DyadError } from '../model/index.ts';

/** A usage error with a hint to the relevant help, on one line. */
export function usageError(message: string, command?: string): DyadError {
  const help = command ? `dyad ${command} --help` : 'dyad --help';
  return new DyadError('USAGE', `${message}; see '${help}'`);
}

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * node:util parseArgs in strict mode, with its errors turned into short usage
 * errors that name the command.
 */
export function parseOptions<O extends Options>(command: string, options: O, argv: string[]) {
  try {
    return nodeParseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw usageError(describeParseError(e), command);
  }
}

function describeParseError(e: unknown): string {
  const err = e as { code?: string; message?: string };
  const msg = err.message ?? String(e);
  const opt = /'(-[^' ]*)/.exec(msg)?.[1];
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option '${opt ?? msg}'`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (/does not take an argument/.test(msg)) return `option '${opt}' takes no value`;
      return `option '${opt}' needs a value`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return msg.split('.')[0].toLowerCase();
    default:
      return msg.split('\n')[0];
  }
}

/** One of a fixed set of values, or a usage error naming the option and the choices. */
export function oneOf<T extends string>(
  command: string,
  option: string,
  value: string,
  choices: readonly T[],
): T {
  if ((choices as readonly string[]).includes(value)) return value as T;
  const list = choices.length > 1 ? `${choices.slice(0, -1).join(', ')} or ${choices.at(-1)}` : choices[0];
  throw usageError(`bad --${option} '${value}' (expected ${list})`, command);
}

/** A calendar date as YYYY-MM-DD or YYYYMMDD, normalized to YYYY-MM-DD; null when it is not a real date. */
export { normalizeDate } from '../model/index.ts';
