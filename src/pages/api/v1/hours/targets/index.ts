import type { APIRoute } from 'astro';
import { presentTargetRule } from '@/lib/api/present-hours.ts';
import { hoursRoutes } from '@/lib/api/schemas/hours.ts';
import { requireRole, requireUser } from '@/lib/auth/guards.ts';
import { beijingYear } from '@/lib/hours/beijing-year.ts';
import { listTargetRules, mayEditTargets, setTargetRule } from '@/lib/hours/target-rules.ts';
import { handle } from '@/lib/http/endpoint.ts';
import { readJson, readQuery } from '@/lib/http/read-json.ts';

export const GET: APIRoute = ({ url, locals }) =>
  handle(async () => {
    const user = requireRole(locals, 'staff', 'trainer', 'admin');
    const year = readQuery(url, hoursRoutes.targets.query).year ?? beijingYear(new Date());
    const rules = await listTargetRules(locals.db, year);
    return Response.json({ year, canEdit: mayEditTargets(user), rules: rules.map(presentTargetRule) });
  });

export const PUT: APIRoute = ({ request, locals }) =>
  handle(async () => {
    const user = requireUser(locals);
    const body = await readJson(request, hoursRoutes.setTarget.body);
    return Response.json(presentTargetRule(await setTargetRule(locals.db, user, body)));
  });
