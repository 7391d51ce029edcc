/**
 * CAMEO actor codes are runs of 3-letter parts: a country or region ("ISR",
 * "AFR"), or an international prefix ("IGO", "NGO") followed by a known group
 * ("UNO"), then role codes ("GOV", "MIL", …). This splits a code into those
 * parts, for the country columns of the store and the GDELT export.
 */

/** CAMEO role (sector) codes, primary to tertiary, plus the party code and Phoenix additions. */
const ROLES = new Set([
  'COP', 'GOV', 'INS', 'JUD', 'MIL', 'OPP', 'REB', 'SEP', 'SPY', 'UAF',
  'AGR', 'BUS', 'CRM', 'CVL', 'DEV', 'EDU', 'ELI', 'ENV', 'HLH', 'HRI', 'LAB', 'LEG', 'MED', 'REF',
  'MOD', 'RAD', 'PTY', 'PRM', 'JRN', 'SOC', 'REL', 'PRE', 'UNK',
]);

/** Prefixes of actors that have no country: international organisations, movements, companies. */
const INTERNATIONAL = new Set(['IGO', 'IMG', 'NGO', 'NGM', 'MNC', 'UIS', 'INT']);

export interface ActorCodeParts {
  /** The country or region code, or null when the actor has none. */
  country: string | null;
  /** For international actors ("IGOUNO", "NGOAMN"): the group after the prefix ("UNO"), else null. */
  knownGroup: string | null;
  /** Role codes in order ("GOV", "MIL"), at most three. */
  types: string[];
}

function chunks(code: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 3 <= code.length; i += 3) out.push(code.slice(i, i + 3));
  return out;
}

/** Split a CAMEO actor code into country, known group and role codes. */
export function actorCodeParts(code: string | null | undefined): ActorCodeParts {
  const parts = chunks((code ?? '').toUpperCase());
  const result: ActorCodeParts = { country: null, knownGroup: null, types: [] };
  let i = 0;
  const first = parts[0];
  if (first && /^[A-Z]{3}$/.test(first)) {
    if (INTERNATIONAL.has(first)) {
      const group = parts[1] && !ROLES.has(parts[1]) ? parts[1] : null;
      result.knownGroup = group;
      i = group ? 2 : 1;
    } else if (!ROLES.has(first)) {
      result.country = first;
      i = 1;
    }
  }
  for (; i < parts.length && result.types.length < 3; i++) if (ROLES.has(parts[i])) result.types.push(parts[i]);
  return result;
}

/** The country or region code of an actor code, or null. */
export function actorCountry(code: string | null | undefined): string | null {
  return actorCodeParts(code).country;
}

/** True when a filter value names a country: three letters that are not a role or international prefix. */
export function isCountryCode(value: string): boolean {
  const v = value.toUpperCase();
  return /^[A-Z]{3}$/.test(v) && !ROLES.has(v) && !INTERNATIONAL.has(v);
}
