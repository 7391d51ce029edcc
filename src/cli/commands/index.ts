/** The command table: name → command module. One line per command. */
import { code } from './code.ts';
import { dict } from './dict.ts';
import { evalCommand } from './eval.ts';
import { ingestCommand } from './ingest.ts';
import { recode } from './recode.ts';
import { events } from './events.ts';
import { dyads } from './dyads.ts';
import { quotes } from './quotes.ts';
import { search } from './search.ts';
import { serve } from './serve.ts';
import { demo } from './demo.ts';
import { worker } from './worker.ts';
import { status } from './status.ts';
import type { CommandSpec } from './types.ts';

export const COMMANDS = {
  code,
  eval: evalCommand,
  dict,
  ingest: ingestCommand,
  recode,
  events,
  dyads,
  quotes,
  search,
  serve,
  demo,
  worker,
  status,
} satisfies Record<string, CommandSpec<any>>;

export type { CommandSpec } from './types.ts';
export type { CodeOptions } from './code.ts';
