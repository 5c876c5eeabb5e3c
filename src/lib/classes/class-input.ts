import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { hoursToTenths } from '../hours/hours-input.ts';
import { requireUnitInScope, type Scope, scopeCoversUnit, usersInScope } from '../org/scope.ts';
import { isCalendarDate } from '../util/beijing-time.ts';
import type { ClassesTable, ClassKind } from './classes.table.ts';
import type { ContentLookup } from './content-lookup.ts';

/** A class as a trainer describes it (API body or form), before the rules have checked it. */
export interface ClassFields {
  kind: ClassKind;
  title: string;
  description?: string;
  startsOn: string;
  endsOn: string;
  place?: string;
  orgUnitId: string;
  /** The responsible trainer; a trainer creating a class may leave it out to take it themself. */
  trainerId?: string;
  /** Reading classes only. */
  readingCourseId?: string | null;
  noteMinChars?: number;
  readingHours?: number;
}

export const TITLE_MAX_CHARS = 60;
export const NOTE_MIN_CHARS_RANGE = { min: 50, max: 5000 } as const;
export const DEFAULT_NOTE_MIN_CHARS = 300;
export const READING_HOURS_RANGE = { min: 0.5, max: 10 } as const;

/** The checked columns of a class. */
export type CheckedClass = Pick<ClassesTable, 'kind' | 'title' | 'description' | 'starts_on' | 'ends_on' | 'place' | 'org_unit_id' | 'trainer_id' | 'reading_course_id' | 'note_min_chars' | 'reading_hours_tenths'>;

const chars = (text: string) => [...text].length;

function requireText(value: string | undefined, field: string, label: string, max: number, required: boolean): string {
  const text = (value ?? '').trim();
  if (required && !text) throw new ValidationError(`请填写${label}。`, { field });
  if (chars(text) > max) throw new ValidationError(`${label}不超过 ${max} 个字。`, { field });
  return text;
}

function requireDates(startsOn: string, endsOn: string): void {
  if (!isCalendarDate(startsOn)) throw new ValidationError('开始日期不是有效的日期。', { field: 'startsOn' });
  if (!isCalendarDate(endsOn)) throw new ValidationError('结束日期不是有效的日期。', { field: 'endsOn' });
  if (endsOn < startsOn) throw new ValidationError('结束日期不能早于开始日期。', { field: 'endsOn' });
}

/**
 * The responsible trainer: an active trainer inside the actor's scope (or one already `known`: the actor
 * themself, the class's current trainer) whose own scope covers the class's unit, so the roster they
 * see never reaches beyond what they may see anyway.
 */
async function requireTrainer(db: Kysely<Database>, scope: Scope, trainerId: string, unitPath: string, known: string[]): Promise<string> {
  const row = await db
    .selectFrom('users')
    .innerJoin('org_units as own', 'own.id', 'users.org_unit_id')
    .leftJoin('org_units as managed', 'managed.id', 'users.scope_unit_id')
    .select(['users.id', 'users.role', 'users.active', 'own.path as own_path', 'managed.path as managed_path'])
    .where('users.id', '=', trainerId)
    .where((eb) => (known.includes(trainerId) ? eb.lit(true) : usersInScope(scope)(eb)))
    .executeTakeFirst();
  if (!row || row.role !== 'trainer' || !row.active) throw new NotFoundError('找不到该教师，或其不在您的管理范围内。');
  if (!scopeCoversUnit({ kind: 'subtree', orgUnitPath: row.managed_path ?? row.own_path }, unitPath)) {
    throw new ValidationError('这位教师的管理范围不包括该班次服务的单位，请另选负责教师。', { field: 'trainerId' });
  }
  return row.id;
}

function readingColumns(fields: ClassFields, content: ContentLookup) {
  if (fields.kind !== 'reading') return { reading_course_id: null, note_min_chars: 0, reading_hours_tenths: 0 };
  const courseId = fields.readingCourseId ?? '';
  if (!courseId) throw new ValidationError('读书班须选择读书课程（内容中的读书班课程）。', { field: 'readingCourseId' });
  if (content.course(courseId)?.format !== 'reading') throw new ValidationError('所选课程不是读书班课程。', { field: 'readingCourseId' });
  const min = fields.noteMinChars ?? DEFAULT_NOTE_MIN_CHARS;
  if (!Number.isInteger(min) || min < NOTE_MIN_CHARS_RANGE.min || min > NOTE_MIN_CHARS_RANGE.max) {
    throw new ValidationError(`心得最少字数须为 ${NOTE_MIN_CHARS_RANGE.min}–${NOTE_MIN_CHARS_RANGE.max} 之间的整数。`, { field: 'noteMinChars' });
  }
  if (fields.readingHours === undefined) throw new ValidationError('请填写每篇心得通过后记的学时。', { field: 'readingHours' });
  const tenths = hoursToTenths(fields.readingHours, READING_HOURS_RANGE, 'readingHours', '每篇心得的学时');
  return { reading_course_id: courseId, note_min_chars: min, reading_hours_tenths: tenths };
}

/**
 * Checks a class description against the rules and the actor's scope; throws a ValidationError naming
 * the field, or NotFound. `currentTrainerId` (an edit) is accepted without being in the actor's scope.
 */
export async function checkClassFields(db: Kysely<Database>, actor: { id: string; role: string }, scope: Scope, fields: ClassFields, content: ContentLookup, currentTrainerId?: string): Promise<CheckedClass> {
  const title = requireText(fields.title, 'title', '班次名称', TITLE_MAX_CHARS, true);
  const description = requireText(fields.description, 'description', '班次说明', 1000, false);
  const place = requireText(fields.place, 'place', '地点', 100, false);
  requireDates(fields.startsOn, fields.endsOn);
  const unit = await requireUnitInScope(db, scope, fields.orgUnitId);
  const trainerId = fields.trainerId || (actor.role === 'trainer' ? actor.id : '');
  if (!trainerId) throw new ValidationError('请选择负责教师。', { field: 'trainerId' });
  return {
    kind: fields.kind,
    title,
    description,
    starts_on: fields.startsOn,
    ends_on: fields.endsOn,
    place,
    org_unit_id: unit.id,
    trainer_id: await requireTrainer(db, scope, trainerId, unit.path, [actor.id, currentTrainerId ?? actor.id]),
    ...readingColumns(fields, content),
  };
}
