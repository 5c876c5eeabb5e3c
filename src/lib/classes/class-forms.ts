import { z } from 'zod';
import { parseHoursText } from '../hours/hours-input.ts';
import { beijingLocalToIso, beijingParts } from '../util/beijing-time.ts';
import { defaultWindow } from './checkin-window.ts';
import type { ClassFields } from './class-input.ts';
import type { ClassPatch } from './classes.ts';
import { CLASS_KINDS } from './classes.table.ts';
import type { SessionFields } from './session-input.ts';

/**
 * The class pages' forms as typed: text in, domain inputs out. The domain rules explain a bad value
 * in Chinese beside the field (the form fields carry the domain's field names).
 */
const line = (max: number) => z.string().max(max, '内容太长').optional().transform((v) => v ?? '');
const wholeNumber = (v: string) => (v.trim() ? Number(v.normalize('NFKC').trim()) : undefined);

export const ClassForm = z.object({
  kind: z.enum(CLASS_KINDS, { message: '请选择班次类型' }),
  title: line(200),
  description: line(2000),
  startsOn: line(10),
  endsOn: line(10),
  place: line(200),
  orgUnitId: line(64),
  trainerId: line(64),
  readingCourseId: line(100),
  noteMinChars: line(10).transform(wholeNumber),
  readingHours: line(20).transform((v) => (v.trim() ? parseHoursText(v) : undefined)),
});

/** The class form's values as ClassFields (blank means "not given"). */
export function classFieldsFrom(form: z.infer<typeof ClassForm>): ClassFields {
  return { ...form, trainerId: form.trainerId || undefined, readingCourseId: form.readingCourseId || null };
}

/** Editing a class: everything but its kind and unit, which stay as they were. */
export const ClassEditForm = ClassForm.omit({ kind: true, orgUnitId: true });

export function classPatchFrom(form: z.infer<typeof ClassEditForm>): ClassPatch {
  return { ...form, trainerId: form.trainerId || undefined, readingCourseId: form.readingCourseId || null };
}

export const RosterForm = z.object({
  orgUnitId: line(64),
  position: line(64),
  /** Logins separated by spaces, commas or new lines. */
  logins: line(5000),
});

export function rosterAdditionFrom(form: z.infer<typeof RosterForm>) {
  const logins = form.logins.split(/[\s,，、;；]+/).filter(Boolean);
  if (logins.length > 500) return null;
  return { orgUnitIds: form.orgUnitId ? [form.orgUnitId] : [], positions: form.position ? [form.position] : [], logins };
}

export const CourseForm = z.object({ courseId: line(100), dueOn: line(10) });

/** A session as the form has it: a day and wall-clock times in Beijing; blank window times mean the default. */
export const SessionForm = z.object({
  date: line(10),
  startsAt: line(5),
  endsAt: line(5),
  checkinOpensAt: line(5),
  checkinClosesAt: line(5),
  topic: line(300),
  speaker: line(200),
  place: line(200),
  hours: line(20).transform(parseHoursText),
  recordingLessonId: line(200),
});

const at = (date: string, time: string) => beijingLocalToIso(date, time) ?? 'invalid';

export function sessionFieldsFrom(form: z.infer<typeof SessionForm>): SessionFields {
  return {
    startsAt: at(form.date, form.startsAt),
    endsAt: at(form.date, form.endsAt),
    checkinOpensAt: form.checkinOpensAt ? at(form.date, form.checkinOpensAt) : undefined,
    checkinClosesAt: form.checkinClosesAt ? at(form.date, form.checkinClosesAt) : undefined,
    topic: form.topic,
    speaker: form.speaker,
    place: form.place,
    hours: form.hours,
    ...(form.recordingLessonId ? { recordingLessonId: form.recordingLessonId } : {}),
  };
}

/** A stored session as the form's values (for editing); a default window stays blank, so it follows a new start. */
export function sessionFormValues(s: { startsAt: string; endsAt: string; checkinOpensAt: string; checkinClosesAt: string; topic: string; speaker: string; place: string; hoursTenths: number }): Record<string, string> {
  const start = beijingParts(s.startsAt);
  const usual = defaultWindow(s.startsAt);
  const isDefault = usual.opensAt === s.checkinOpensAt && usual.closesAt === s.checkinClosesAt;
  return {
    date: start.date, startsAt: start.time, endsAt: beijingParts(s.endsAt).time, checkinOpensAt: isDefault ? '' : beijingParts(s.checkinOpensAt).time,
    checkinClosesAt: isDefault ? '' : beijingParts(s.checkinClosesAt).time, topic: s.topic, speaker: s.speaker, place: s.place, hours: String(s.hoursTenths / 10),
  };
}

export const ManualEntryForm = z.object({ userId: line(64), reason: line(1000) });
export const RecordingForm = z.object({ recordingLessonId: line(200) });
