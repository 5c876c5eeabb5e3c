import type { AuditLogTable } from '../src/lib/audit/audit.table.ts';
import type { LoginAttemptsTable, SessionsTable } from '../src/lib/auth/auth.table.ts';
import type { OrgUnitsTable } from '../src/lib/org/org.table.ts';
import type { AppSettingsTable } from '../src/lib/settings/settings.table.ts';
import type { UsersTable } from '../src/lib/users/users.table.ts';
import type { HoursLedgerTable, HoursTargetsTable } from '../src/lib/hours/hours.table.ts';
import type { EnrollmentsTable } from '../src/lib/enrollment/enrollment.table.ts';
import type { AttendanceTable, ClassCoursesTable, ClassMembersTable, ClassesTable, ClassSessionsTable, ReadingNotesTable } from '../src/lib/classes/classes.table.ts';
import type { QuizAttemptsTable } from '../src/lib/quiz/quiz.table.ts';
import type { CertificatesTable } from '../src/lib/certificates/certificates.table.ts';
import type { AuthoredCoursesTable, CourseEventsTable, CourseVersionsTable } from '../src/lib/authoring/authoring.table.ts';
import type { MediaFilesTable } from '../src/lib/media/media.table.ts';
import type { RosterUploadsTable } from '../src/lib/roster/roster.table.ts';
import type { LessonProgressTable, StudyBeatsTable, StudyClockTable } from '../src/lib/study/study.table.ts';

/** The whole database, composed from each domain's table types. */
export interface Database {
  org_units: OrgUnitsTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  audit_log: AuditLogTable;
  app_settings: AppSettingsTable;
  enrollments: EnrollmentsTable;
  lesson_progress: LessonProgressTable;
  study_clock: StudyClockTable;
  study_beats: StudyBeatsTable;
  hours_ledger: HoursLedgerTable;
  hours_targets: HoursTargetsTable;
  quiz_attempts: QuizAttemptsTable;
  certificates: CertificatesTable;
  roster_uploads: RosterUploadsTable;
  classes: ClassesTable;
  class_members: ClassMembersTable;
  class_courses: ClassCoursesTable;
  class_sessions: ClassSessionsTable;
  attendance: AttendanceTable;
  reading_notes: ReadingNotesTable;
  authored_courses: AuthoredCoursesTable;
  course_versions: CourseVersionsTable;
  course_events: CourseEventsTable;
  media_files: MediaFilesTable;
}
