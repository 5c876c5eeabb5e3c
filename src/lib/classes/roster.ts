import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { recordAudit } from '../audit/audit.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { requireUnitInScope, type ScopeSubject, scopeOf, usersInScope } from '../org/scope.ts';
import { requireManagedClass } from './access.ts';
import { syncClassEnrollments } from './assigned-courses.ts';

/** Who to put on a roster: every active cadre of some units' subtrees, of some positions, or named cadres. */
export interface RosterAddition {
  orgUnitIds?: string[];
  positions?: string[];
  userIds?: string[];
  /** Named cadres by login (the page's text field). */
  logins?: string[];
}

type Source = 'unit' | 'position' | 'single';

/**
 * Adds cadres to a class the actor manages. Everyone added must be an active cadre inside both the
 * class's unit subtree and the actor's scope: a unit or person outside the actor's scope answers
 * NotFound, one inside it but outside the class's subtree a ValidationError, and then nothing is
 * added. Members already on the roster stay as they were. Assigned courses reach the new members.
 */
export async function addMembers(db: Kysely<Database>, actor: ScopeSubject, classId: string, addition: RosterAddition, now = new Date()) {
  const cls = await requireManagedClass(db, actor, classId);
  const scope = scopeOf(actor);
  const inClass = (eb: ExpressionBuilder<Database, 'users' | 'org_units'>) =>
    eb.and([eb('users.role', '=', 'cadre'), eb('users.active', '=', 1), eb('org_units.path', 'like', `${cls.unit_path}%`), usersInScope(scope)(eb as ExpressionBuilder<Database, 'users'>)]);
  const cadres = () => db.selectFrom('users').innerJoin('org_units', 'org_units.id', 'users.org_unit_id').select('users.id').where(inClass);
  const picked = new Map<string, Source>();
  const pick = (ids: Array<{ id: string }>, source: Source) => ids.forEach(({ id }) => picked.has(id) || picked.set(id, source));

  for (const userId of new Set(addition.userIds ?? [])) pick([await requireCadre(db, actor, cls.unit_path, { id: userId })], 'single');
  for (const login of new Set(addition.logins ?? [])) pick([await requireCadre(db, actor, cls.unit_path, { login })], 'single');
  for (const position of new Set((addition.positions ?? []).map((p) => p.trim()).filter(Boolean))) {
    const found = await cadres().where('users.position', '=', position).execute();
    if (!found.length) throw new ValidationError(`在本班次服务的单位（${cls.unit_name}）里，没有职务为“${position}”的在职学员。`, { field: 'positions' });
    pick(found, 'position');
  }
  for (const unitId of new Set(addition.orgUnitIds ?? [])) {
    const unit = await requireUnitInScope(db, scope, unitId);
    if (!unit.path.startsWith(cls.unit_path)) throw new ValidationError(`“${unit.name}”不在本班次服务的单位（${cls.unit_name}）之内。`, { field: 'orgUnitIds' });
    pick(await cadres().where('org_units.path', 'like', `${unit.path}%`).execute(), 'unit');
  }
  if (picked.size === 0 && !(addition.orgUnitIds?.length || addition.positions?.length)) {
    throw new ValidationError('请选择要加入名单的单位、职务或学员。', { field: '_' });
  }

  return db.transaction().execute(async (trx) => {
    let added = 0;
    const rows = [...picked].map(([userId, source]) => ({ class_id: classId, user_id: userId, source, added_by: actor.id, added_at: now.toISOString() }));
    for (let i = 0; i < rows.length; i += 500) {
      const result = await trx.insertInto('class_members').values(rows.slice(i, i + 500)).onConflict((oc) => oc.columns(['class_id', 'user_id']).doNothing()).executeTakeFirst();
      added += Number(result.numInsertedOrUpdatedRows ?? 0);
    }
    if (added) await syncClassEnrollments(trx, classId, actor.id, now);
    const total = await countMembers(trx, classId);
    const detail = { added, total, orgUnitIds: addition.orgUnitIds ?? [], positions: addition.positions ?? [], singles: (addition.userIds?.length ?? 0) + (addition.logins?.length ?? 0) };
    await recordAudit(trx, { actorId: actor.id, action: 'class.members.add', targetType: 'class', targetId: classId, detail }, now);
    return { added, total };
  });
}

/** One named cadre for a roster: in the actor's scope (else NotFound), an active cadre of the class's subtree (else ValidationError). */
async function requireCadre(db: Kysely<Database>, actor: ScopeSubject, classUnitPath: string, who: { id: string } | { login: string }) {
  const row = await db
    .selectFrom('users')
    .innerJoin('org_units', 'org_units.id', 'users.org_unit_id')
    .select(['users.id', 'users.name', 'users.role', 'users.active', 'org_units.path'])
    .where((eb) => ('id' in who ? eb('users.id', '=', who.id) : eb('users.login', '=', who.login.trim().toLowerCase())))
    .where(usersInScope(scopeOf(actor)))
    .executeTakeFirst();
  const label = 'id' in who ? '该人员' : `账号“${who.login}”`;
  if (!row) throw new NotFoundError(`找不到${label}，或其不在您的管理范围内。`);
  if (row.role !== 'cadre') throw new ValidationError(`${row.name}不是学员账号，不能加入班次名单。`, { field: 'userIds' });
  if (!row.active) throw new ValidationError(`${row.name}的账号已停用。`, { field: 'userIds' });
  if (!row.path.startsWith(classUnitPath)) throw new ValidationError(`${row.name}不在本班次服务的单位之内。`, { field: 'userIds' });
  return { id: row.id };
}

async function countMembers(db: Kysely<Database>, classId: string): Promise<number> {
  const row = await db.selectFrom('class_members').select((eb) => eb.fn.countAll<number>().as('n')).where('class_id', '=', classId).executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Takes a cadre off the roster. Their attendance, credited hours and enrolments stay: they are the
 * record of what happened (the archive still lists the class through its attendance). Audited.
 */
export async function removeMember(db: Kysely<Database>, actor: ScopeSubject, classId: string, userId: string, now = new Date()) {
  await requireManagedClass(db, actor, classId);
  return db.transaction().execute(async (trx) => {
    const result = await trx.deleteFrom('class_members').where('class_id', '=', classId).where('user_id', '=', userId).executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) throw new NotFoundError('该学员不在本班次的名单中。');
    await recordAudit(trx, { actorId: actor.id, action: 'class.members.remove', targetType: 'class', targetId: classId, detail: { userId } }, now);
    return { total: await countMembers(trx, classId) };
  });
}
