import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { DomainError, RateLimitedError } from '../errors.ts';
import { timingDummyHash, verifyPassword } from './password.ts';
import { createSession } from './session.ts';
import { loginRetryAfter, recordLoginAttempt } from './throttle.ts';

export class InvalidCredentialsError extends DomainError {
  constructor() {
    // One message for unknown login, wrong password and deactivated account: nothing to enumerate.
    super('invalid_credentials', '账号或密码不正确。');
  }
}

/** What a (lowercased) login may look like: 2–32 letters, digits, dots, underscores or hyphens. */
export const LOGIN_PATTERN = /^[a-z0-9][a-z0-9._-]{1,31}$/;

/** Logins are case-insensitive and stored lowercase. */
export function normaliseLogin(login: string): string {
  return login.trim().toLowerCase();
}

/**
 * Checks the password (throttled per login and per client address) and opens a session.
 * Throws RateLimitedError or InvalidCredentialsError.
 */
export async function logIn(db: Kysely<Database>, input: { login: string; password: string; ip: string }, now = new Date()) {
  const login = normaliseLogin(input.login);
  const wait = await loginRetryAfter(db, login, input.ip, now);
  if (wait > 0) throw new RateLimitedError(wait);

  const user = await db
    .selectFrom('users')
    .select(['id', 'password_hash', 'active'])
    .where('login', '=', login)
    .executeTakeFirst();
  const ok = await verifyPassword(user?.password_hash ?? (await timingDummyHash()), input.password);
  const succeeded = Boolean(user && user.active && ok);
  await recordLoginAttempt(db, login, input.ip, succeeded, now);
  if (!succeeded || !user) throw new InvalidCredentialsError();
  return createSession(db, user.id, now);
}
