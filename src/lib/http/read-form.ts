import type { z } from 'zod';

/** `values` holds the submitted text fields, so a page can refill its form after an error. */
export type FormResult<T> = ({ ok: true; data: T } | { ok: false; errors: Record<string, string>; message: string }) & { values: Record<string, string> };

/**
 * Parses a submitted form with a schema; field errors come back keyed by field name
 * so the page can show each beside its input. Never throws for bad input.
 */
export async function readForm<S extends z.ZodType>(request: Request, schema: S): Promise<FormResult<z.infer<S>>> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return { ok: false, errors: {}, message: '表单内容无法读取，请重新提交。', values: {} };
  }
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === 'string') values[key] = value;
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data, values };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? '_')] ??= issue.message;
  return { ok: false, errors, message: '请检查标出的栏目。', values };
}
