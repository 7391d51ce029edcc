/** Publication dates as found in pages and feeds → YYYY-MM-DD. */

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTHS = MONTH_NAMES.join('|');

function valid(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/**
 * A date or date-time in any common web form (ISO 8601, RFC 822 as in RSS,
 * YYYYMMDD) → YYYY-MM-DD, or null. An ISO date keeps its own calendar day
 * (the publisher's local date); other forms are read in UTC.
 */
export function toIsoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const v = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(v) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(v);
  if (iso) {
    const [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    return valid(y, m, d) ? `${iso[1]}-${iso[2]}-${iso[3]}` : null;
  }
  if (!/[a-z]{3}/i.test(v) || !/\d{4}/.test(v)) return null; // free text like "yesterday"
  // "Mon, 02 Mar 2026 23:30:00 -0500" (RSS) and "March 2, 2026": the day as written
  const dmy = new RegExp(`\\b(\\d{1,2})\\s+(${MONTHS})[a-z]*\\.?,?\\s+(\\d{4})\\b`, 'i').exec(v);
  const mdy = new RegExp(`\\b(${MONTHS})[a-z]*\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i').exec(v);
  const parts = dmy ? [dmy[3], dmy[2], dmy[1]] : mdy ? [mdy[3], mdy[1], mdy[2]] : null;
  if (parts) {
    const [y, m, d] = [Number(parts[0]), MONTH_NAMES.indexOf(parts[1].slice(0, 3).toLowerCase()) + 1, Number(parts[2])];
    if (valid(y, m, d)) return `${parts[0]}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }
  const t = Date.parse(v);
  if (Number.isNaN(t)) return null;
  const date = new Date(t);
  const y = date.getUTCFullYear();
  if (y < 1900 || y > 2200) return null;
  return date.toISOString().slice(0, 10);
}
