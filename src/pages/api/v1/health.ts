import type { APIRoute } from 'astro';
import { sql } from 'kysely';
import { handle } from '@/lib/http/endpoint.ts';

export const GET: APIRoute = ({ locals }) =>
  handle(async () => {
    await sql`select 1`.execute(locals.db);
    return Response.json({ ok: true });
  });
