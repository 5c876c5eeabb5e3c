import type { APIRoute } from 'astro';
import { presentLedgerEntry, presentTarget } from '@/lib/api/present-hours.ts';
import { hoursRoutes } from '@/lib/api/schemas/hours.ts';
import { requireUser } from '@/lib/auth/guards.ts';
import { beijingYear } from '@/lib/hours/beijing-year.ts';
import { listLedger, yearTotals } from '@/lib/hours/ledger.ts';
import { targetFor } from '@/lib/hours/targets.ts';
import { fromTenths } from '@/lib/hours/units.ts';
import { handle } from '@/lib/http/endpoint.ts';
import { readQuery } from '@/lib/http/read-json.ts';

export const GET: APIRoute = ({ url, locals }) =>
  handle(async () => {
    const user = requireUser(locals);
    const year = readQuery(url, hoursRoutes.mine.query).year ?? beijingYear(new Date());
    const [entries, totals, target] = await Promise.all([listLedger(locals.db, user.id, year), yearTotals(locals.db, user.id, year), targetFor(locals.db, user, year)]);
    return Response.json({
      year,
      total: fromTenths(totals.totalTenths),
      fromRequired: fromTenths(totals.requiredTenths),
      target: presentTarget(target),
      entries: entries.map(presentLedgerEntry),
    });
  });
