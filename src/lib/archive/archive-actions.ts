import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { addAdjustment, reverseEntryInScope } from '../hours/adjustments.ts';
import { AdjustmentForm, ReversalForm } from '../hours/hours-forms.ts';
import { type ActionOutcome, runAction } from '../http/form-action.ts';
import { readForm } from '../http/read-form.ts';
import type { ScopeSubject } from '../org/scope.ts';

/** What the archive page shows after a form post that did not succeed. */
export interface ArchivePostResult {
  /** Where to go after a success (post/redirect/get, so a reload never posts twice). */
  redirect?: string;
  status: number;
  /** Adjustment field errors, `_` for the whole page. */
  errors: Record<string, string>;
  /** The adjustment form's values, to refill it. */
  values: Record<string, string>;
  /** The entry whose reversal failed, and why. */
  reversal?: { entryId: string; error: string; reason: string };
}

/**
 * Handles the two forms of a person's archive page: `?action=adjust` (add an adjustment) and
 * `?action=reverse&entry=<id>` (reverse an entry). The rules, scope and audit live in adjustments.ts.
 */
export async function handleArchivePost(db: Kysely<Database>, actor: ScopeSubject, personId: string, request: Request, url: URL): Promise<ArchivePostResult> {
  const back = `/people/${encodeURIComponent(personId)}`;
  if (url.searchParams.get('action') === 'reverse') {
    const entryId = url.searchParams.get('entry') ?? '';
    const form = await readForm(request, ReversalForm);
    const outcome: ActionOutcome<unknown> = form.ok
      ? await runAction(() => reverseEntryInScope(db, actor, entryId, form.data.reason))
      : { ok: false, status: 400, errors: form.errors };
    if (outcome.ok) return { redirect: `${back}?done=reversed#ledger`, status: 303, errors: {}, values: {} };
    const error = Object.values(outcome.errors)[0] ?? '冲销未成功，请重试。';
    return { status: outcome.status, errors: {}, values: {}, reversal: { entryId, error, reason: form.values.reason ?? '' } };
  }
  const form = await readForm(request, AdjustmentForm);
  if (!form.ok) return { status: 400, errors: { ...form.errors, _: form.message }, values: form.values };
  const outcome = await runAction(() => addAdjustment(db, actor, { personId, ...form.data }));
  if (outcome.ok) return { redirect: `${back}?done=adjusted#ledger`, status: 303, errors: {}, values: {} };
  return { status: outcome.status, errors: outcome.errors, values: form.values };
}
