/** The command table: name → command module. One line per command. */
import { code } from './code.ts';
import type { CommandSpec } from './types.ts';

export const COMMANDS = {
  code,
  // eval,        (src/cli/commands/eval.ts → runEval from src/eval/)
  // dict,        (src/cli/commands/dict.ts: `dyad dict check …`)
} satisfies Record<string, CommandSpec<any>>;

export type { CommandSpec } from './types.ts';
export type { CodeOptions } from './code.ts';
