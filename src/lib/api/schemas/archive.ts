import { z } from 'zod';
import { defineRoute } from '../contract.ts';
import { IdParams, RoleSchema } from './common.ts';
import { PersonClassSchema } from './class-sessions.ts';
import { LedgerEntrySchema, TargetSchema } from './hours.ts';

const ArchiveEnrollmentSchema = z.object({
  courseId: z.string(),
  courseTitle: z.string(),
  required: z.boolean(),
  origin: z.enum(['self', 'assigned']),
  enrolledAt: z.string(),
  lessonsDone: z.number().int(),
  lessonsTotal: z.number().int().nullable().meta({ description: '课程现有课时数；课程已下架为 null' }),
  lessonsCompletedAt: z.string().nullable(),
  quizPassedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
});

const ArchiveAttemptSchema = z
  .object({
    id: z.string(),
    courseId: z.string(),
    courseTitle: z.string(),
    status: z.enum(['open', 'submitted', 'expired']),
    scorePercent: z.number().int().nullable(),
    passed: z.boolean(),
    startedAt: z.string(),
    submittedAt: z.string().nullable(),
  })
  .meta({ description: '测验记录：只有结果，不含试卷和作答' });

const ArchiveYearSchema = z.object({
  year: z.number().int(),
  total: z.number(),
  fromRequired: z.number(),
  target: TargetSchema.nullable(),
  entries: z.array(LedgerEntrySchema),
});

const ArchiveCertificateSchema = z.object({
  kind: z.enum(['course', 'yearly', 'class']),
  title: z.string(),
  code: z.string(),
  hours: z.number(),
  completedOn: z.string(),
  issuedAt: z.string(),
});

const ArchiveReadingNoteSchema = z
  .object({
    noteId: z.string(),
    classId: z.string(),
    classTitle: z.string(),
    readingKey: z.string(),
    readingTitle: z.string(),
    status: z.enum(['submitted', 'approved', 'returned']),
    submittedAt: z.string().nullable(),
    reviewerName: z.string().nullable(),
    reviewedAt: z.string().nullable(),
    reviewComment: z.string().meta({ description: '最近一次审核的意见（通过）或退回原因' }),
    history: z.array(
      z.object({
        action: z.enum(['submit', 'approve', 'return']),
        actorName: z.string().nullable(),
        at: z.string(),
        text: z.string().meta({ description: '通过时的意见或退回原因；提交为空' }),
      }),
    ),
  })
  .meta({ description: '读书心得（草稿不列入）：状态、审核人、意见或退回原因、每次提交与审核的时间' });

export const ArchiveResponse = z
  .object({
    person: z.object({ id: z.string(), name: z.string(), role: RoleSchema, position: z.string(), orgUnitName: z.string(), active: z.boolean() }),
    enrollments: z.array(ArchiveEnrollmentSchema),
    quizAttempts: z.array(ArchiveAttemptSchema),
    years: z.array(ArchiveYearSchema).meta({ description: '各年学时台账，新的年份在前；总含今年' }),
    certificates: z.array(ArchiveCertificateSchema),
    readingNotes: z.array(ArchiveReadingNoteSchema),
    classes: z.array(PersonClassSchema).meta({ description: '班次与考勤：各场次签到、请假、缺席，补签到和请假的原因与经办人，请假占比' }),
  })
  .meta({ id: 'Archive' });

export const archiveRoutes = {
  get: defineRoute({
    method: 'get', path: '/cadres/{id}/archive', tag: 'archive',
    access: 'signed-in：本人；staff、trainer、admin 限管理范围内（范围外与不存在的 id 一样答 404）',
    summary: '学习档案：课程与进度、测验结果、各年学时与目标、证书、读书心得与审核记录、班次与考勤',
    params: IdParams, response: ArchiveResponse, errors: [401, 404],
  }),
};
