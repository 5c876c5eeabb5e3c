import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { NotFoundError } from '../errors.ts';
import { type ScopeSubject, scopeCoversUnit, scopeOf } from '../org/scope.ts';
import type { Role } from '../users/users.table.ts';
import type { ClassesTable } from './classes.table.ts';

/** A class row with the names and the unit path the rules and pages need. */
export interface ClassRecord extends ClassesTable {
  unit_name: string;
  unit_path: string;
  trainer_name: string;
}

/** Trainers, organisation staff and admins run classes; cadres only attend them. */
export function mayRunClasses(role: Role): boolean {
  return role === 'trainer' || role === 'staff' || role === 'admin';
}

/**
 * Who manages a class: its responsible trainer, and staff or admins whose scope covers the class's
 * unit. Another trainer, even one whose scope covers the unit, does not.
 */
export function mayManageClass(actor: ScopeSubject, cls: { trainer_id: string; unit_path: string }): boolean {
  if (actor.id === cls.trainer_id) return true;
  return (actor.role === 'staff' || actor.role === 'admin') && scopeCoversUnit(scopeOf(actor), cls.unit_path);
}

/** The class with its unit and trainer, or null. */
export async function findClass(db: Kysely<Database>, classId: string): Promise<ClassRecord | null> {
  const row = await db
    .selectFrom('classes')
    .innerJoin('org_units', 'org_units.id', 'classes.org_unit_id')
    .innerJoin('users as trainer', 'trainer.id', 'classes.trainer_id')
    .selectAll('classes')
    .select(['org_units.name as unit_name', 'org_units.path as unit_path', 'trainer.name as trainer_name'])
    .where('classes.id', '=', classId)
    .executeTakeFirst();
  return row ?? null;
}

const CLASS_NOT_FOUND = '找不到该班次，或您不是它的负责人。';

/** The class if the actor manages it; otherwise NotFound, the same answer as for an id that does not exist. */
export async function requireManagedClass(db: Kysely<Database>, actor: ScopeSubject, classId: string): Promise<ClassRecord> {
  const cls = await findClass(db, classId);
  if (!cls || !mayManageClass(actor, cls)) throw new NotFoundError(CLASS_NOT_FOUND);
  return cls;
}

export type ClassViewer = 'manager' | 'member';

/** Whether the person is on the class's roster. */
export async function isMember(db: Kysely<Database>, classId: string, userId: string): Promise<boolean> {
  const row = await db.selectFrom('class_members').select('user_id').where('class_id', '=', classId).where('user_id', '=', userId).executeTakeFirst();
  return Boolean(row);
}

/** The class for a manager or a cadre on its roster, and which of the two is looking; NotFound for anyone else. */
export async function requireClassViewer(db: Kysely<Database>, viewer: ScopeSubject, classId: string): Promise<{ cls: ClassRecord; as: ClassViewer }> {
  const cls = await findClass(db, classId);
  if (cls && mayManageClass(viewer, cls)) return { cls, as: 'manager' };
  if (cls && (await isMember(db, classId, viewer.id))) return { cls, as: 'member' };
  throw new NotFoundError('找不到该班次。');
}
