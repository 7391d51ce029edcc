/** How commands report dictionary lines that were skipped while loading. */
import type { Diagnostic } from '../dictionaries/index.ts';
import type { CliIo } from './io.ts';

const SHOWN = 5;

/** One line per skipped line (file:line: problem), at most a few, then a pointer to `dyad dict check`. */
export function reportSkippedLines(diagnostics: readonly Diagnostic[], io: CliIo): void {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  for (const d of errors.slice(0, SHOWN)) io.stderr.write(`dyad: dictionary error: ${d.file}:${d.line}: ${d.message} (line skipped)\n`);
  if (errors.length > SHOWN) {
    io.stderr.write(`dyad: ${errors.length - SHOWN} more dictionary lines skipped; run 'dyad dict check DIR' for all of them\n`);
  }
}
