import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { DomainError, NotFoundError, RateLimitedError, ValidationError } from '../errors.ts';
import { beijingClock } from '../util/beijing-time.ts';
import { isMember } from './access.ts';
import { CODE_STEP_SECONDS, normaliseCode, verifyCode } from './checkin-code.ts';
import { checkinRetryAfter, recordWrongCode } from './checkin-throttle.ts';
import { windowState } from './checkin-window.ts';
import { lockOpenSession } from './sessions.ts';

export type CheckinRefusal = 'not_member' | 'closed' | 'not_open' | 'ended' | 'expired' | 'wrong';

/** A scan or typed code that does not check the person in; the message says why and what to do. */
export class CheckinRefusedError extends DomainError {
  readonly reason: CheckinRefusal;
  constructor(reason: CheckinRefusal, message: string) {
    super('checkin_refused', message, { reason });
    this.reason = reason;
  }
}

export interface CheckinResult {
  status: 'checked_in' | 'already_checked_in';
  sessionId: string;
  classId: string;
  classTitle: string;
  topic: string;
  startsAt: string;
  place: string;
  /** When the person's attendance was recorded (now, or at their first scan). */
  checkedInAt: string;
  method: 'qr' | 'manual';
}

const CLOSED = '本场讲座已结束考勤，不能再签到。';

async function loadSession(db: Kysely<Database>, sessionId: string) {
  const row = await db
    .selectFrom('class_sessions')
    .innerJoin('classes', 'classes.id', 'class_sessions.class_id')
    .select(['class_sessions.id', 'class_sessions.class_id', 'class_sessions.topic', 'class_sessions.starts_at', 'class_sessions.place', 'class_sessions.status',
      'class_sessions.checkin_opens_at', 'class_sessions.checkin_closes_at', 'class_sessions.token_secret', 'classes.title as class_title'])
    .where('class_sessions.id', '=', sessionId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('找不到该场次：请重新扫描投影上的二维码。');
  return row;
}

const presentRow = (db: Kysely<Database>, sessionId: string, userId: string) =>
  db.selectFrom('attendance').select(['status', 'method', 'recorded_at']).where('session_id', '=', sessionId).where('user_id', '=', userId).executeTakeFirst();

/**
 * Checks a cadre in with a code from the projector. Refused, in this order: not on the roster; the
 * session closed; outside the check-in window; a code that rotated away ("expired") or never was one
 * ("wrong", counted against the person). A second scan answers `already_checked_in`, not an error.
 * A cadre on leave who turns up after all becomes present.
 */
export async function checkIn(db: Kysely<Database>, user: { id: string }, sessionId: string, rawCode: string, now = new Date()): Promise<CheckinResult> {
  const session = await loadSession(db, sessionId);
  const result = (status: CheckinResult['status'], at: { recorded_at: string; method: 'qr' | 'manual' }): CheckinResult => ({
    status, sessionId: session.id, classId: session.class_id, classTitle: session.class_title, topic: session.topic,
    startsAt: session.starts_at, place: session.place, checkedInAt: at.recorded_at, method: at.method,
  });
  if (!(await isMember(db, session.class_id, user.id))) {
    throw new CheckinRefusedError('not_member', `您不在“${session.class_title}”的学员名单中，不能签到。如有疑问，请联系培训管理员。`);
  }
  const earlier = await presentRow(db, session.id, user.id);
  if (earlier?.status === 'present') return result('already_checked_in', earlier);
  if (session.status === 'closed') throw new CheckinRefusedError('closed', CLOSED);
  const hours = `${beijingClock(session.checkin_opens_at)}–${beijingClock(session.checkin_closes_at)}`;
  const state = windowState({ opensAt: session.checkin_opens_at, closesAt: session.checkin_closes_at }, now.getTime());
  if (state === 'before') throw new CheckinRefusedError('not_open', `签到还没有开始。本场签到时间为 ${hours}（北京时间）。`);
  if (state === 'after') throw new CheckinRefusedError('ended', `本场签到时间（${hours}）已过。如确实到场，请向培训管理员说明，由其补签到。`);

  const wait = await checkinRetryAfter(db, user.id, now);
  if (wait > 0) throw new RateLimitedError(wait);
  const code = normaliseCode(rawCode);
  const verdict = code ? verifyCode(session.token_secret, code, now.getTime()) : 'wrong';
  if (verdict === 'expired') {
    throw new CheckinRefusedError('expired', `这个签到码已经过期（签到码每 ${CODE_STEP_SECONDS} 秒更换一次）。请重新扫描投影上最新的二维码；如果您刚刚登录，也请再扫一次。`);
  }
  if (verdict === 'wrong') {
    if (code) await recordWrongCode(db, user.id, now);
    throw new CheckinRefusedError('wrong', '签到码不正确。请核对投影上显示的 6 位数字，或重新扫描二维码。');
  }

  const stamp = now.toISOString();
  return db.transaction().execute(async (trx) => {
    if (!(await lockOpenSession(trx, session.id))) throw new CheckinRefusedError('closed', CLOSED);
    const inserted = await trx
      .insertInto('attendance')
      .values({ session_id: session.id, user_id: user.id, status: 'present', method: 'qr', reason: '', actor_id: null, recorded_at: stamp })
      .onConflict((oc) => oc.columns(['session_id', 'user_id']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) return result('checked_in', { recorded_at: stamp, method: 'qr' });
    // A leave recorded earlier: the cadre came after all.
    const changed = await trx
      .updateTable('attendance')
      .set({ status: 'present', method: 'qr', recorded_at: stamp })
      .where('session_id', '=', session.id)
      .where('user_id', '=', user.id)
      .where('status', '=', 'leave')
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) > 0) return result('checked_in', { recorded_at: stamp, method: 'qr' });
    return result('already_checked_in', (await presentRow(trx, session.id, user.id))!);
  });
}

/**
 * A code typed at /checkin (the camera failed): it is matched against the sessions whose window is
 * open now, then checked in as if scanned. No match is a "wrong" (or "expired") code.
 */
export async function checkInByTypedCode(db: Kysely<Database>, user: { id: string }, rawCode: string, now = new Date()): Promise<CheckinResult> {
  const code = normaliseCode(rawCode);
  if (!code) throw new ValidationError('请输入投影上显示的 6 位数字签到码。', { field: 'code' });
  const wait = await checkinRetryAfter(db, user.id, now);
  if (wait > 0) throw new RateLimitedError(wait);
  const stamp = now.toISOString();
  const open = await db
    .selectFrom('class_sessions')
    .select(['id', 'token_secret'])
    .where('status', '=', 'scheduled')
    .where('checkin_opens_at', '<=', stamp)
    .where('checkin_closes_at', '>', stamp)
    .execute();
  const verdicts = open.map((s) => ({ id: s.id, verdict: verifyCode(s.token_secret, code, now.getTime()) }));
  const match = verdicts.find((v) => v.verdict === 'current' || v.verdict === 'grace');
  if (match) return checkIn(db, user, match.id, code, now);
  if (verdicts.some((v) => v.verdict === 'expired')) {
    throw new CheckinRefusedError('expired', `这个签到码已经过期（签到码每 ${CODE_STEP_SECONDS} 秒更换一次），请输入投影上最新的签到码。`);
  }
  await recordWrongCode(db, user.id, now);
  throw new CheckinRefusedError('wrong', '签到码不正确，或现在没有正在签到的场次。请核对投影上显示的 6 位数字。');
}
