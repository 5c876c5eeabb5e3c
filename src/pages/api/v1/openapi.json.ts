import type { APIRoute } from 'astro';
import { openApiDocument } from '@/lib/api/openapi.ts';

export const GET: APIRoute = () => Response.json(openApiDocument(), { headers: { 'Cache-Control': 'public, max-age=300' } });
