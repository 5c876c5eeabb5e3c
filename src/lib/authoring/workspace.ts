import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { type ScopeSubject, scopeOf, unitsInScope } from '../org/scope.ts';
import { type AuthoredCourseRecord, requireViewableCourse } from './access.ts';
import type { VersionStatus } from './authoring.table.ts';
import { type CourseEvent, type CourseVersion, findOpenVersion, findVersion, listCourseEvents, listVersions, type VersionSummary } from './versions.repository.ts';

export interface Workspace {
  course: AuthoredCourseRecord;
  viewer: 'author' | 'reviewer';
  /** The open version (draft, returned or submitted), if any. */
  working: CourseVersion | null;
  published: CourseVersion | null;
  versions: VersionSummary[];
  events: CourseEvent[];
}

/** Everything the authoring and review pages show of one course. */
export async function loadWorkspace(db: Kysely<Database>, actor: ScopeSubject, slug: string): Promise<Workspace> {
  const course = await requireViewableCourse(db, actor, slug);
  const [working, published, versions, events] = await Promise.all([
    findOpenVersion(db, slug),
    course.published_version === null ? null : findVersion(db, slug, course.published_version),
    listVersions(db, slug),
    listCourseEvents(db, slug),
  ]);
  return { course, viewer: course.author_id === actor.id ? 'author' : 'reviewer', working, published, versions, events };
}

export interface AuthoringListItem {
  slug: string;
  title: string;
  authorName: string;
  authorUnitName: string;
  /** Status of the open version, or null when only published versions exist. */
  status: VersionStatus | null;
  publishedVersion: number | null;
  viewer: 'author' | 'reviewer';
  updatedAt: string;
}

/** The actor's own courses and the courses they may review, newest change first. */
export async function listAuthoring(db: Kysely<Database>, actor: ScopeSubject): Promise<AuthoringListItem[]> {
  const rows = await db
    .selectFrom('authored_courses')
    .innerJoin('users', 'users.id', 'authored_courses.author_id')
    .innerJoin('org_units', 'org_units.id', 'users.org_unit_id')
    .innerJoin('course_versions', (join) =>
      join.onRef('course_versions.course_slug', '=', 'authored_courses.slug').on((eb) =>
        eb('course_versions.number', '=', eb.selectFrom('course_versions as v').select((e) => e.fn.max('v.number').as('n')).whereRef('v.course_slug', '=', 'authored_courses.slug')),
      ),
    )
    .select([
      'authored_courses.slug',
      'authored_courses.author_id',
      'authored_courses.published_version',
      'users.name as author_name',
      'org_units.name as author_unit_name',
      'course_versions.status',
      'course_versions.content',
      'course_versions.updated_at',
    ])
    // Own courses, and for staff and admins those whose author is in their scope: the rule of mayReview, in SQL.
    .where((eb) => {
      const mine = eb('authored_courses.author_id', '=', actor.id);
      return actor.role === 'staff' || actor.role === 'admin' ? eb.or([mine, unitsInScope(scopeOf(actor))(eb)]) : mine;
    })
    .orderBy('course_versions.updated_at', 'desc')
    .execute();
  return rows.map((r) => ({
    slug: r.slug,
    title: String((JSON.parse(r.content) as { course: { title?: unknown } }).course.title ?? r.slug),
    authorName: r.author_name,
    authorUnitName: r.author_unit_name,
    status: r.status === 'published' ? null : r.status,
    publishedVersion: r.published_version,
    viewer: r.author_id === actor.id ? 'author' : 'reviewer',
    updatedAt: r.updated_at,
  }));
}
