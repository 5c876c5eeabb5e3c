import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { newId } from '../util/ids.ts';

/** Failures counted over this window. */
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
/** Failures allowed per login within the window (since its last success). */
export const MAX_FAILURES_PER_LOGIN = 5;
/** Failures allowed per client address within the window; a success does not reset it. */
export const MAX_FAILURES_PER_IP = 20;

/**
 * Seconds to wait before another try, or 0 when the next attempt may go ahead.
 * Pure: given the failure times (ms, any order) and the limit, the block lasts until the
 * oldest failure that still counts towards the limit leaves the window.
 */
export function retryAfterSeconds(failureTimes: number[], limit: number, now: number, windowMs = LOGIN_WINDOW_MS): number {
  const recent = failureTimes.filter((t) => t > now - windowMs).sort((a, b) => b - a);
  if (recent.length < limit) return 0;
  const oldestCounting = recent[limit - 1]!;
  return Math.max(1, Math.ceil((oldestCounting + windowMs - now) / 1000));
}

/** How long this login or address must wait, in seconds (0 = may try now). */
export async function loginRetryAfter(db: Kysely<Database>, login: string, ip: string, now = new Date()): Promise<number> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS).toISOString();
  const lastSuccess = await db
    .selectFrom('login_attempts')
    .select((eb) => eb.fn.max('attempted_at').as('at'))
    .where('login', '=', login)
    .where('succeeded', '=', 1)
    .executeTakeFirst();
  const loginSince = lastSuccess?.at && lastSuccess.at > since ? lastSuccess.at : since;
  const [byLogin, byIp] = await Promise.all([
    db.selectFrom('login_attempts').select('attempted_at').where('login', '=', login).where('succeeded', '=', 0)
      .where('attempted_at', '>', loginSince).execute(),
    db.selectFrom('login_attempts').select('attempted_at').where('ip', '=', ip).where('succeeded', '=', 0)
      .where('attempted_at', '>', since).execute(),
  ]);
  const times = (rows: { attempted_at: string }[]) => rows.map((r) => Date.parse(r.attempted_at));
  return Math.max(
    retryAfterSeconds(times(byLogin), MAX_FAILURES_PER_LOGIN, now.getTime()),
    retryAfterSeconds(times(byIp), MAX_FAILURES_PER_IP, now.getTime()),
  );
}

/** Records one attempt; old rows are pruned now and then so the table stays small. */
export async function recordLoginAttempt(db: Kysely<Database>, login: string, ip: string, succeeded: boolean, now = new Date()) {
  await db
    .insertInto('login_attempts')
    .values({ id: newId(), login, ip, succeeded: succeeded ? 1 : 0, attempted_at: now.toISOString() })
    .execute();
  if (Math.random() < 0.02) {
    const cutoff = new Date(now.getTime() - 24 * 60 * 60 * 1000).toISOString();
    await db.deleteFrom('login_attempts').where('attempted_at', '<', cutoff).execute();
  }
}
