import { ValidationError } from '../errors.ts';
import { hoursToTenths } from '../hours/hours-input.ts';
import { beijingIsoDate } from '../hours/beijing-year.ts';
import { defaultWindow } from './checkin-window.ts';
import type { ClassSessionsTable } from './classes.table.ts';
import type { ContentLookup } from './content-lookup.ts';

/** A session as a trainer describes it; times are ISO 8601 moments. */
export interface SessionFields {
  startsAt: string;
  endsAt: string;
  place?: string;
  speaker?: string;
  topic: string;
  hours: number;
  /** Default: 30 minutes before the start. */
  checkinOpensAt?: string;
  /** Default: 30 minutes after the start. */
  checkinClosesAt?: string;
  recordingLessonId?: string | null;
}

export const SESSION_HOURS_RANGE = { min: 0.5, max: 12 } as const;
/** A session lasts at most this long… */
const MAX_SESSION_MS = 12 * 3600_000;
/** …and its check-in window lies within a day of its start. */
const MAX_WINDOW_DISTANCE_MS = 24 * 3600_000;

/** The checked columns of a session. */
export type CheckedSession = Pick<ClassSessionsTable, 'starts_at' | 'ends_at' | 'place' | 'speaker' | 'topic' | 'hours_tenths' | 'checkin_opens_at' | 'checkin_closes_at' | 'recording_lesson_id'>;

function moment(value: string, field: string, label: string): number {
  const ms = Date.parse(value);
  if (!Number.isFinite(ms)) throw new ValidationError(`${label}不是有效的时间。`, { field });
  return ms;
}

function text(value: string | undefined, field: string, label: string, max: number, required = false): string {
  const trimmed = (value ?? '').trim();
  if (required && !trimmed) throw new ValidationError(`请填写${label}。`, { field });
  if ([...trimmed].length > max) throw new ValidationError(`${label}不超过 ${max} 个字。`, { field });
  return trimmed;
}

/** A recorded lecture must be a lesson with a video. */
export function checkRecording(lessonId: string | null | undefined, content: ContentLookup): string | null {
  if (!lessonId) return null;
  const lesson = content.lesson(lessonId);
  if (!lesson) throw new ValidationError('找不到所选的课节。', { field: 'recordingLessonId' });
  if (!lesson.hasVideo) throw new ValidationError(`《${lesson.title}》没有视频，不能作为讲座录像。`, { field: 'recordingLessonId' });
  return lessonId;
}

/** Checks a session against the rules and its class's dates; throws a ValidationError naming the field. */
export function checkSessionFields(fields: SessionFields, cls: { starts_on: string; ends_on: string; place: string }, content: ContentLookup): CheckedSession {
  const start = moment(fields.startsAt, 'startsAt', '开始时间');
  const end = moment(fields.endsAt, 'endsAt', '结束时间');
  if (end <= start) throw new ValidationError('结束时间须晚于开始时间。', { field: 'endsAt' });
  if (end - start > MAX_SESSION_MS) throw new ValidationError('一场讲座不超过 12 小时。', { field: 'endsAt' });
  const day = beijingIsoDate(new Date(start));
  if (day < cls.starts_on || day > cls.ends_on) throw new ValidationError(`场次日期须在班次起止日期（${cls.starts_on} 至 ${cls.ends_on}）之内。`, { field: 'startsAt' });
  const startsAt = new Date(start).toISOString();
  const defaults = defaultWindow(startsAt);
  const opens = fields.checkinOpensAt ? moment(fields.checkinOpensAt, 'checkinOpensAt', '签到开始时间') : Date.parse(defaults.opensAt);
  const closes = fields.checkinClosesAt ? moment(fields.checkinClosesAt, 'checkinClosesAt', '签到截止时间') : Date.parse(defaults.closesAt);
  if (closes <= opens) throw new ValidationError('签到截止时间须晚于签到开始时间。', { field: 'checkinClosesAt' });
  if (Math.abs(opens - start) > MAX_WINDOW_DISTANCE_MS || Math.abs(closes - start) > MAX_WINDOW_DISTANCE_MS) {
    throw new ValidationError('签到时间须在讲座开始前后 24 小时之内。', { field: 'checkinOpensAt' });
  }
  return {
    starts_at: startsAt,
    ends_at: new Date(end).toISOString(),
    place: text(fields.place, 'place', '地点', 100) || cls.place,
    speaker: text(fields.speaker, 'speaker', '主讲人', 60),
    topic: text(fields.topic, 'topic', '讲座题目', 100, true),
    hours_tenths: hoursToTenths(fields.hours, SESSION_HOURS_RANGE, 'hours', '学时'),
    checkin_opens_at: new Date(opens).toISOString(),
    checkin_closes_at: new Date(closes).toISOString(),
    recording_lesson_id: checkRecording(fields.recordingLessonId, content),
  };
}
