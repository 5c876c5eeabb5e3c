import type { APIRoute } from 'astro';
import { presentCourseSummary } from '@/lib/api/present-courses.ts';
import { courseRoutes } from '@/lib/api/schemas/courses.ts';
import { requireUser } from '@/lib/auth/guards.ts';
import { findCourses } from '@/lib/catalog/filter.ts';
import { handle } from '@/lib/http/endpoint.ts';
import { readQuery } from '@/lib/http/read-json.ts';
import { loadCatalog } from '@/pages/courses/_catalog.ts';

export const GET: APIRoute = ({ url, locals }) =>
  handle(async () => {
    requireUser(locals);
    const query = readQuery(url, courseRoutes.list.query);
    const matches = findCourses(await loadCatalog(), { q: query.q ?? '', category: query.category ?? null, tag: query.tag || null });
    return Response.json({ courses: matches.map((m) => presentCourseSummary(m.course)) });
  });
