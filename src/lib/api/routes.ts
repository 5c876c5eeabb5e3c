import type { RouteContract } from './contract.ts';
import { authRoutes } from './schemas/auth.ts';
import { orgRoutes } from './schemas/org.ts';
import { userRoutes } from './schemas/users.ts';
import { courseRoutes } from './schemas/courses.ts';
import { studyRoutes } from './schemas/study.ts';
import { hoursRoutes } from './schemas/hours.ts';
import { quizRoutes } from './schemas/quizzes.ts';
import { reportRoutes } from './schemas/reports.ts';
import { archiveRoutes } from './schemas/archive.ts';
import { rosterRoutes } from './schemas/roster.ts';
import { readingRoutes } from './schemas/reading.ts';
import { classRoutes } from './schemas/classes.ts';
import { authoringRoutes } from './schemas/authoring.ts';
import { mediaRoutes } from './schemas/media.ts';
import { defineRoute } from './contract.ts';
import { z } from 'zod';

const systemRoutes = {
  health: defineRoute({
    method: 'get', path: '/health', tag: 'system', access: 'public', summary: '健康检查（数据库可用）',
    response: z.object({ ok: z.literal(true) }), errors: [],
  }),
  openapi: defineRoute({ method: 'get', path: '/openapi.json', tag: 'system', access: 'public', summary: '本 OpenAPI 文档', errors: [] }),
};

/** Every endpoint of /api/v1; a test checks that each endpoint file appears here. */
export const allRoutes: RouteContract[] = [
  ...Object.values(systemRoutes),
  ...Object.values(authRoutes),
  ...Object.values(orgRoutes),
  ...Object.values(userRoutes),
  ...Object.values(courseRoutes),
  ...Object.values(studyRoutes),
  ...Object.values(hoursRoutes),
  ...Object.values(quizRoutes),
  ...Object.values(reportRoutes),
  ...Object.values(archiveRoutes),
  ...Object.values(rosterRoutes),
  ...Object.values(readingRoutes),
  ...Object.values(classRoutes),
  ...Object.values(authoringRoutes),
  ...Object.values(mediaRoutes),
];
