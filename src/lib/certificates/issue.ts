import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { newId } from '../util/ids.ts';
import type { CertificateKind, CertificatesTable } from './certificates.table.ts';
import { newVerificationCode } from './verification-code.ts';

export interface Issue {
  kind: CertificateKind;
  userId: string;
  subject: string;
  title: string;
  hoursTenths: number;
  /** 'YYYY-MM-DD' in Beijing time. */
  completedOn: string;
}

/**
 * Issues a certificate once per person and subject; asking again (also concurrently) returns the
 * row issued first, so a document's code never changes once printed.
 */
export async function issueOnce(db: Kysely<Database>, issue: Issue, now = new Date()): Promise<CertificatesTable> {
  await db
    .insertInto('certificates')
    .values({
      id: newId(),
      code: newVerificationCode(),
      kind: issue.kind,
      user_id: issue.userId,
      subject: issue.subject,
      title: issue.title,
      hours_tenths: issue.hoursTenths,
      completed_on: issue.completedOn,
      issued_at: now.toISOString(),
    })
    .onConflict((oc) => oc.columns(['user_id', 'kind', 'subject']).doNothing())
    .execute();
  return db
    .selectFrom('certificates')
    .selectAll()
    .where('user_id', '=', issue.userId)
    .where('kind', '=', issue.kind)
    .where('subject', '=', issue.subject)
    .executeTakeFirstOrThrow();
}

export const courseSubject = (courseId: string) => `course:${courseId}`;
export const classSubject = (classId: string) => `class:${classId}`;
export const yearlySubject = (year: number, totalTenths: number) => `year:${year}:${totalTenths}`;

/** A certificate by its (normalised) code, with the holder's name for the verification page. */
export async function findByCode(db: Kysely<Database>, code: string) {
  return db
    .selectFrom('certificates')
    .innerJoin('users', 'users.id', 'certificates.user_id')
    .innerJoin('org_units', 'org_units.id', 'users.org_unit_id')
    .selectAll('certificates')
    .select(['users.name as holder_name', 'users.position as holder_position', 'org_units.name as unit_name', 'org_units.path as unit_path'])
    .where('certificates.code', '=', code)
    .executeTakeFirst();
}

/** The person's certificates, newest first. */
export async function listCertificates(db: Kysely<Database>, userId: string) {
  return db.selectFrom('certificates').selectAll().where('user_id', '=', userId).orderBy('issued_at', 'desc').execute();
}
