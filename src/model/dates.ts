/**
 * Calendar dates as Dyad takes them from users: YYYY-MM-DD or YYYYMMDD, a real day.
 * One parser for the CLI, the server, the evaluations and the coder.
 */

/** "2026-11-20" or "20261120" → 20261120; anything else, or a day that does not exist → null. */
export function parseDate(value: string): number | null {
  const v = value.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(v);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return y * 10000 + mo * 100 + d;
}

/** 20261120 → "2026-11-20". */
export function formatDate(n: number): string {
  const s = String(n).padStart(8, '0');
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
}

/** YYYY-MM-DD or YYYYMMDD → YYYY-MM-DD; null when it is not a real date. */
export function normalizeDate(value: string): string | null {
  const n = parseDate(value);
  return n === null ? null : formatDate(n);
}
