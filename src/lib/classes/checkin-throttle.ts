import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { recordLoginAttempt, retryAfterSeconds } from '../auth/throttle.ts';

/**
 * Wrong check-in codes are limited per person, or a script could try the million six-digit codes
 * during the window. Failures are kept in the login-attempts table under a key no login can have
 * (`checkin:<user id>`; logins never contain a colon) and with no address, so they never count
 * against signing in (decision 009).
 */
export const CHECKIN_WINDOW_MS = 10 * 60 * 1000;
export const MAX_WRONG_CODES = 10;

const keyOf = (userId: string) => `checkin:${userId}`;

/** Seconds this person must wait before trying another code (0 = may try now). */
export async function checkinRetryAfter(db: Kysely<Database>, userId: string, now = new Date()): Promise<number> {
  const since = new Date(now.getTime() - CHECKIN_WINDOW_MS).toISOString();
  const rows = await db.selectFrom('login_attempts').select('attempted_at').where('login', '=', keyOf(userId)).where('attempted_at', '>', since).execute();
  return retryAfterSeconds(rows.map((r) => Date.parse(r.attempted_at)), MAX_WRONG_CODES, now.getTime(), CHECKIN_WINDOW_MS);
}

/** Counts one wrong code against the person. */
export async function recordWrongCode(db: Kysely<Database>, userId: string, now = new Date()): Promise<void> {
  await recordLoginAttempt(db, keyOf(userId), '', false, now);
}
