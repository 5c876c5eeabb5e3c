import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { listOrgUnits, type OrgUnit } from '../org/org-units.ts';
import { type ScopeSubject, scopeOf } from '../org/scope.ts';
import { listPositionsInUse } from '../users/positions.ts';
import { listPeople } from '../users/users.ts';

/** Trainers the actor may put in charge of a class: staff and admins any active trainer in their scope, a trainer only themself. */
export async function trainerChoices(db: Kysely<Database>, actor: ScopeSubject & { name: string }): Promise<Array<{ id: string; name: string; unit: string }>> {
  if (actor.role === 'trainer') return [{ id: actor.id, name: actor.name, unit: '' }];
  const { people } = await listPeople(db, scopeOf(actor), { role: 'trainer', limit: 500 });
  return people.map((p) => ({ id: p.id, name: p.name, unit: p.orgUnitName }));
}

/**
 * Units and positions a roster may be built from: inside the class's unit subtree (whoever manages a
 * class has a scope covering that unit, so the subtree is inside their scope too).
 */
export async function rosterChoices(db: Kysely<Database>, actor: ScopeSubject, classUnitPath: string): Promise<{ units: OrgUnit[]; positions: string[] }> {
  const units = (await listOrgUnits(db, scopeOf(actor))).filter((u) => u.path.startsWith(classUnitPath));
  const positions = await listPositionsInUse(db, { kind: 'subtree', orgUnitPath: classUnitPath });
  return { units, positions };
}
