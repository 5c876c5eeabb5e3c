import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { ClassesTable } from '../classes/classes.table.ts';
import { NotFoundError } from '../errors.ts';
import { type ScopeSubject, scopeCoversUnit, scopeOf } from '../org/scope.ts';

/** A class with the path of the unit it serves (for the scope rule). */
export type ClassRow = ClassesTable & { unit_path: string; trainer_name: string };

/** How the viewer stands to a class: its reviewer (trainer in charge, or staff/admin over its unit), a member, or both. */
export interface ClassAccess {
  cls: ClassRow;
  reviewer: boolean;
  member: boolean;
}

const NOT_FOUND = '找不到这个班次，或您不是它的学员、负责教师或管理人员。';

async function findClass(db: Kysely<Database>, classId: string): Promise<ClassRow | undefined> {
  return db
    .selectFrom('classes')
    .innerJoin('org_units', 'org_units.id', 'classes.org_unit_id')
    .innerJoin('users as trainer', 'trainer.id', 'classes.trainer_id')
    .selectAll('classes')
    .select(['org_units.path as unit_path', 'trainer.name as trainer_name'])
    .where('classes.id', '=', classId)
    .executeTakeFirst();
}

/**
 * Who reviews notes and sees a class's completion: the class's responsible trainer, and staff and
 * admins whose scope covers the class's unit. Other trainers, even of the same township, do not.
 */
export function isClassReviewer(viewer: ScopeSubject, cls: Pick<ClassRow, 'trainer_id' | 'unit_path'>): boolean {
  if (viewer.id === cls.trainer_id) return true;
  return (viewer.role === 'staff' || viewer.role === 'admin') && scopeCoversUnit(scopeOf(viewer), cls.unit_path);
}

/** The class and the viewer's standing; NotFound (404) when the viewer is neither reviewer nor member, as for a missing id. */
export async function requireClassAccess(db: Kysely<Database>, viewer: ScopeSubject, classId: string): Promise<ClassAccess> {
  const cls = await findClass(db, classId);
  if (!cls) throw new NotFoundError(NOT_FOUND);
  const member = await db.selectFrom('class_members').select('user_id').where('class_id', '=', classId).where('user_id', '=', viewer.id).executeTakeFirst();
  const access = { cls, reviewer: isClassReviewer(viewer, cls), member: member !== undefined };
  if (!access.reviewer && !access.member) throw new NotFoundError(NOT_FOUND);
  return access;
}

/** The class if the viewer reviews it, else NotFound. */
export async function requireClassReviewer(db: Kysely<Database>, viewer: ScopeSubject, classId: string): Promise<ClassRow> {
  const access = await requireClassAccess(db, viewer, classId);
  if (!access.reviewer) throw new NotFoundError(NOT_FOUND);
  return access.cls;
}

/** The class if the viewer is on its roster, else NotFound. */
export async function requireClassMember(db: Kysely<Database>, viewer: ScopeSubject, classId: string): Promise<ClassRow> {
  const access = await requireClassAccess(db, viewer, classId);
  if (!access.member) throw new NotFoundError(NOT_FOUND);
  return access.cls;
}
