import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { Role } from '../users/users.table.ts';
import { generateSessionToken, hashSessionToken } from './token.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A session lives 30 days from its last use… */
export const SESSION_LIFETIME_MS = 30 * DAY_MS;
/** …and is extended when less than 15 days are left (sliding expiry, as Lucia's guide does). */
export const SESSION_RENEW_THRESHOLD_MS = 15 * DAY_MS;

/** The signed-in person as every page and endpoint sees them. */
export interface CurrentUser {
  id: string;
  login: string;
  name: string;
  role: Role;
  position: string;
  orgUnitId: string;
  orgUnitName: string;
  orgUnitPath: string;
  /** Path of the subtree the user manages (their scope unit, else their own unit); the scope rule reads it. */
  scopePath: string;
  scopeUnitName: string;
}

export interface Session {
  id: string;
  userId: string;
  expiresAt: Date;
}

export type SessionValidation =
  | { session: Session; user: CurrentUser; renewed: boolean }
  | { session: null; user: null; renewed: false };

/** Creates a session row for the user and returns the token for the cookie. */
export async function createSession(db: Kysely<Database>, userId: string, now = new Date()) {
  const token = generateSessionToken();
  const session: Session = { id: hashSessionToken(token), userId, expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS) };
  await db
    .insertInto('sessions')
    .values({ id: session.id, user_id: userId, expires_at: session.expiresAt.toISOString(), created_at: now.toISOString() })
    .execute();
  return { token, session };
}

/** Looks the token up; expired sessions and deactivated users yield no session. Extends a session near its end. */
export async function validateSessionToken(db: Kysely<Database>, token: string, now = new Date()): Promise<SessionValidation> {
  const id = hashSessionToken(token);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .innerJoin('org_units', 'org_units.id', 'users.org_unit_id')
    .leftJoin('org_units as scope_units', 'scope_units.id', 'users.scope_unit_id')
    .select([
      'sessions.id as sessionId',
      'sessions.expires_at as expiresAt',
      'users.id as userId',
      'users.login',
      'users.name',
      'users.role',
      'users.position',
      'users.active',
      'org_units.id as orgUnitId',
      'org_units.name as orgUnitName',
      'org_units.path as orgUnitPath',
      'scope_units.path as scopePath',
      'scope_units.name as scopeUnitName',
    ])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
  if (!row) return { session: null, user: null, renewed: false };

  const expiresAt = new Date(row.expiresAt);
  if (now.getTime() >= expiresAt.getTime() || !row.active) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return { session: null, user: null, renewed: false };
  }

  let renewed = false;
  if (expiresAt.getTime() - now.getTime() < SESSION_RENEW_THRESHOLD_MS) {
    expiresAt.setTime(now.getTime() + SESSION_LIFETIME_MS);
    await db.updateTable('sessions').set({ expires_at: expiresAt.toISOString() }).where('id', '=', id).execute();
    renewed = true;
  }
  const user: CurrentUser = {
    id: row.userId,
    login: row.login,
    name: row.name,
    role: row.role,
    position: row.position,
    orgUnitId: row.orgUnitId,
    orgUnitName: row.orgUnitName,
    orgUnitPath: row.orgUnitPath,
    scopePath: row.scopePath ?? row.orgUnitPath,
    scopeUnitName: row.scopeUnitName ?? row.orgUnitName,
  };
  return { session: { id, userId: row.userId, expiresAt }, user, renewed };
}

/** Ends one session (logout). */
export async function invalidateSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Ends every session of a user (log out everywhere, deactivation, password change). */
export async function invalidateUserSessions(db: Kysely<Database>, userId: string, exceptSessionId?: string): Promise<void> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptSessionId) query = query.where('id', '!=', exceptSessionId);
  await query.execute();
}
