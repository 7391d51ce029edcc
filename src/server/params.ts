/**
 * Query-string parsing for the read API: each helper returns the typed value
 * or throws a BadRequest naming the parameter and what was expected.
 */
import { HTTPException } from 'hono/http-exception';
import { normalizeDate } from '../model/index.ts';

/** A 400 whose JSON body is `{ error, param? }`; rendered by the app's error handler. */
export class BadRequest extends HTTPException {
  constructor(
    message: string,
    readonly param?: string,
  ) {
    super(400, { message });
  }
}

type Query = (name: string) => string | undefined;

const ACTOR = /^[A-Za-z0-9]{1,30}$/;

export function actorParam(q: Query, name: string): string | undefined {
  const v = q(name);
  if (v === undefined || v === '') return undefined;
  if (!ACTOR.test(v)) throw new BadRequest(`bad ${name} '${v}' (expected a CAMEO actor code such as ISR or ISRGOV)`, name);
  return v.toUpperCase();
}

export function countryParam(q: Query, name: string): string | undefined {
  const v = q(name);
  if (v === undefined || v === '') return undefined;
  if (!/^[A-Za-z]{3}$/.test(v)) throw new BadRequest(`bad ${name} '${v}' (expected a 3-letter CAMEO country code such as RUS)`, name);
  return v.toUpperCase();
}



export function dateParam(q: Query, name: string): string | undefined {
  const v = q(name);
  if (v === undefined || v === '') return undefined;
  const d = normalizeDate(v);
  if (!d) throw new BadRequest(`bad ${name} '${v}' (expected YYYY-MM-DD or YYYYMMDD)`, name);
  return d;
}

export function intParam(q: Query, name: string, dflt: number, min: number, max: number): number {
  const v = q(name);
  if (v === undefined || v === '') return dflt;
  if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) throw new BadRequest(`bad ${name} '${v}' (expected a whole number from ${min} to ${max})`, name);
  return Number(v);
}

export function matchParam(q: Query, name: string, re: RegExp, expected: string): string | undefined {
  const v = q(name);
  if (v === undefined || v === '') return undefined;
  if (!re.test(v)) throw new BadRequest(`bad ${name} '${v}' (expected ${expected})`, name);
  return v;
}

export function oneOfParam<T extends string>(q: Query, name: string, values: readonly T[], dflt: T): T {
  const v = q(name);
  if (v === undefined || v === '') return dflt;
  if (!(values as readonly string[]).includes(v)) throw new BadRequest(`bad ${name} '${v}' (expected one of: ${values.join(', ')})`, name);
  return v as T;
}

export function boolParam(q: Query, name: string): boolean {
  const v = q(name);
  if (v === undefined || v === '' || v === '0' || v === 'false') return false;
  if (v === '1' || v === 'true') return true;
  throw new BadRequest(`bad ${name} '${v}' (expected true or false)`, name);
}

/** Paging: `limit` (1–max, default dflt) and `offset` (≥ 0). */
export function paging(q: Query, dflt = 50, max = 1000): { limit: number; offset: number } {
  return { limit: intParam(q, 'limit', dflt, 1, max), offset: intParam(q, 'offset', 0, 0, 10_000_000) };
}
