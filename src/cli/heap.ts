/**
 * Garbage-collector setting for Dyad's own processes (the `dyad` CLI, its workers and servers).
 *
 * Coding allocates a lot of short-lived objects per article while the live set (dictionaries,
 * the language model) stays under 100 MB. V8's default lets the old generation grow to about
 * four times the live set before a full collection, so a long batch peaks near 550 MB of RSS
 * with the PETRARCH2 dictionaries. Letting it grow to two and a half times the live set
 * brings the peak to about 400 MB (`npm run bench`) for about 3% of ingest speed (twice the
 * live set: 350 MB, but 10% slower). A library user's process is left alone: only entry
 * points call this.
 */
import { setFlagsFromString } from 'node:v8';

const FLAG = 'heap-growing-percent';
export const HEAP_GROWING_PERCENT = 150;

/** Applies the setting unless the user chose their own (NODE_OPTIONS or node flags). */
export function tuneHeapForBatch(): void {
  const chosen = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) => a.includes(FLAG));
  if (!chosen) setFlagsFromString(`--${FLAG}=${HEAP_GROWING_PERCENT}`);
}
