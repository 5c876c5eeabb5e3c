import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { createOrgUnit } from '../../src/lib/org/org-units.ts';
import type { OrgUnitKind } from '../../src/lib/org/org.table.ts';
import { createUser } from '../../src/lib/users/users.ts';
import type { Role } from '../../src/lib/users/users.table.ts';

export const TEST_PASSWORD = 'test-password-1';
const all = { kind: 'all' } as const;

/** A small county: root, two townships, a village under the first. */
export async function makeCounty(db: Kysely<Database>) {
  const county = await createOrgUnit(db, all, null, { name: '测试县', kind: 'county', parentId: null });
  const townA = await createOrgUnit(db, all, null, { name: '甲镇', kind: 'township', parentId: county });
  const townB = await createOrgUnit(db, all, null, { name: '乙乡', kind: 'township', parentId: county });
  const villageA = await createOrgUnit(db, all, null, { name: '甲镇一村', kind: 'village' as OrgUnitKind, parentId: townA });
  return { county, townA, townB, villageA };
}

let counter = 0;
/** An account with the shared test password. */
export async function makeUser(db: Kysely<Database>, role: Role, orgUnitId: string, extra: { login?: string; name?: string; scopeUnitId?: string } = {}) {
  counter++;
  const login = extra.login ?? `${role}${counter}`;
  const id = await createUser(db, all, null, {
    login,
    name: extra.name ?? `${role}-${counter}`,
    password: TEST_PASSWORD,
    role,
    orgUnitId,
    scopeUnitId: extra.scopeUnitId,
  });
  return { id, login };
}
