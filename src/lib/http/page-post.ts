import type { z } from 'zod';
import { runAction } from './form-action.ts';
import { readForm } from './read-form.ts';

/** What a page shows after a form post: where to go on success, or the failed form's errors and values. */
export interface PagePost {
  redirect?: string;
  status: number;
  /** Which form failed (its errors and values belong to it). */
  form?: string;
  errors: Record<string, string>;
  values: Record<string, string>;
}

/** Reads a form and runs the action on its data; a bad form or a refused action comes back for the page to show. */
export async function submit<S extends z.ZodType, T>(request: Request, form: string, schema: S, action: (data: z.infer<S>) => Promise<T>, redirect: (value: T) => string): Promise<PagePost> {
  const parsed = await readForm(request, schema);
  if (!parsed.ok) return { status: 400, form, errors: { ...parsed.errors, _: parsed.message }, values: parsed.values };
  const outcome = await runAction(() => action(parsed.data));
  if (outcome.ok) return { redirect: redirect(outcome.value), status: 303, errors: {}, values: {} };
  return { status: outcome.status, form, errors: outcome.errors, values: parsed.values };
}

const NO_FORM = { errors: {} as Record<string, string>, values: {} as Record<string, string> };

/** The errors and values that belong to one form of the page (empty for the others). */
export function formState(post: PagePost, form: string): { errors: Record<string, string>; values: Record<string, string> } {
  return post.form === form ? post : NO_FORM;
}
