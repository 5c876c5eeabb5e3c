import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { ScopeSubject } from '../org/scope.ts';
import type { ReadingLookup } from '../reading/reading-list.ts';
import { type ClassRow, requireClassAccess, requireClassMember } from './class-access.ts';
import { type ClassRecords, loadClassRecords, type MemberRow } from './facts.repository.ts';
import { type CompletionRule, describeRule, evaluate, type MemberFacts, type MemberOutcome, ruleFor } from './rule.ts';

/** What completion needs from the content catalog; pages build it (src/lib stays free of `astro:`). */
export interface ClassCatalog {
  readings: ReadingLookup;
  course: (courseId: string) => { title: string; hasQuiz: boolean } | undefined;
}

export interface CompletionRow extends MemberRow {
  facts: MemberFacts;
  outcome: MemberOutcome;
  /** Hours this class brought the cadre: sessions attended plus approved notes. */
  earnedTenths: number;
  /** Verification code of the class certificate, once issued. */
  certificateCode: string | null;
}

export interface ClassCompletion {
  cls: ClassRow;
  rule: CompletionRule;
  ruleLines: string[];
  rows: CompletionRow[];
  /** True when the viewer reviews the class (all members); false for a member seeing their own row. */
  forReviewer: boolean;
}

function readingKeysOf(cls: ClassRow, catalog: ClassCatalog): Set<string> | null {
  if (cls.kind !== 'reading') return null;
  return new Set((cls.reading_course_id ? catalog.readings(cls.reading_course_id) : undefined)?.map((r) => r.key) ?? []);
}

/** Turns a class's records into one evaluated row per member (pure; tests feed it directly). */
export function completionRows(cls: ClassRow, records: ClassRecords, catalog: ClassCatalog): CompletionRow[] {
  const rule = ruleFor(cls.kind);
  const readingKeys = readingKeysOf(cls, catalog);
  const sessionHours = new Map(records.sessions.map((s) => [s.id, s.hoursTenths]));
  const heldTenths = records.sessions.reduce((sum, s) => sum + s.hoursTenths, 0);
  const certificates = new Map(records.certificates.map((c) => [c.userId, c.code]));
  return records.members.map((member) => {
    const own = records.attendance.filter((a) => a.userId === member.id);
    const tenthsOf = (status: 'present' | 'leave') => own.filter((a) => a.status === status).reduce((sum, a) => sum + (sessionHours.get(a.sessionId) ?? 0), 0);
    const approved = new Set(records.approvedNotes.filter((n) => n.userId === member.id && readingKeys?.has(n.readingKey)).map((n) => n.readingKey));
    const courses = records.courseIds.map((courseId) => {
      const info = catalog.course(courseId);
      const enrollment = records.enrollments.find((e) => e.userId === member.id && e.courseId === courseId);
      return { courseId, title: info?.title ?? courseId, completed: Boolean(enrollment?.completedAt), hasQuiz: info?.hasQuiz ?? false, quizPassed: Boolean(enrollment?.quizPassedAt) };
    });
    const facts: MemberFacts = {
      sessionsHeld: records.sessions.length,
      sessionsPresent: own.filter((a) => a.status === 'present').length,
      sessionsOnLeave: own.filter((a) => a.status === 'leave').length,
      heldTenths,
      presentTenths: tenthsOf('present'),
      leaveTenths: tenthsOf('leave'),
      readingsTotal: readingKeys ? readingKeys.size : null,
      notesApproved: approved.size,
      courses,
    };
    const earnedTenths = facts.presentTenths + approved.size * cls.reading_hours_tenths;
    return { ...member, facts, outcome: evaluate(rule, facts), earnedTenths, certificateCode: certificates.get(member.id) ?? null };
  });
}

/**
 * The class's completion table: every member for its reviewers (trainer in charge, staff/admin over
 * its unit), the viewer's own row for a member; anyone else gets NotFound.
 */
export async function classCompletion(db: Kysely<Database>, viewer: ScopeSubject, classId: string, catalog: ClassCatalog): Promise<ClassCompletion> {
  const { cls, reviewer } = await requireClassAccess(db, viewer, classId);
  const records = await loadClassRecords(db, classId, reviewer ? undefined : viewer.id);
  const rule = ruleFor(cls.kind);
  return { cls, rule, ruleLines: describeRule(rule), rows: completionRows(cls, records, catalog), forReviewer: reviewer };
}

/** A member's own row (what is done, what is missing), whatever else the viewer may see. */
export async function memberCompletion(db: Kysely<Database>, member: ScopeSubject, classId: string, catalog: ClassCatalog): Promise<{ cls: ClassRow; ruleLines: string[]; row: CompletionRow }> {
  const cls = await requireClassMember(db, member, classId);
  const [row] = completionRows(cls, await loadClassRecords(db, classId, member.id), catalog);
  return { cls, ruleLines: describeRule(ruleFor(cls.kind)), row: row! };
}
