import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { recordAudit } from '../audit/audit.ts';
import { classSubject, issueOnce } from '../certificates/issue.ts';
import { ConflictError } from '../errors.ts';
import { beijingIsoDate } from '../hours/beijing-year.ts';
import type { ScopeSubject } from '../org/scope.ts';
import { requireClassReviewer } from './class-access.ts';
import { type ClassCatalog, completionRows } from './completion.ts';
import { loadClassRecords } from './facts.repository.ts';

export interface IssuedClassCertificates {
  /** Completers who received a certificate with this call. */
  issued: number;
  /** Completers in all (those who had one already keep it, code unchanged). */
  completers: number;
}

/**
 * 生成结业证书: the class's reviewer issues a class certificate (kind `class`, subject `class:<id>`)
 * to every member who completed a closed class. Idempotent through issueOnce, so the trainer may
 * press it again after late reviews; a certificate, once issued, never changes.
 */
export async function issueClassCertificates(db: Kysely<Database>, actor: ScopeSubject, classId: string, catalog: ClassCatalog, now = new Date()): Promise<IssuedClassCertificates> {
  const cls = await requireClassReviewer(db, actor, classId);
  if (cls.status !== 'closed') throw new ConflictError('班次尚未结束：请先结束（关闭）班次，再生成结业证书。');
  const rows = completionRows(cls, await loadClassRecords(db, classId), catalog).filter((r) => r.outcome.completed);
  const fresh = rows.filter((r) => r.certificateCode === null);
  const today = beijingIsoDate(now);
  const completedOn = cls.ends_on < today ? cls.ends_on : today;
  await db.transaction().execute(async (trx) => {
    for (const row of fresh) {
      await issueOnce(trx, { kind: 'class', userId: row.id, subject: classSubject(cls.id), title: cls.title, hoursTenths: row.earnedTenths, completedOn }, now);
    }
    if (fresh.length > 0) {
      const detail = { classId, issuedTo: fresh.map((r) => r.id), completedOn };
      await recordAudit(trx, { actorId: actor.id, action: 'class.certificates.issue', targetType: 'class', targetId: classId, detail }, now);
    }
  });
  return { issued: fresh.length, completers: rows.length };
}
