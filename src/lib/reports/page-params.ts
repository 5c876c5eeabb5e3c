import { z } from 'zod';

/** The report pages' filter as typed into their forms (lenient: a bad value is dropped, not an error). */
const PageParams = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  orgUnit: z.string().trim().min(1).max(64).optional().catch(undefined),
  position: z.string().trim().min(1).max(40).optional().catch(undefined),
  course: z.string().trim().min(1).max(100).optional().catch(undefined),
  sort: z.enum(['missing', 'hours', 'unit', 'name']).optional().catch(undefined),
});
export type ReportPageParams = z.output<typeof PageParams>;

export function reportParamsFromUrl(url: URL): ReportPageParams {
  return PageParams.parse(Object.fromEntries([...url.searchParams].filter(([, v]) => v !== '')));
}

/** The same filter as a query string, for links to exports, drill-down and the other report page. */
export function reportQueryString(params: ReportPageParams, extra: Record<string, string> = {}): string {
  const entries = Object.entries({ ...params, ...extra }).filter(([, v]) => v !== undefined && v !== '');
  return new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString();
}
