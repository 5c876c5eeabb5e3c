import type { z } from 'zod';
import { DomainError, ValidationError } from '../errors.ts';

/** JSON request bodies above this size are refused with 413. */
export const MAX_JSON_BODY_BYTES = 64 * 1024;

/** Reads the request body as text, refusing it once it passes the limit. */
async function readLimited(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw new DomainError('payload_too_large', `请求内容过大（上限 ${maxBytes} 字节）。`);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw new DomainError('payload_too_large', `请求内容过大（上限 ${maxBytes} 字节）。`);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError('payload_too_large', '请求内容过大或传输中断。');
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

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
  const text = await readLimited(request, maxBytes);
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
