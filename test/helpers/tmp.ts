/** A scratch folder for one test file, removed when the test (or, at top level, the file) ends. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `dyad-${prefix}-`));
  after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
