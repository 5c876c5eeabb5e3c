import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { recordAudit } from '../audit/audit.ts';
import { ForbiddenError, ValidationError } from '../errors.ts';
import { type ScopeSubject, scopeOf } from '../org/scope.ts';
import { newId } from '../util/ids.ts';
import { mayRunClasses, requireManagedClass } from './access.ts';
import { checkClassFields, type ClassFields } from './class-input.ts';
import type { ClassKind } from './classes.table.ts';
import type { ContentLookup } from './content-lookup.ts';

/** A class in lists: what it is, when and where, who runs it, and its size. */
export interface ClassSummary {
  id: string;
  kind: ClassKind;
  title: string;
  startsOn: string;
  endsOn: string;
  place: string;
  orgUnitId: string;
  orgUnitName: string;
  trainerId: string;
  trainerName: string;
  status: 'open' | 'closed';
  memberCount: number;
  sessionCount: number;
  /** Sum of the sessions' hours (tenths): the base of the 1/7 leave rule. */
  totalTenths: number;
}

function classSummaries(db: Kysely<Database>) {
  return db
    .selectFrom('classes')
    .innerJoin('org_units', 'org_units.id', 'classes.org_unit_id')
    .innerJoin('users as trainer', 'trainer.id', 'classes.trainer_id')
    .select((eb) => [
      'classes.id',
      'classes.kind',
      'classes.title',
      'classes.starts_on',
      'classes.ends_on',
      'classes.place',
      'classes.org_unit_id',
      'classes.trainer_id',
      'classes.status',
      'org_units.name as unit_name',
      'trainer.name as trainer_name',
      eb.selectFrom('class_members').select(sql<number>`cast(count(*) as integer)`.as('n')).whereRef('class_members.class_id', '=', 'classes.id').as('member_count'),
      eb.selectFrom('class_sessions').select(sql<number>`cast(count(*) as integer)`.as('n')).whereRef('class_sessions.class_id', '=', 'classes.id').as('session_count'),
      eb
        .selectFrom('class_sessions')
        .select(sql<number>`cast(coalesce(sum(hours_tenths), 0) as integer)`.as('n'))
        .whereRef('class_sessions.class_id', '=', 'classes.id')
        .as('total_tenths'),
    ]);
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof classSummaries>['execute']>>[number];

function toSummary(r: SummaryRow): ClassSummary {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    place: r.place,
    orgUnitId: r.org_unit_id,
    orgUnitName: r.unit_name,
    trainerId: r.trainer_id,
    trainerName: r.trainer_name,
    status: r.status,
    memberCount: Number(r.member_count ?? 0),
    sessionCount: Number(r.session_count ?? 0),
    totalTenths: Number(r.total_tenths ?? 0),
  };
}

/**
 * The classes a person sees in their list: a trainer the classes they are responsible for, staff and
 * admins every class of a unit in their scope, a cadre the classes whose roster they are on. Newest first.
 */
export async function listClasses(db: Kysely<Database>, viewer: ScopeSubject): Promise<ClassSummary[]> {
  let query = classSummaries(db);
  const scope = scopeOf(viewer);
  if (viewer.role === 'trainer') query = query.where('classes.trainer_id', '=', viewer.id);
  else if (scope.kind === 'subtree') query = query.where('org_units.path', 'like', `${scope.orgUnitPath}%`);
  else if (scope.kind === 'self') {
    query = query.where('classes.id', 'in', db.selectFrom('class_members').select('class_id').where('user_id', '=', viewer.id));
  }
  const rows = await query.orderBy('classes.starts_on', 'desc').orderBy('classes.title').execute();
  return rows.map(toSummary);
}

/** One class as lists show it (the caller has checked who may see it). */
export async function classSummary(db: Kysely<Database>, classId: string): Promise<ClassSummary> {
  return toSummary(await classSummaries(db).where('classes.id', '=', classId).executeTakeFirstOrThrow());
}

/** A trainer runs the classes they are responsible for; putting another trainer in charge is the department's call. */
function refuseHandover(actor: ScopeSubject, trainerId: string): void {
  if (actor.role === 'trainer' && trainerId !== actor.id) {
    throw new ValidationError('教师只能开设和管理自己负责的班次；需要由其他教师负责时，请联系组织部门指定。', { field: 'trainerId' });
  }
}

/** Creates a class in the actor's scope (trainers, staff and admins); audited. Returns its id. */
export async function createClass(db: Kysely<Database>, actor: ScopeSubject, fields: ClassFields, content: ContentLookup, now = new Date()): Promise<string> {
  if (!mayRunClasses(actor.role)) throw new ForbiddenError('只有教师、组织部门人员和管理员可以开设班次。');
  refuseHandover(actor, fields.trainerId ?? actor.id);
  const checked = await checkClassFields(db, actor, scopeOf(actor), fields, content);
  const id = newId();
  const stamp = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('classes').values({ id, ...checked, status: 'open', created_by: actor.id, created_at: stamp, updated_at: stamp }).execute();
    await recordAudit(trx, { actorId: actor.id, action: 'class.create', targetType: 'class', targetId: id, detail: { title: checked.title, kind: checked.kind } }, now);
  });
  return id;
}

/** What may change after creation: everything but the kind and the unit the class serves. */
export type ClassPatch = Partial<Omit<ClassFields, 'kind' | 'orgUnitId'>> & { status?: 'open' | 'closed' };

/** Changes a class the actor manages; the same rules as creation apply to the result. Audited. */
export async function updateClass(db: Kysely<Database>, actor: ScopeSubject, classId: string, patch: ClassPatch, content: ContentLookup, now = new Date()): Promise<void> {
  const cls = await requireManagedClass(db, actor, classId);
  if (patch.status !== undefined && patch.status !== 'open' && patch.status !== 'closed') throw new ValidationError('班次状态只能是 open 或 closed。', { field: 'status' });
  const merged: ClassFields = {
    kind: cls.kind,
    orgUnitId: cls.org_unit_id,
    title: patch.title ?? cls.title,
    description: patch.description ?? cls.description,
    startsOn: patch.startsOn ?? cls.starts_on,
    endsOn: patch.endsOn ?? cls.ends_on,
    place: patch.place ?? cls.place,
    trainerId: patch.trainerId ?? cls.trainer_id,
    readingCourseId: patch.readingCourseId === undefined ? cls.reading_course_id : patch.readingCourseId,
    noteMinChars: patch.noteMinChars ?? (cls.kind === 'reading' ? cls.note_min_chars : undefined),
    readingHours: patch.readingHours ?? (cls.kind === 'reading' ? cls.reading_hours_tenths / 10 : undefined),
  };
  if (patch.trainerId !== undefined && patch.trainerId !== cls.trainer_id) refuseHandover(actor, patch.trainerId);
  const checked = await checkClassFields(db, actor, scopeOf(actor), merged, content, cls.trainer_id);
  const trainerChanged = checked.trainer_id !== cls.trainer_id;
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('classes')
      .set({ ...checked, status: patch.status ?? cls.status, updated_at: now.toISOString() })
      .where('id', '=', classId)
      .execute();
    const detail = { changed: Object.keys(patch), ...(trainerChanged ? { trainerId: checked.trainer_id } : {}) };
    await recordAudit(trx, { actorId: actor.id, action: 'class.update', targetType: 'class', targetId: classId, detail }, now);
  });
}
