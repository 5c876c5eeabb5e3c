import type { z } from 'zod';

/** One endpoint's contract: the schemas that validate it are the ones the OpenAPI document shows. */
export interface RouteContract {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  /** OpenAPI path under /api/v1, e.g. `/users/{id}`. */
  path: string;
  summary: string;
  tag: string;
  /** Roles allowed; 'public' needs no session. */
  access: 'public' | 'signed-in' | string;
  body?: z.ZodType;
  /** Media type of the request body when it is not JSON (e.g. an .xlsx upload). */
  bodyMediaType?: string;
  query?: z.ZodObject;
  params?: z.ZodObject;
  response?: z.ZodType;
  /** Media type of the success response when it is a file rather than JSON. */
  responseMediaType?: string;
  /** Success status (200 unless stated). */
  status?: number;
  /** Error statuses the endpoint may answer with. */
  errors: number[];
}

/** Declares a contract with its literal types kept. */
export function defineRoute<const T extends RouteContract>(route: T): T {
  return route;
}
