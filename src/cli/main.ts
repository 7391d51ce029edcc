import { runCli } from './index.ts';

// `dyad … | head` may close the pipe early: stop quietly rather than crash.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(process.exitCode ?? 0);
});
process.exitCode = await runCli(process.argv.slice(2));
