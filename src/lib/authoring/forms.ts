import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ValidationError } from '../errors.ts';
import type { CourseContent } from './content.ts';

/**
 * The authoring pages' forms as typed: text in, course.yaml fields out. Values are taken as the
 * trainer wrote them; the course schema judges them on submission and its messages say what to fix.
 */
const line = (max: number) => z.string().max(max, '内容太长').optional().transform((v) => v ?? '');

export const CreateCourseForm = z.object({ slug: line(100), title: line(200) });

export const CourseFieldsForm = z.object({
  title: line(200),
  summary: line(1000),
  category: line(20),
  format: line(20),
  tags: line(400),
  hours: line(20),
  audience: line(400),
  cover: line(400),
  open: line(10),
  order: line(10),
  references: line(10_000),
  schedule: line(50_000),
  baseUpdatedAt: line(40),
});

const SCHEDULE_KEYS = ['weeks', 'readings', 'lectures'];

function numberOrText(text: string): number | string | undefined {
  const t = text.normalize('NFKC').trim();
  if (!t) return undefined;
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : t;
}

/** `书名｜说明` per line (a half-width `|` works too). */
export function referencesFromText(text: string): Array<{ title: string; note?: string }> {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [title = '', ...rest] = l.split(/[|｜]/);
      const note = rest.join('｜').trim();
      return note ? { title: title.trim(), note } : { title: title.trim() };
    });
}

export function referencesToText(references: unknown): string {
  if (!Array.isArray(references)) return '';
  return references.map((r: { title?: string; note?: string }) => (r.note ? `${r.title ?? ''}｜${r.note}` : (r.title ?? ''))).join('\n');
}

/** The reading schedule (weeks, readings) or lecture list, written as YAML in one box. */
export function scheduleFromYaml(text: string): Record<string, unknown> {
  if (!text.trim()) return {};
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (error) {
    throw new ValidationError(`读书安排或讲座安排的 YAML 格式有误：${String((error as Error).message).split('\n')[0]}`, { field: 'schedule' });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ValidationError('读书安排或讲座安排应写成 weeks:、readings: 或 lectures: 开头的 YAML。', { field: 'schedule' });
  const unknown = Object.keys(value).filter((k) => !SCHEDULE_KEYS.includes(k));
  if (unknown.length) throw new ValidationError(`这里只能写 weeks、readings、lectures，不能写 ${unknown.join('、')}。`, { field: 'schedule' });
  return value as Record<string, unknown>;
}

/** course.yaml fields from the form; fields left empty are dropped so the schema reports them as missing. */
export function courseFieldsFrom(form: z.output<typeof CourseFieldsForm>): Record<string, unknown> {
  const schedule = scheduleFromYaml(form.schedule);
  return {
    title: form.title.trim() || undefined,
    summary: form.summary.trim() || undefined,
    category: form.category || undefined,
    format: form.format || undefined,
    tags: form.tags.split(/[,，、\s]+/).map((t) => t.trim()).filter(Boolean),
    hours: numberOrText(form.hours),
    audience: form.audience.trim() || undefined,
    cover: form.cover.trim() || undefined,
    open: form.open === 'on' || form.open === 'true',
    order: numberOrText(form.order),
    references: referencesFromText(form.references),
    weeks: schedule.weeks,
    readings: schedule.readings,
    lectures: schedule.lectures,
  };
}

export const LessonForm = z.object({
  title: line(200),
  minutes: line(10),
  summary: line(1000),
  body: line(200_000),
  mediaKind: line(10),
  mediaSrc: line(400),
  mediaTitle: line(200),
  mediaDuration: line(10),
  mediaCaptions: line(400),
  baseUpdatedAt: line(40),
});

/** A lesson from the no-JavaScript form: the same fields the editor sends as JSON. */
export function lessonFieldsFrom(form: z.output<typeof LessonForm>) {
  const minutes = Number(form.minutes.normalize('NFKC').trim());
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > 600) throw new ValidationError('要求学习时长请填 0—600 的整数（分钟）。', { field: 'minutes' });
  let media: CourseContent['lessons'][number]['media'] | null = null;
  if (form.mediaKind === 'video' || form.mediaKind === 'audio') {
    const duration = Number(form.mediaDuration.normalize('NFKC').trim());
    if (!form.mediaSrc.trim()) throw new ValidationError('请填写音视频文件的地址（上传后点“插入”可得到 /media/… 地址）。', { field: 'mediaSrc' });
    if (!Number.isInteger(duration) || duration < 1) throw new ValidationError('请填写音视频的时长（秒，整数）：服务器据此核对是否看完。', { field: 'mediaDuration' });
    media = {
      kind: form.mediaKind,
      src: form.mediaSrc.trim(),
      durationSeconds: duration,
      ...(form.mediaTitle.trim() ? { title: form.mediaTitle.trim() } : {}),
      ...(form.mediaCaptions.trim() ? { captions: form.mediaCaptions.trim() } : {}),
    };
  }
  return { title: form.title.trim(), minutes, summary: form.summary.trim(), body: form.body, media };
}

export const QuizForm = z.object({ yaml: line(200_000), baseUpdatedAt: line(40) });
export const SubmitForm = z.object({ note: line(2000) });
export const ReviewForm = z.object({ decision: z.enum(['publish', 'return'], { message: '请选择发布或退回' }), comment: line(2000) });
export const RollbackForm = z.object({ version: line(10).transform((v) => Number(v)), reason: line(2000) });
export const LessonRefForm = z.object({ lesson: line(64), title: line(200) });
