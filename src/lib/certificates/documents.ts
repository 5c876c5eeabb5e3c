import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { beijingIsoDate } from '../hours/beijing-year.ts';
import { LEDGER_KIND_LABELS } from '../hours/labels.ts';
import { listLedger } from '../hours/ledger.ts';
import { targetFor } from '../hours/targets.ts';
import { fromTenths } from '../hours/units.ts';
import type { findByCode } from './issue.ts';
import type { ClassCertificateData, CourseCertificateData, IssuedDocument, YearlyStatementData } from './types.ts';
import { verificationUrl } from './verification-code.ts';
import { classCertificateBody, courseCertificateBody } from './wording.ts';

export type IssuedRow = NonNullable<Awaited<ReturnType<typeof findByCode>>>;

/** Where the document comes from: the issuing body and the public address its QR code points to. */
export interface Issuing {
  issuer: string;
  origin: string;
}

function issued(row: IssuedRow, issuing: Issuing): IssuedDocument {
  return { issuer: issuing.issuer, issueDate: beijingIsoDate(row.issued_at), verificationCode: row.code, verificationUrl: verificationUrl(issuing.origin, row.code) };
}

export function courseCertificateData(row: IssuedRow, issuing: Issuing): CourseCertificateData {
  return { ...issued(row, issuing), cadreName: row.holder_name, unitName: row.unit_name, courseTitle: row.title, hours: fromTenths(row.hours_tenths), completionDate: row.completed_on };
}

export function classCertificateData(row: IssuedRow, issuing: Issuing): ClassCertificateData {
  return { ...issued(row, issuing), cadreName: row.holder_name, unitName: row.unit_name, classTitle: row.title, hours: fromTenths(row.hours_tenths), completionDate: row.completed_on };
}

/** The year a yearly statement covers, from its subject `year:<year>:<total tenths>`. */
export const statementYear = (row: Pick<IssuedRow, 'subject'>) => Number(row.subject.split(':')[1]);

/** What the public verification page says a document certifies, and what its date is. */
export function verifiedSubject(row: Pick<IssuedRow, 'kind' | 'title' | 'subject'>): { label: string; value: string; dateLabel: string } {
  if (row.kind === 'course') return { label: '完成课程', value: `《${row.title}》`, dateLabel: '完成日期' };
  if (row.kind === 'class') return { label: '结业班次', value: `“${row.title}”`, dateLabel: '结业日期' };
  return { label: '证明事项', value: `${statementYear(row)} 年度累计学时`, dateLabel: '开具日期' };
}

/**
 * A yearly statement as it stood when issued: the ledger is append-only, so its entries up to the
 * moment of issue are exactly what was certified then, whatever was credited later.
 */
export async function yearlyStatementData(db: Kysely<Database>, row: IssuedRow, issuing: Issuing): Promise<YearlyStatementData> {
  const year = statementYear(row);
  const entries = (await listLedger(db, row.user_id, year)).filter((e) => e.createdAt <= row.issued_at);
  const target = await targetFor(db, { position: row.holder_position, orgUnitPath: row.unit_path }, year);
  return {
    ...issued(row, issuing),
    cadreName: row.holder_name,
    unitName: row.unit_name,
    year,
    totalHours: fromTenths(row.hours_tenths),
    requiredHours: fromTenths(entries.filter((e) => e.countsAsRequired).reduce((sum, e) => sum + e.hoursTenths, 0)),
    targetHours: target ? fromTenths(target.totalTenths) : null,
    entries: entries.map((e) => ({ date: beijingIsoDate(e.createdAt), sourceTitle: e.sourceTitle, kindLabel: LEDGER_KIND_LABELS[e.kind], hours: fromTenths(e.hoursTenths) })),
  };
}

/** A document ready to show or print: a 结业证书 (course or class, one layout, its own sentence) or a yearly statement. */
export type DocumentView =
  | { kind: 'completion'; label: '课程结业证书' | '班次结业证书'; data: CourseCertificateData | ClassCertificateData; body: string }
  | { kind: 'yearly'; data: YearlyStatementData };

/** The view of an issued row, whatever its kind. */
export async function documentView(db: Kysely<Database>, row: IssuedRow, issuing: Issuing): Promise<DocumentView> {
  if (row.kind === 'yearly') return { kind: 'yearly', data: await yearlyStatementData(db, row, issuing) };
  if (row.kind === 'class') {
    const data = classCertificateData(row, issuing);
    return { kind: 'completion', label: '班次结业证书', data, body: classCertificateBody(data) };
  }
  const data = courseCertificateData(row, issuing);
  return { kind: 'completion', label: '课程结业证书', data, body: courseCertificateBody(data) };
}
