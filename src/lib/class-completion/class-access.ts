import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { findClass, isMember, mayManageClass, type ClassRecord } from '../classes/access.ts';
import { NotFoundError } from '../errors.ts';
import type { ScopeSubject } from '../org/scope.ts';

/** A class with the path of the unit it serves (for the scope rule). */
export type ClassRow = ClassRecord;

/** How the viewer stands to a class: its reviewer (trainer in charge, or staff/admin over its unit), a member, or both. */
export interface ClassAccess {
  cls: ClassRow;
  reviewer: boolean;
  member: boolean;
}

const NOT_FOUND = '找不到这个班次，或您不是它的学员、负责教师或管理人员。';

/** Who reviews notes and sees a class's completion: exactly those who manage the class (classes/access.ts). */
export const isClassReviewer = mayManageClass;

/** The class and the viewer's standing; NotFound (404) when the viewer is neither reviewer nor member, as for a missing id. */
export async function requireClassAccess(db: Kysely<Database>, viewer: ScopeSubject, classId: string): Promise<ClassAccess> {
  const cls = await findClass(db, classId);
  if (!cls) throw new NotFoundError(NOT_FOUND);
  const access = { cls, reviewer: isClassReviewer(viewer, cls), member: await isMember(db, classId, viewer.id) };
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
