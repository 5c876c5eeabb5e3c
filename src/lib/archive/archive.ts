import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { Catalog } from '../catalog/catalog.ts';
import type { CertificateKind } from '../certificates/certificates.table.ts';
import { type PersonClass, personClasses } from '../classes/person-classes.ts';
import type { EnrollmentOrigin } from '../enrollment/enrollment.table.ts';
import { beijingYear } from '../hours/beijing-year.ts';
import { type LedgerEntry, listLedger, type YearTotals } from '../hours/ledger.ts';
import { type Target, targetFor } from '../hours/targets.ts';
import { type ScopeSubject, scopeOf } from '../org/scope.ts';
import type { AttemptStatus } from '../quiz/quiz.table.ts';
import { readingListOf } from '../reading/reading-list.ts';
import { getPerson, type Person } from '../users/users.ts';
import { type ArchiveReadingNote, readingNotesOf } from './reading-notes.ts';

/** What the archive needs to know of a course; the catalog lives in the content layer, so callers pass a lookup. */
export interface CourseInfo {
  title: string;
  lessonIds: readonly string[];
  /** A 读书班 course's reading list (key and title), for the reading notes section. */
  readings?: ReadonlyArray<{ key: string; title: string }>;
}
export type CourseLookup = (courseId: string) => CourseInfo | undefined;

/** A lookup over the built catalog (pages and endpoints get the catalog from `loadCatalog()`). */
export function lookupInCatalog(catalog: Pick<Catalog, 'bySlug'>): CourseLookup {
  return (courseId) => {
    const course = catalog.bySlug.get(courseId);
    if (!course) return undefined;
    const info: CourseInfo = { title: course.title, lessonIds: course.lessons.map((l) => l.id) };
    if (course.readings) info.readings = readingListOf(course).map(({ key, title }) => ({ key, title }));
    return info;
  };
}

export interface ArchiveEnrollment {
  courseId: string;
  courseTitle: string;
  required: boolean;
  origin: EnrollmentOrigin;
  enrolledAt: string;
  lessonsDone: number;
  /** Lessons the course has now; null when it is no longer in the catalog. */
  lessonsTotal: number | null;
  lessonsCompletedAt: string | null;
  quizPassedAt: string | null;
  completedAt: string | null;
}

/** A quiz attempt as the archive shows it: the outcome only, never the paper or the answers. */
export interface ArchiveAttempt {
  id: string;
  courseId: string;
  courseTitle: string;
  status: AttemptStatus;
  scorePercent: number | null;
  passed: boolean;
  startedAt: string;
  submittedAt: string | null;
}

export interface ArchiveYear {
  year: number;
  totals: YearTotals;
  target: Target | null;
  entries: LedgerEntry[];
}

export interface ArchiveCertificate {
  kind: CertificateKind;
  title: string;
  code: string;
  hoursTenths: number;
  completedOn: string;
  issuedAt: string;
}

export interface Archive {
  person: Person;
  enrollments: ArchiveEnrollment[];
  attempts: ArchiveAttempt[];
  years: ArchiveYear[];
  certificates: ArchiveCertificate[];
  readingNotes: ArchiveReadingNote[];
  /** Classes (班次) with attendance per session, leave share and who recorded manual entries. */
  classes: PersonClass[];
}

/** Groups ledger entries by year, newest year first, always including `current`; sums each year. */
export function groupLedgerByYear(entries: LedgerEntry[], current: number): Array<Omit<ArchiveYear, 'target'>> {
  const years = [...new Set([current, ...entries.map((e) => e.year)])].sort((a, b) => b - a);
  return years.map((year) => {
    const own = entries.filter((e) => e.year === year);
    const totalTenths = own.reduce((sum, e) => sum + e.hoursTenths, 0);
    const requiredTenths = own.reduce((sum, e) => sum + (e.countsAsRequired ? e.hoursTenths : 0), 0);
    return { year, totals: { totalTenths, requiredTenths }, entries: own };
  });
}

/** Ids of the entries that may still be reversed: in an open year, not a reversal themselves, not reversed already. */
export function reversibleEntryIds(entries: LedgerEntry[], openYears: number[]): Set<string> {
  const reversed = new Set(entries.map((e) => e.reversesId).filter((id): id is string => id !== null));
  return new Set(entries.filter((e) => openYears.includes(e.year) && e.reversesId === null && !reversed.has(e.id)).map((e) => e.id));
}

async function enrollmentsOf(db: Kysely<Database>, userId: string, courses: CourseLookup): Promise<ArchiveEnrollment[]> {
  const [rows, done] = await Promise.all([
    db.selectFrom('enrollments').selectAll().where('user_id', '=', userId).execute(),
    db.selectFrom('lesson_progress').select('lesson_id').where('user_id', '=', userId).where('completed_at', 'is not', null).execute(),
  ]);
  const completed = new Set(done.map((r) => r.lesson_id));
  return rows
    .map((r) => {
      const course = courses(r.course_id);
      return {
        courseId: r.course_id,
        courseTitle: course?.title ?? r.course_id,
        required: Boolean(r.required),
        origin: r.origin,
        enrolledAt: r.enrolled_at,
        lessonsDone: course ? course.lessonIds.filter((id) => completed.has(id)).length : 0,
        lessonsTotal: course ? course.lessonIds.length : null,
        lessonsCompletedAt: r.lessons_completed_at,
        quizPassedAt: r.quiz_passed_at,
        completedAt: r.completed_at,
      };
    })
    .sort((a, b) => Number(b.required) - Number(a.required) || b.enrolledAt.localeCompare(a.enrolledAt));
}

async function attemptsOf(db: Kysely<Database>, userId: string, courses: CourseLookup): Promise<ArchiveAttempt[]> {
  const rows = await db
    .selectFrom('quiz_attempts')
    .select(['id', 'course_id', 'status', 'score_percent', 'passed', 'started_at', 'submitted_at'])
    .where('user_id', '=', userId)
    .orderBy('started_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    courseId: r.course_id,
    courseTitle: courses(r.course_id)?.title ?? r.course_id,
    status: r.status,
    scorePercent: r.score_percent,
    passed: Boolean(r.passed),
    startedAt: r.started_at,
    submittedAt: r.submitted_at,
  }));
}

async function certificatesOf(db: Kysely<Database>, userId: string): Promise<ArchiveCertificate[]> {
  const rows = await db
    .selectFrom('certificates')
    .select(['kind', 'title', 'code', 'hours_tenths', 'completed_on', 'issued_at'])
    .where('user_id', '=', userId)
    .orderBy('issued_at', 'desc')
    .execute();
  return rows.map((r) => ({ kind: r.kind, title: r.title, code: r.code, hoursTenths: r.hours_tenths, completedOn: r.completed_on, issuedAt: r.issued_at }));
}

/**
 * A person's learning archive (学习档案): who they are, their courses with progress, quiz results,
 * the ledger of every year with totals and target, certificates, reading notes with their reviews, and classes with their attendance.
 * The viewer's scope decides: a cadre sees only themself, staff and trainers their subtree, an admin
 * everyone; anyone else gets NotFound, the same answer as for an id that does not exist.
 */
export async function loadArchive(db: Kysely<Database>, viewer: ScopeSubject, personId: string, courses: CourseLookup, now = new Date()): Promise<Archive> {
  const person = await getPerson(db, scopeOf(viewer), personId);
  const [enrollments, attempts, ledger, certificates, readingNotes, classes] = await Promise.all([
    enrollmentsOf(db, person.id, courses),
    attemptsOf(db, person.id, courses),
    listLedger(db, person.id),
    certificatesOf(db, person.id),
    readingNotesOf(db, person.id, courses),
    personClasses(db, person.id),
  ]);
  const years = await Promise.all(
    groupLedgerByYear(ledger, beijingYear(now)).map(async (y) => ({ ...y, target: await targetFor(db, person, y.year) })),
  );
  return { person, enrollments, attempts, years, certificates, readingNotes, classes };
}
