import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { runAction } from '../http/form-action.ts';
import { readForm } from '../http/read-form.ts';
import type { ScopeSubject } from '../org/scope.ts';
import { TargetRuleForm } from './hours-forms.ts';
import { copyTargetRules, deleteTargetRule, setTargetRule } from './target-rules.ts';

export interface TargetsPostResult {
  redirect?: string;
  status: number;
  /** Field errors of the rule form that was sent (`_` for the page). */
  errors: Record<string, string>;
  values: Record<string, string>;
}

/**
 * Handles the targets page's forms: `?action=set` (add or change a rule), `?action=delete&rule=<id>`
 * and `?action=copy` (last year's rules into this year). Rules and permissions live in target-rules.ts.
 */
export async function handleTargetsPost(db: Kysely<Database>, actor: ScopeSubject, year: number, request: Request, url: URL): Promise<TargetsPostResult> {
  const back = (done: string) => `/targets?year=${year}&done=${done}`;
  const action = url.searchParams.get('action');
  if (action === 'delete') {
    const outcome = await runAction(() => deleteTargetRule(db, actor, url.searchParams.get('rule') ?? ''));
    return outcome.ok ? { redirect: back('deleted'), status: 303, errors: {}, values: {} } : { status: outcome.status, errors: { _: Object.values(outcome.errors)[0]! }, values: {} };
  }
  if (action === 'copy') {
    const outcome = await runAction(() => copyTargetRules(db, actor, year));
    return outcome.ok ? { redirect: back(`copied-${outcome.value}`), status: 303, errors: {}, values: {} } : { status: outcome.status, errors: { _: Object.values(outcome.errors)[0]! }, values: {} };
  }
  const form = await readForm(request, TargetRuleForm);
  if (!form.ok) return { status: 400, errors: { ...form.errors, _: form.message }, values: form.values };
  const outcome = await runAction(() => setTargetRule(db, actor, { year, ...form.data }));
  if (outcome.ok) return { redirect: back('saved'), status: 303, errors: {}, values: {} };
  return { status: outcome.status, errors: outcome.errors, values: form.values };
}
