/** The command table: name → command module. One line per command. */
import { code } from './code.ts';
import { dict } from './dict.ts';
import { evalCommand } from './eval.ts';
import type { CommandSpec } from './types.ts';

export const COMMANDS = {
  code,
  eval: evalCommand,
  dict,
} satisfies Record<string, CommandSpec<any>>;

export type { CommandSpec } from './types.ts';
export type { CodeOptions } from './code.ts';
