import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';

export const DEMO_SETTING = 'demo_data';

export async function getSetting(db: Kysely<Database>, key: string): Promise<string | null> {
  const row = await db.selectFrom('app_settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
}

export async function setSetting(db: Kysely<Database>, key: string, value: string): Promise<void> {
  await db
    .insertInto('app_settings')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

let demoCache: { value: boolean; at: number } | undefined;
/** Whether the demo county is loaded; read at most every 30 s since it changes only when seeding. */
export async function isDemoDatabase(db: Kysely<Database>, now = Date.now()): Promise<boolean> {
  if (demoCache && now - demoCache.at < 30_000) return demoCache.value;
  const value = (await getSetting(db, DEMO_SETTING)) === '1';
  demoCache = { value, at: now };
  return value;
}
