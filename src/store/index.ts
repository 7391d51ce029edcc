/**
 * The store's public entry. `openStore(location)` picks the adapter from the
 * location: a `postgres://` or `postgresql://` URL opens PostgreSQL, anything
 * else is a SQLite file path (`sqlite:` prefix optional). The adapters are
 * loaded lazily, so importing this module loads no database driver.
 */
import type { OpenOptions, Store } from './store.ts';

export type * from './store.ts';
export { groupDyads, DYAD_PERIODS, type DyadPeriod, type DyadSummary } from './dyads.ts';
export { isCounted } from './shared.ts';
export { actorCodeParts, actorCountry, isCountryCode, type ActorCodeParts } from './actor-code.ts';

/** The default database: `dyad.db` in the working directory. */
export const DEFAULT_DB = 'dyad.db';

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

export async function openStore(location: string = DEFAULT_DB, options: OpenOptions = {}): Promise<Store> {
  if (isPostgresUrl(location)) {
    const { openPostgresStore } = await import('./postgres/postgres-store.ts');
    return openPostgresStore(location, options);
  }
  const { openSqliteStore } = await import('./sqlite/sqlite-store.ts');
  return openSqliteStore(location.replace(/^sqlite:/i, ''), options);
}
