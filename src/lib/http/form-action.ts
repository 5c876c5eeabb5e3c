import { DomainError } from '../errors.ts';
import { statusOf } from './errors.ts';

export type ActionOutcome<T> = { ok: true; value: T } | { ok: false; status: number; errors: Record<string, string> };

/**
 * Runs a page's form action: expected failures become a status and a message keyed by field
 * (or `_` for the whole form) for the page to show; anything unexpected is rethrown.
 */
export async function runAction<T>(action: () => Promise<T>): Promise<ActionOutcome<T>> {
  try {
    return { ok: true, value: await action() };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const field = (error.details as { field?: string } | undefined)?.field ?? '_';
    return { ok: false, status: statusOf(error.code), errors: { [field]: error.message } };
  }
}
