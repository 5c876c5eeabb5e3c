import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { recordAudit } from '../audit/audit.ts';
import { normaliseLogin } from '../auth/login.ts';
import { hashPassword, passwordProblem, verifyPassword } from '../auth/password.ts';
import { invalidateUserSessions } from '../auth/session.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { requireUnitInScope, type Scope, usersInScope } from '../org/scope.ts';
import { newId } from '../util/ids.ts';
import type { Role } from './users.table.ts';

/** A person as lists and profiles show them (never the password hash). */
export interface Person {
  id: string;
  login: string;
  name: string;
  role: Role;
  position: string;
  phone: string | null;
  active: boolean;
  orgUnitId: string;
  orgUnitName: string;
  orgUnitPath: string;
  /** The subtree a trainer or staff member manages, when not their own unit. */
  scopeUnitId: string | null;
}

const personColumns = [
  'users.id',
  'users.login',
  'users.name',
  'users.role',
  'users.position',
  'users.phone',
  'users.active',
  'users.org_unit_id as orgUnitId',
  'users.scope_unit_id as scopeUnitId',
  'org_units.name as orgUnitName',
  'org_units.path as orgUnitPath',
] as const;

function toPerson(row: { active: number | boolean } & Omit<Person, 'active'>): Person {
  return { ...row, active: Boolean(row.active) };
}

export interface PeopleFilter {
  orgUnitId?: string;
  role?: Role;
  search?: string;
  includeInactive?: boolean;
  limit?: number;
  offset?: number;
}

/** People inside the scope, optionally narrowed to a unit's subtree, a role or a name/login search. */
export async function listPeople(db: Kysely<Database>, scope: Scope, filter: PeopleFilter = {}) {
  let query = db
    .selectFrom('users')
    .innerJoin('org_units', 'org_units.id', 'users.org_unit_id')
    .where(usersInScope(scope));
  if (filter.orgUnitId) {
    const unit = await requireUnitInScope(db, scope, filter.orgUnitId);
    query = query.where('org_units.path', 'like', `${unit.path}%`);
  }
  if (filter.role) query = query.where('users.role', '=', filter.role);
  if (!filter.includeInactive) query = query.where('users.active', '=', 1);
  if (filter.search) {
    const pattern = `%${filter.search.toLowerCase().replace(/[%_\\]/g, '')}%`;
    query = query.where((eb) => eb.or([eb(sql`lower(users.name)`, 'like', pattern), eb('users.login', 'like', pattern)]));
  }
  const [rows, total] = await Promise.all([
    query
      .select(personColumns)
      .orderBy('org_units.path')
      .orderBy('users.login')
      .limit(filter.limit ?? 50)
      .offset(filter.offset ?? 0)
      .execute(),
    query.select(sql<number>`cast(count(*) as integer)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { people: rows.map(toPerson), total: Number(total.n) };
}

/** One person inside the scope, or NotFound whether they exist or not. */
export async function getPerson(db: Kysely<Database>, scope: Scope, userId: string): Promise<Person> {
  const row = await db
    .selectFrom('users')
    .innerJoin('org_units', 'org_units.id', 'users.org_unit_id')
    .select(personColumns)
    .where('users.id', '=', userId)
    .where(usersInScope(scope))
    .executeTakeFirst();
  if (!row) throw new NotFoundError('找不到该人员，或其不在您的管理范围内。');
  return toPerson(row);
}

export interface NewUser {
  login: string;
  name: string;
  password: string;
  role: Role;
  orgUnitId: string;
  position?: string;
  phone?: string | null;
  scopeUnitId?: string | null;
}

/** Creates an account in a unit the scope covers. */
export async function createUser(db: Kysely<Database>, scope: Scope, actorId: string | null, input: NewUser, now = new Date()) {
  const problem = passwordProblem(input.password);
  if (problem) throw new ValidationError(problem, { field: 'password' });
  await requireUnitInScope(db, scope, input.orgUnitId);
  if (input.scopeUnitId) await requireUnitInScope(db, scope, input.scopeUnitId);
  const login = normaliseLogin(input.login);
  const taken = await db.selectFrom('users').select('id').where('login', '=', login).executeTakeFirst();
  if (taken) throw new ConflictError(`登录名“${login}”已被使用。`);
  const id = newId();
  const stamp = now.toISOString();
  await db
    .insertInto('users')
    .values({
      id,
      login,
      name: input.name,
      password_hash: await hashPassword(input.password),
      role: input.role,
      org_unit_id: input.orgUnitId,
      scope_unit_id: input.scopeUnitId ?? null,
      position: input.position ?? '',
      phone: input.phone ?? null,
      active: 1,
      created_at: stamp,
      updated_at: stamp,
    })
    .execute();
  await recordAudit(db, { actorId, action: 'user.create', targetType: 'user', targetId: id, detail: { login, role: input.role } }, now);
  return id;
}

export interface UserPatch {
  name?: string;
  role?: Role;
  orgUnitId?: string;
  position?: string;
  phone?: string | null;
  scopeUnitId?: string | null;
  active?: boolean;
}

/** Edits, moves, re-roles or (de)activates a person; deactivation ends their sessions at once. */
export async function updateUser(db: Kysely<Database>, scope: Scope, actorId: string, userId: string, patch: UserPatch, now = new Date()) {
  await db.transaction().execute(async (trx) => {
    const before = await getPerson(trx, scope, userId);
    if (patch.orgUnitId) await requireUnitInScope(trx, scope, patch.orgUnitId);
    if (patch.scopeUnitId) await requireUnitInScope(trx, scope, patch.scopeUnitId);
    if (userId === actorId && (patch.active === false || (patch.role && patch.role !== before.role))) {
      throw new ValidationError('不能停用自己的账号或修改自己的角色。');
    }
    await trx
      .updateTable('users')
      .set({
        name: patch.name,
        role: patch.role,
        org_unit_id: patch.orgUnitId,
        scope_unit_id: patch.scopeUnitId,
        position: patch.position,
        phone: patch.phone,
        active: patch.active === undefined ? undefined : patch.active ? 1 : 0,
        updated_at: now.toISOString(),
      })
      .where('id', '=', userId)
      .execute();
    const accessChanged = patch.active === false || (patch.role && patch.role !== before.role);
    if (accessChanged) await invalidateUserSessions(trx, userId);
    await recordAudit(trx, { actorId, action: 'user.update', targetType: 'user', targetId: userId, detail: { ...patch } }, now);
  });
}

/** Sets a new password for someone in scope (admin reset); all their sessions end. */
export async function resetPassword(db: Kysely<Database>, scope: Scope, actorId: string, userId: string, password: string) {
  const problem = passwordProblem(password);
  if (problem) throw new ValidationError(problem, { field: 'password' });
  await getPerson(db, scope, userId);
  const hash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: hash, updated_at: new Date().toISOString() }).where('id', '=', userId).execute();
    await invalidateUserSessions(trx, userId);
    await recordAudit(trx, { actorId, action: 'user.reset_password', targetType: 'user', targetId: userId });
  });
}

/** The person changes their own password; other sessions end, the current one stays. */
export async function changeOwnPassword(
  db: Kysely<Database>,
  input: { userId: string; sessionId: string; currentPassword: string; newPassword: string },
) {
  const user = await db.selectFrom('users').select('password_hash').where('id', '=', input.userId).executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw new ValidationError('当前密码不正确。', { field: 'currentPassword' });
  }
  const problem = passwordProblem(input.newPassword);
  if (problem) throw new ValidationError(problem, { field: 'newPassword' });
  const hash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: hash, updated_at: new Date().toISOString() }).where('id', '=', input.userId).execute();
    await invalidateUserSessions(trx, input.userId, input.sessionId);
    await recordAudit(trx, { actorId: input.userId, action: 'user.change_password', targetType: 'user', targetId: input.userId });
  });
}
