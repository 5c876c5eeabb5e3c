import type { z } from 'zod';
import { DomainError, ValidationError } from '../errors.ts';
import { readBodyBytes } from './read-body.ts';

/** JSON request bodies above this size are refused with 413. */
export const MAX_JSON_BODY_BYTES = 64 * 1024;

/** Turns zod issues into `{ path, message }` pairs for the error details. */
export function issuesOf(error: z.ZodError) {
  return error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

/** Parses a JSON body with a strict schema: 415 if not JSON, 413 if too big, 400 if malformed or invalid. */
export async function readJson<S extends z.ZodType>(request: Request, schema: S, maxBytes = MAX_JSON_BODY_BYTES): Promise<z.infer<S>> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw new DomainError('unsupported_media_type', '请求内容须为 JSON（Content-Type: application/json）。');
  }
  const text = new TextDecoder().decode(await readBodyBytes(request, maxBytes));
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new DomainError('bad_request', '请求内容不是有效的 JSON。');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ValidationError('请求参数有误：' + parsed.error.issues.map((i) => `${i.path.join('.') || '(根)'} ${i.message}`).join('；'), issuesOf(parsed.error));
  return parsed.data;
}

/** Parses URL search parameters with a schema; 400 on anything invalid. */
export function readQuery<S extends z.ZodType>(url: URL, schema: S): z.infer<S> {
  const parsed = schema.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) throw new ValidationError('查询参数有误：' + parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('；'), issuesOf(parsed.error));
  return parsed.data;
}
