import type { Kysely } from 'kysely';
import { createDb, parseDatabaseUrl } from '../../db/connection.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import type { Database } from '../../db/schema.ts';

let instance: Kysely<Database> | undefined;
let ready: Promise<Kysely<Database>> | undefined;

/**
 * The server's database, opened from DATABASE_URL on first use and migrated to the latest
 * version before the first request is served (migrations are idempotent, so several servers may race).
 */
export function database(): Promise<Kysely<Database>> {
  ready ??= (async () => {
    instance = createDb(parseDatabaseUrl(process.env.DATABASE_URL));
    await migrateToLatest(instance);
    return instance;
  })().catch((error) => {
    ready = undefined;
    throw error;
  });
  return ready;
}
