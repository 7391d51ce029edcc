/**
 * The `dyad` command line: a thin shell over the library. `parseArgs` is pure
 * (argv → Command, or a DyadError('USAGE')); `runCli` does the I/O through
 * injected streams and turns errors into messages and exit codes:
 * 0 ok, 1 input or dictionary error, 2 usage error.
 */
import { readFileSync } from 'node:fs';
import { DyadError } from '../model/index.ts';
import { usageError } from './args.ts';
import { COMMANDS, type CommandSpec } from './commands/index.ts';
import type { CliIo } from './io.ts';

export type { CliIo } from './io.ts';
export type { CodeOptions } from './commands/index.ts';

type Commands = typeof COMMANDS;
export type CommandName = keyof Commands;

export type Command =
  | { kind: 'help'; command?: CommandName }
  | { kind: 'version' }
  | { [K in CommandName]: { kind: 'run'; name: K; options: ReturnType<Commands[K]['parse']> } }[CommandName];

const isCommand = (name: string): name is CommandName => Object.hasOwn(COMMANDS, name);
const commandList = () => Object.keys(COMMANDS).join(', ');

function commandName(name: string): CommandName {
  if (isCommand(name)) return name;
  throw usageError(`unknown command '${name}' (commands: ${commandList()})`);
}

/** Parse the arguments after `dyad`. Pure: no I/O, throws DyadError('USAGE'). */
export function parseArgs(argv: readonly string[]): Command {
  const [first, ...rest] = argv;
  if (first === undefined) throw usageError(`missing command (commands: ${commandList()})`);
  if (first === '-h' || first === '--help') return rest[0] === undefined ? { kind: 'help' } : { kind: 'help', command: commandName(rest[0]) };
  if (first === 'help') return rest[0] === undefined ? { kind: 'help' } : { kind: 'help', command: commandName(rest[0]) };
  if (first === '-v' || first === '--version') return { kind: 'version' };
  if (first.startsWith('-')) throw usageError(`unknown option '${first}'`);
  const name = commandName(first);
  const end = rest.indexOf('--');
  const own = end === -1 ? rest : rest.slice(0, end);
  if (own.includes('-h') || own.includes('--help')) return { kind: 'help', command: name };
  const spec = COMMANDS[name] as CommandSpec<unknown>;
  return { kind: 'run', name, options: spec.parse([...rest]) } as Command;
}

export function mainHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length)) + 4;
  const commands = Object.entries(COMMANDS)
    .map(([name, spec]) => `  ${name.padEnd(width)}${spec.summary}`)
    .join('\n');
  return `dyad: political events (CAMEO) from news text, with the evidence for each

Usage: dyad <command> [options]

Commands:
${commands}

Options:
  -h, --help      Show this help (dyad <command> --help for a command's options)
  -v, --version   Show the version

Exit codes: 0 ok, 1 input or dictionary error, 2 usage error.
`;
}

export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

const processIo = (): CliIo => ({ stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });

/** Run the CLI; resolves to the process exit code. Bad input never prints a stack trace. */
export async function runCli(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  try {
    const cmd = parseArgs(argv);
    switch (cmd.kind) {
      case 'help':
        io.stdout.write(cmd.command ? COMMANDS[cmd.command].help : mainHelp());
        return 0;
      case 'version':
        io.stdout.write(`${version()}\n`);
        return 0;
      case 'run':
        return await (COMMANDS[cmd.name] as CommandSpec<unknown>).run(cmd.options, io);
    }
  } catch (e) {
    if (e instanceof DyadError) {
      io.stderr.write(`dyad: ${e.message.replace(/\s*\n\s*/g, ' ')}\n`);
      return e.code === 'USAGE' ? 2 : 1;
    }
    io.stderr.write(`dyad: unexpected error (a bug in dyad; please report it):\n${(e as Error)?.stack ?? String(e)}\n`);
    return 1;
  }
}
