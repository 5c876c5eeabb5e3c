import { z } from 'zod';
import { mediaSchema } from '../../catalog/schema.ts';
import { defineRoute } from '../contract.ts';

const AUTHORS = 'trainer, staff, admin';
const slugParam = z.object({ slug: z.string().min(1).max(64) });
const lessonParams = z.object({ slug: z.string().min(1).max(64), lesson: z.string().min(1).max(64) });
const baseUpdatedAt = z.string().max(40).optional().meta({ description: '编辑器上次看到的 updatedAt；若草稿已被别处更新则 409，不覆盖' });

export const ProblemSchema = z
  .object({ where: z.string(), line: z.number().int().optional(), column: z.number().int().optional(), message: z.string() })
  .meta({ id: 'AuthoringProblem', description: '送审或检查时发现的问题：位置（课程信息、第几课、测验题库）、行、列和中文说明' });

const VersionStatusSchema = z.enum(['draft', 'submitted', 'returned', 'published']).meta({ id: 'CourseVersionStatus', description: 'draft 草稿, submitted 已送审, returned 已退回, published 已发布（冻结）' });

const LessonSchema = z.object({ slug: z.string(), title: z.string(), minutes: z.number().int(), summary: z.string(), media: mediaSchema.optional(), body: z.string() });
const ContentSchema = z.object({ course: z.record(z.string(), z.unknown()), lessons: z.array(LessonSchema), quiz: z.string().nullable() }).meta({ id: 'AuthoredCourseContent' });

export const AuthoredCourseSchema = z
  .object({
    slug: z.string(),
    title: z.string(),
    author: z.object({ id: z.string(), name: z.string(), orgUnitName: z.string() }),
    publishedVersion: z.number().int().nullable(),
    viewer: z.enum(['author', 'reviewer']),
    working: z.object({ number: z.number().int(), status: VersionStatusSchema, basedOn: z.number().int().nullable(), updatedAt: z.string(), content: ContentSchema }).nullable(),
    versions: z.array(z.object({ number: z.number().int(), status: VersionStatusSchema, basedOn: z.number().int().nullable(), updatedAt: z.string(), title: z.string() })),
    events: z.array(z.object({ version: z.number().int(), action: z.string(), actorName: z.string(), comment: z.string(), at: z.string() })),
  })
  .meta({ id: 'AuthoredCourse' });

const SavedSchema = z.object({ version: z.number().int(), updatedAt: z.string() }).meta({ id: 'DraftSaved' });

export const authoringRoutes = {
  list: defineRoute({
    method: 'get', path: '/authoring/courses', tag: 'authoring', access: AUTHORS, summary: '我编写的课程和我可以审核的课程',
    response: z.object({ courses: z.array(z.object({ slug: z.string(), title: z.string(), status: VersionStatusSchema.nullable(), publishedVersion: z.number().int().nullable(), viewer: z.enum(['author', 'reviewer']) })) }),
    errors: [401, 403],
  }),
  create: defineRoute({
    method: 'post', path: '/authoring/courses', tag: 'authoring', access: AUTHORS, summary: '新建课程（第 1 版草稿）',
    body: z.strictObject({ slug: z.string().max(100).meta({ description: '课程英文名，成为网址 /courses/<slug>，发布后不能改' }), title: z.string().max(200) }),
    response: AuthoredCourseSchema, status: 201, errors: [400, 401, 403, 409],
  }),
  get: defineRoute({
    method: 'get', path: '/authoring/courses/{slug}', tag: 'authoring', access: '编写者；管辖编写者单位的 staff/admin', summary: '课程的编写稿、版本和审核记录',
    params: slugParam, response: AuthoredCourseSchema, errors: [401, 404],
  }),
  saveCourse: defineRoute({
    method: 'patch', path: '/authoring/courses/{slug}/draft', tag: 'authoring', access: '编写者', summary: '保存课程信息（course.yaml 的字段）；已发布的课程从新版本草稿开始',
    params: slugParam, body: z.strictObject({ course: z.record(z.string(), z.unknown()), baseUpdatedAt }), response: SavedSchema, errors: [400, 401, 403, 404, 409],
  }),
  saveLesson: defineRoute({
    method: 'put', path: '/authoring/courses/{slug}/draft/lessons/{lesson}', tag: 'authoring', access: '编写者', summary: '保存一课（编辑器自动保存）',
    params: lessonParams,
    body: z.strictObject({ title: z.string().max(200), minutes: z.number().int().min(0).max(600), summary: z.string().max(1000), media: mediaSchema.nullable().optional(), body: z.string().max(200_000), baseUpdatedAt }),
    response: SavedSchema, errors: [400, 401, 403, 404, 409],
  }),
  saveQuiz: defineRoute({
    method: 'put', path: '/authoring/courses/{slug}/draft/quiz', tag: 'authoring', access: '编写者', summary: '保存测验题库（quiz.yaml 文本；null 表示不设测验）',
    params: slugParam, body: z.strictObject({ yaml: z.string().max(200_000).nullable(), baseUpdatedAt }),
    response: SavedSchema.extend({ problems: z.array(ProblemSchema) }), errors: [400, 401, 403, 404, 409],
  }),
  submit: defineRoute({
    method: 'post', path: '/authoring/courses/{slug}/submit', tag: 'authoring', access: '编写者', summary: '送审；有问题时 400，error.details.problems 逐条列出',
    params: slugParam, body: z.strictObject({ note: z.string().max(2000).optional() }), response: z.object({ version: z.number().int() }), errors: [400, 401, 403, 404, 409],
  }),
  review: defineRoute({
    method: 'post', path: '/authoring/courses/{slug}/review', tag: 'authoring', access: '管辖编写者单位的 staff/admin，不能是编写者本人', summary: '审核：发布或退回（退回须写原因）',
    params: slugParam, body: z.strictObject({ decision: z.enum(['publish', 'return']), comment: z.string().max(2000).optional() }),
    response: z.object({ version: z.number().int() }), errors: [400, 401, 403, 404, 409],
  }),
  rollback: defineRoute({
    method: 'post', path: '/authoring/courses/{slug}/rollback', tag: 'authoring', access: '管辖编写者单位的 staff/admin，不能是编写者本人', summary: '回退到曾经发布过的版本（须写原因）',
    params: slugParam, body: z.strictObject({ version: z.number().int().min(1), reason: z.string().max(2000) }),
    response: z.object({ version: z.number().int() }), errors: [400, 401, 403, 404, 409],
  }),
  check: defineRoute({
    method: 'post', path: '/authoring/check', tag: 'authoring', access: AUTHORS, summary: '检查一课正文（MDX）：返回行、列和中文说明',
    body: z.strictObject({ body: z.string().max(200_000) }), response: z.object({ problems: z.array(z.object({ line: z.number().int(), column: z.number().int(), message: z.string() })) }), errors: [400, 401, 403],
  }),
  export: defineRoute({
    method: 'get', path: '/authoring/courses/{slug}/export', tag: 'authoring', access: '编写者；管辖编写者单位的 staff/admin', summary: '导出课程包 .zip（content/courses/<slug>/ 的目录结构，含题库和媒体）',
    params: slugParam, query: z.strictObject({ version: z.coerce.number().int().min(1).optional() }), responseMediaType: 'application/zip', errors: [401, 404],
  }),
  import: defineRoute({
    method: 'post', path: '/authoring/imports', tag: 'authoring', access: AUTHORS,
    summary: '导入课程包 .zip，成为一门新课程的第 1 版草稿。请求体即 zip（不超过 1 MB）；更大的课程包先用 POST /media（purpose: course-package）分块上传，再以 JSON {"uploadId": "…", "slug": "…"} 导入，成功后课程包删除',
    query: z.strictObject({ slug: z.string().max(100).optional().meta({ description: '新课程的英文名；不填则用课程包里的目录名' }) }),
    body: z.string().meta({ format: 'binary' }), bodyMediaType: 'application/zip', response: AuthoredCourseSchema, status: 201, errors: [400, 401, 403, 404, 409, 413, 415],
  }),
};

/** The other body of POST /authoring/imports: a course package uploaded in chunks beforehand. */
export const ImportUploadBody = z.strictObject({ uploadId: z.string().min(1).max(64), slug: z.string().max(100).optional() });
