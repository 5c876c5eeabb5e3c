import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { listOrgUnits, type OrgUnit } from '../org/org-units.ts';
import { type ScopeSubject, scopeOf } from '../org/scope.ts';
import { listPositionsInUse } from '../users/positions.ts';
import { listPeople } from '../users/users.ts';

/** Trainers the actor may put in charge of a class: active trainers in their scope, and themself if a trainer. */
export async function trainerChoices(db: Kysely<Database>, actor: ScopeSubject & { name: string }): Promise<Array<{ id: string; name: string; unit: string }>> {
  const { people } = await listPeople(db, scopeOf(actor), { role: 'trainer', limit: 500 });
  const list = people.map((p) => ({ id: p.id, name: p.name, unit: p.orgUnitName }));
  if (actor.role === 'trainer' && !list.some((t) => t.id === actor.id)) list.unshift({ id: actor.id, name: actor.name, unit: '' });
  return list;
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
