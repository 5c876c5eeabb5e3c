import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import { type ScopeSubject, scopeCoversUnit, scopeOf } from '../org/scope.ts';
import type { Role } from '../users/users.table.ts';
import type { AuthoredCoursesTable } from './authoring.table.ts';

/** An authored course with what the access rules need to know of its author. */
export interface AuthoredCourseRecord extends AuthoredCoursesTable {
  author_name: string;
  author_unit_path: string;
  author_unit_name: string;
}

/** Trainers write courses; staff and admins may too (another reviewer then approves them). */
export function mayAuthor(role: Role): boolean {
  return role === 'trainer' || role === 'staff' || role === 'admin';
}

/** Reviewers are staff or admins whose scope covers the author's unit. The author never reviews their own course. */
export function mayReview(actor: ScopeSubject, course: Pick<AuthoredCourseRecord, 'author_id' | 'author_unit_path'>): boolean {
  if (actor.id === course.author_id) return false;
  return (actor.role === 'staff' || actor.role === 'admin') && scopeCoversUnit(scopeOf(actor), course.author_unit_path);
}

/** The author works on the course; its reviewers see it. Everyone else does not learn it exists. */
export function mayViewAuthoring(actor: ScopeSubject, course: Pick<AuthoredCourseRecord, 'author_id' | 'author_unit_path'>): boolean {
  return actor.id === course.author_id || mayReview(actor, course);
}

export async function findAuthoredCourse(db: Kysely<Database>, slug: string): Promise<AuthoredCourseRecord | null> {
  const row = await db
    .selectFrom('authored_courses')
    .innerJoin('users', 'users.id', 'authored_courses.author_id')
    .innerJoin('org_units', 'org_units.id', 'users.org_unit_id')
    .selectAll('authored_courses')
    .select(['users.name as author_name', 'org_units.path as author_unit_path', 'org_units.name as author_unit_name'])
    .where('authored_courses.slug', '=', slug)
    .executeTakeFirst();
  return row ?? null;
}

const NOT_FOUND = '找不到这门课程，或您无权查看它的编写稿。';

/** The course if the actor may see its authoring workspace; 404 otherwise. */
export async function requireViewableCourse(db: Kysely<Database>, actor: ScopeSubject, slug: string): Promise<AuthoredCourseRecord> {
  const course = await findAuthoredCourse(db, slug);
  if (!course || !mayViewAuthoring(actor, course)) throw new NotFoundError(NOT_FOUND);
  return course;
}

/** The course if the actor is its author; a reviewer gets 403 (they may look, not write). */
export async function requireEditableCourse(db: Kysely<Database>, actor: ScopeSubject, slug: string): Promise<AuthoredCourseRecord> {
  const course = await requireViewableCourse(db, actor, slug);
  if (course.author_id !== actor.id) throw new ForbiddenError('只有课程的编写者可以修改课程；审核人只能退回或发布。');
  return course;
}

/** The course if the actor may review it; the author gets 403 (two-person rule). */
export async function requireReviewableCourse(db: Kysely<Database>, actor: ScopeSubject, slug: string): Promise<AuthoredCourseRecord> {
  const course = await requireViewableCourse(db, actor, slug);
  if (!mayReview(actor, course)) throw new ForbiddenError('课程不能由编写者本人审核：请由管辖编写者所在单位的组织部工作人员审核。');
  return course;
}
