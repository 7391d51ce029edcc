/** The `dyad` CLI run inside the test process (no start-up cost), its output captured. */
import { PassThrough } from 'node:stream';
import { runCli } from '../../src/cli/index.ts';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cliInProcess(args: string[], input = ''): Promise<CliRun> {
  const stdin = new PassThrough();
  stdin.end(input);
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.setEncoding('utf8').on('data', (d) => (out += d));
  stderr.setEncoding('utf8').on('data', (d) => (err += d));
  const code = await runCli(args, { stdin, stdout, stderr });
  await new Promise((r) => setImmediate(r)); // let the last 'data' events arrive
  return { code, stdout: out, stderr: err };
}
