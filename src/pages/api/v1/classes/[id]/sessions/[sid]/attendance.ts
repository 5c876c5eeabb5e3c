import type { APIRoute } from 'astro';
import { presentAttendance } from '@/lib/api/present-classes.ts';
import { classRoutes } from '@/lib/api/schemas/classes.ts';
import { requireUser } from '@/lib/auth/guards.ts';
import { recordManualEntry, sessionAttendance } from '@/lib/classes/attendance.ts';
import { handle } from '@/lib/http/endpoint.ts';
import { readJson } from '@/lib/http/read-json.ts';
import { classContent } from '@/pages/classes/_content.ts';

export const GET: APIRoute = ({ params, locals }) =>
  handle(async () => {
    const user = requireUser(locals);
    return Response.json(presentAttendance(await sessionAttendance(locals.db, user, params.id!, params.sid!, await classContent())));
  });

export const POST: APIRoute = ({ params, request, locals }) =>
  handle(async () => {
    const user = requireUser(locals);
    const body = await readJson(request, classRoutes.recordAttendance.body);
    await recordManualEntry(locals.db, user, params.id!, params.sid!, body);
    return Response.json(presentAttendance(await sessionAttendance(locals.db, user, params.id!, params.sid!, await classContent())), { status: 201 });
  });
