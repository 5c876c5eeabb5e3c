import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';
import { hashPassword } from '../src/lib/auth/password.ts';
import { DEMO_SETTING, getSetting, setSetting } from '../src/lib/settings/settings.ts';
import { newId } from '../src/lib/util/ids.ts';
import { beijingYear } from '../src/lib/hours/beijing-year.ts';
import { seedDemoActivity } from './seeds/demo-activity.ts';
import { seedDemoClasses } from './seeds/demo-classes.ts';
import { seedDemoAuthoring } from './seeds/demo-authoring.ts';
import { DEMO_COUNTY, DEMO_ORGANS, DEMO_PASSWORD, DEMO_STAFF, DEMO_TOWNSHIPS, demoCadres, type DemoUnit } from './seeds/demo-county.ts';

export type SeedOutcome = 'seeded' | 'activity-added' | 'already-seeded';

/** Set once the demo's year of activity is written, so it is written once. */
const DEMO_ACTIVITY_SETTING = 'demo_activity';

/**
 * Loads the demo county, with a year of study up to `now`, into an empty database (idempotent: a
 * database that already holds it is left alone; a demo database from before the activity existed,
 * untouched since, gets the activity). Refuses a database that has real accounts, so a production
 * database is never mixed with demo people.
 */
export async function seedDemo(db: Kysely<Database>, now = new Date()): Promise<SeedOutcome> {
  if ((await getSetting(db, DEMO_SETTING)) === '1') {
    const outcome = await addMissingActivity(db, now);
    await seedDemoClasses(db, now);
    await seedDemoAuthoring(db);
    return outcome;
  }
  const existing = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (existing) throw new Error('This database already has accounts that are not demo data; refusing to add the demo county to it.');

  const stamp = now.toISOString();
  // One Argon2id hash for the shared demo password keeps seeding fast; real accounts each get their own salt.
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  await db.transaction().execute(async (trx) => {
    const ids = new Map<string, { id: string; path: string }>();
    let order = 0;
    const addUnit = async (unit: Pick<DemoUnit, 'key' | 'name' | 'kind'>, parentKey?: string) => {
      const id = newId();
      const parent = parentKey ? ids.get(parentKey)! : undefined;
      const path = `${parent?.path ?? '/'}${id}/`;
      ids.set(unit.key, { id, path });
      await trx
        .insertInto('org_units')
        .values({ id, parent_id: parent?.id ?? null, name: unit.name, kind: unit.kind, path, sort_order: order++, created_at: stamp })
        .execute();
    };
    await addUnit(DEMO_COUNTY);
    for (const township of DEMO_TOWNSHIPS) {
      await addUnit(township, DEMO_COUNTY.key);
      for (const child of township.children ?? []) await addUnit(child, township.key);
    }
    for (const organ of DEMO_ORGANS) await addUnit(organ, DEMO_COUNTY.key);

    const accounts = [...DEMO_STAFF, ...demoCadres()];
    await trx
      .insertInto('users')
      .values(
        accounts.map((a) => ({
          id: newId(),
          login: a.login,
          name: a.name,
          password_hash: passwordHash,
          role: a.role,
          org_unit_id: ids.get(a.unit)!.id,
          scope_unit_id: a.scopeUnit ? ids.get(a.scopeUnit)!.id : null,
          position: a.position,
          phone: null,
          active: 1,
          created_at: stamp,
          updated_at: stamp,
        })),
      )
      .execute();
    // A demo setting, not a rule: the department sets its own targets per year, position and unit. The required
    // share is what the demo's required courses give (8 h): the demo catalog holds only 19 h of courses in all.
    await trx
      .insertInto('hours_targets')
      .values({ id: newId(), year: beijingYear(now), applies_to: 'default', match_value: '', total_tenths: 500, required_tenths: 80, updated_by: null, updated_at: stamp })
      .execute();
    await seedDemoActivity(trx, now, beijingYear(now));
    await seedDemoClasses(trx, now);
    await setSetting(trx, DEMO_SETTING, '1');
    await setSetting(trx, DEMO_ACTIVITY_SETTING, '1');
  });
  await seedDemoAuthoring(db);
  return 'seeded';
}

async function addMissingActivity(db: Kysely<Database>, now: Date): Promise<SeedOutcome> {
  if ((await getSetting(db, DEMO_ACTIVITY_SETTING)) === '1') return 'already-seeded';
  // Visitors may have studied meanwhile; generated records would clash with theirs, so leave such a database alone.
  const touched = await db.selectFrom('enrollments').select('id').limit(1).executeTakeFirst();
  if (touched) return 'already-seeded';
  await db.transaction().execute(async (trx) => {
    await seedDemoActivity(trx, now, beijingYear(now));
    await setSetting(trx, DEMO_ACTIVITY_SETTING, '1');
  });
  return 'activity-added';
}

if (import.meta.main) {
  const { createDb, parseDatabaseUrl } = await import('./connection.ts');
  const { migrateToLatest } = await import('./migrate.ts');
  const db = createDb(parseDatabaseUrl(process.env.DATABASE_URL));
  try {
    await migrateToLatest(db);
    const outcome = await seedDemo(db);
    const messages: Record<SeedOutcome, string> = {
      seeded: 'Demo county 永和县 loaded, with a year of activity.',
      'activity-added': 'Demo county already present; added its year of activity.',
      'already-seeded': 'Demo county already present; nothing changed.',
    };
    console.log(messages[outcome]);
  } finally {
    await db.destroy();
  }
}
