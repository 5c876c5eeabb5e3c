import type { APIRoute } from 'astro';
import { presentMe } from '@/lib/api/present.ts';
import { requireUser } from '@/lib/auth/guards.ts';
import { handle } from '@/lib/http/endpoint.ts';

export const GET: APIRoute = ({ locals }) => handle(async () => Response.json(presentMe(requireUser(locals))));
