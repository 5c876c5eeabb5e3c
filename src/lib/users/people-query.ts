import { z } from 'zod';
import { ROLES } from './users.table.ts';

/** The people filter as typed into a page's search form (lenient: a bad value is dropped, not an error). */
export const PeopleSearchParams = z.object({
  orgUnit: z.string().max(64).optional().catch(undefined),
  role: z.enum(ROLES).optional().catch(undefined),
  q: z.string().trim().max(40).optional().catch(undefined),
  includeInactive: z.literal('1').optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export const PEOPLE_PAGE_SIZE = 50;

/** Reads the page's search parameters into the people filter. */
export function peopleFilterFromUrl(url: URL) {
  const params = PeopleSearchParams.parse(Object.fromEntries(url.searchParams));
  return {
    params,
    filter: {
      orgUnitId: params.orgUnit || undefined,
      role: params.role,
      search: params.q || undefined,
      includeInactive: params.includeInactive === '1',
      limit: PEOPLE_PAGE_SIZE,
      offset: (params.page - 1) * PEOPLE_PAGE_SIZE,
    },
  };
}
