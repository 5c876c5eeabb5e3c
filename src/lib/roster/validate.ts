import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { type Scope, scopeCoversUnit } from '../org/scope.ts';
import type { Role } from '../users/users.table.ts';
import type { RowProblem } from './errors.ts';
import { columnHeader, ROSTER_COLUMNS, type RosterColumnKey } from './format.ts';
import type { RosterRow } from './parse.ts';
import { nameProblem, positionProblem, readLoginCell } from './row-rules.ts';
import { type DirectoryUnit, loadUnitDirectory, type UnitDirectory } from './unit-directory.ts';

/** An account the roster names by its login. */
interface Account {
  id: string;
  login: string;
  name: string;
  role: Role;
  active: number;
  orgUnitId: string;
  unitPath: string;
  position: string;
  phone: string | null;
  updatedAt: string;
}

/** A cadre the importer may update: in scope, active, role cadre. */
export type ExistingCadre = Omit<Account, 'role' | 'active' | 'unitPath'>;

/** A row whose every cell passed, with the unit found and the existing cadre (if any) attached. */
export interface CheckedRow {
  row: number;
  name: string;
  login: string;
  /** Set when the login is a mobile number. */
  phone: string | null;
  unit: DirectoryUnit;
  /** Empty means "keep the existing position" (and none for a new account). */
  position: string;
  existing: ExistingCadre | null;
}

export interface Validation {
  problems: RowProblem[];
  rows: CheckedRow[];
  directory: UnitDirectory;
}

/** Large IN lists are sent in parts (PostgreSQL and SQLite both cap bound parameters). */
const LOOKUP_CHUNK = 500;

async function accountsWhere(db: Kysely<Database>, column: 'login' | 'phone', values: string[]): Promise<Account[]> {
  const found: Account[] = [];
  for (let i = 0; i < values.length; i += LOOKUP_CHUNK) {
    const rows = await db
      .selectFrom('users')
      .innerJoin('org_units', 'org_units.id', 'users.org_unit_id')
      .select(['users.id', 'users.login', 'users.name', 'users.role', 'users.active', 'users.org_unit_id as orgUnitId', 'org_units.path as unitPath', 'users.position', 'users.phone', 'users.updated_at as updatedAt'])
      .where(`users.${column}`, 'in', values.slice(i, i + LOOKUP_CHUNK))
      .execute();
    found.push(...rows);
  }
  return found;
}

/** Why a row may not touch this existing account, or null. Outside the scope says nothing about who it is. */
function accountProblem(account: Account, scope: Scope): string | null {
  if (!scopeCoversUnit(scope, account.unitPath)) return '该登录名已被其他账号使用，且该账号不在您的管理范围内。请核对，或改用其他登录名。';
  if (account.role !== 'cadre') return '该登录名属于管理人员或教师账号，名单导入只能新建或修改学员账号。';
  if (!account.active) return `该登录名属于已停用的账号（${account.name}）。如需恢复，请联系管理员启用后再导入，或从名单中删去此行。`;
  return null;
}

/** Why a new account's phone number is a warning sign of a duplicate person, or null. */
function phoneProblem(holders: Account[], scope: Scope): string | null {
  const holder = holders[0];
  if (!holder) return null;
  if (!scopeCoversUnit(scope, holder.unitPath)) return '该手机号已登记在其他账号上，且该账号不在您的管理范围内。请核对。';
  return `该手机号已登记在账号“${holder.login}”（${holder.name}）名下。如是同一人，请在此栏改填登录名“${holder.login}”。`;
}

/**
 * Checks every row against the rules and the database, collecting every problem (never stopping at
 * the first): missing or malformed cells, logins repeated in the file, units unknown, ambiguous or
 * outside the scope, and logins or phone numbers that belong to accounts the importer may not touch.
 */
export async function validateRoster(db: Kysely<Database>, scope: Scope, rows: RosterRow[]): Promise<Validation> {
  const directory = await loadUnitDirectory(db, scope);
  const problems: RowProblem[] = [];
  const add = (row: number, key: RosterColumnKey, message: string) => problems.push({ row, column: columnHeader(key), message });
  const firstRowOfLogin = new Map<string, number>();
  const candidates: Array<Omit<CheckedRow, 'existing'>> = [];

  for (const row of rows) {
    const before = problems.length;
    const name = nameProblem(row.name);
    if (name) add(row.row, 'name', name);
    const login = readLoginCell(row.login);
    if (!login.ok) add(row.row, 'login', login.message);
    else if (firstRowOfLogin.has(login.login)) add(row.row, 'login', `登录名“${login.login}”与第 ${firstRowOfLogin.get(login.login)} 行重复。`);
    else firstRowOfLogin.set(login.login, row.row);
    const unit = row.unit === '' ? { ok: false as const, message: '请填写单位。' } : directory.resolve(row.unit);
    if (!unit.ok) add(row.row, 'unit', unit.message);
    const position = positionProblem(row.position);
    if (position) add(row.row, 'position', position);
    if (problems.length === before && login.ok && unit.ok) {
      candidates.push({ row: row.row, name: row.name, login: login.login, phone: login.phone, unit: unit.unit, position: row.position });
    }
  }

  const accounts = new Map((await accountsWhere(db, 'login', candidates.map((c) => c.login))).map((a) => [a.login, a]));
  const newPhones = candidates.filter((c) => c.phone && !accounts.has(c.login)).map((c) => c.phone!);
  const phoneHolders = await accountsWhere(db, 'phone', newPhones);
  const checked: CheckedRow[] = [];
  for (const candidate of candidates) {
    const account = accounts.get(candidate.login);
    const problem = account ? accountProblem(account, scope) : phoneProblem(phoneHolders.filter((a) => a.phone === candidate.phone), scope);
    if (problem) add(candidate.row, 'login', problem);
    else if (account) {
      const { role: _role, active: _active, unitPath: _path, ...existing } = account;
      checked.push({ ...candidate, existing });
    } else checked.push({ ...candidate, existing: null });
  }

  const order: string[] = ROSTER_COLUMNS.map((c) => c.header);
  problems.sort((a, b) => a.row - b.row || order.indexOf(a.column) - order.indexOf(b.column));
  return { problems, rows: checked, directory };
}
