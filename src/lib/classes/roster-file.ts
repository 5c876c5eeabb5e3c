import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { ValidationError } from '../errors.ts';
import type { ScopeSubject } from '../org/scope.ts';
import { parseRoster } from '../roster/parse.ts';
import { addMembers } from './roster.ts';

/** The most people one file may add; the same bound as the login field. */
const MAX_ROWS = 500;

/**
 * Adds the cadres listed in the department's roster file (the template of 批量导入: 登录名或手机号
 * column) to a class. The file must be a readable .xlsx (checked by content); every listed account must
 * already exist and may join under the usual roster rules, else nothing is added.
 */
export async function addMembersFromRosterFile(db: Kysely<Database>, actor: ScopeSubject, classId: string, bytes: Uint8Array, now = new Date()) {
  const rows = await parseRoster(bytes);
  const logins = [...new Set(rows.map((r) => r.login).filter(Boolean))];
  if (logins.length === 0) throw new ValidationError('名单文件里没有填写任何登录名或手机号。', { field: 'file' });
  if (logins.length > MAX_ROWS) throw new ValidationError(`一个名单文件最多添加 ${MAX_ROWS} 人。`, { field: 'file' });
  return addMembers(db, actor, classId, { logins }, now);
}
