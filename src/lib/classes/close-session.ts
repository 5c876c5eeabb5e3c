import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { recordAudit } from '../audit/audit.ts';
import { beijingYear } from '../hours/beijing-year.ts';
import { creditOnce } from '../hours/ledger.ts';
import type { ScopeSubject } from '../org/scope.ts';
import { requireManagedSession } from './sessions.ts';

/** The ledger source of a session's lecture hours: one credit per person and session, ever. */
export const lectureSource = (sessionId: string) => `lecture:${sessionId}`;

export interface CloseOutcome {
  /** True when an earlier (or a parallel) request had closed it: this one changed nothing. */
  alreadyClosed: boolean;
  /** Credits this request wrote. */
  credited: number;
  presentCount: number;
}

/**
 * Closes a session's attendance and credits its hours to every cadre present (kind lecture, source
 * `lecture:<session id>`, the year of the session in Beijing time), in one transaction. Exactly once,
 * also under parallel requests: only the request whose update moves the status from 'scheduled' to
 * 'closed' credits anything, and the ledger's unique (user, source) would refuse a second credit anyway.
 */
export async function closeSession(db: Kysely<Database>, actor: ScopeSubject, classId: string, sessionId: string, now = new Date()): Promise<CloseOutcome> {
  const { cls, session } = await requireManagedSession(db, actor, classId, sessionId);
  return db.transaction().execute(async (trx) => {
    const stamp = now.toISOString();
    const moved = await trx
      .updateTable('class_sessions')
      .set({ status: 'closed', closed_at: stamp, closed_by: actor.id })
      .where('id', '=', sessionId)
      .where('status', '=', 'scheduled')
      .executeTakeFirst();
    const present = await trx.selectFrom('attendance').select('user_id').where('session_id', '=', sessionId).where('status', '=', 'present').execute();
    if (Number(moved.numUpdatedRows) === 0) return { alreadyClosed: true, credited: 0, presentCount: present.length };
    let credited = 0;
    const year = beijingYear(new Date(session.starts_at));
    for (const { user_id } of present) {
      const credit = { userId: user_id, kind: 'lecture' as const, source: lectureSource(sessionId), sourceTitle: `${cls.title}：${session.topic}`, hoursTenths: session.hours_tenths, year };
      if (await creditOnce(trx, credit, now)) credited++;
    }
    const detail = { classId, presentCount: present.length, credited, hoursTenths: session.hours_tenths };
    await recordAudit(trx, { actorId: actor.id, action: 'class_session.close', targetType: 'class_session', targetId: sessionId, detail }, now);
    return { alreadyClosed: false, credited, presentCount: present.length };
  });
}
