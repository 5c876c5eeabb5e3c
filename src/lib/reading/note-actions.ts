import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../../db/schema.ts';
import { DomainError } from '../errors.ts';
import { statusOf } from '../http/errors.ts';
import { readForm } from '../http/read-form.ts';
import type { ScopeSubject } from '../org/scope.ts';
import { NoteChangedError, saveDraft, submitNote } from './drafting.ts';
import type { ReadingLookup } from './reading-list.ts';
import { approveNote, returnNote } from './review.ts';

/** What a page shows after a form post that did not succeed (a success redirects: post/redirect/get). */
export interface NotePostResult {
  redirect?: string;
  status: number;
  error?: string;
  /** The text as posted, to put back in the form. */
  values: Record<string, string>;
  /** The server's newer version when the post would have overwritten it. */
  conflict?: { body: string; updatedAt: string };
}

const EditorForm = z.object({
  body: z.string().max(40_000, '心得太长'),
  baseUpdatedAt: z.string().max(40).optional().transform((v) => v || null),
  intent: z.enum(['save', 'submit'], { message: '请选择保存草稿或提交审核。' }),
});

const ReviewForm = z.object({
  decision: z.enum(['approve', 'return'], { message: '请选择通过或退回。' }),
  comment: z.string().max(2000, '意见太长').default(''),
  reason: z.string().max(2000, '原因太长').default(''),
});

function failed(error: unknown, values: Record<string, string>): NotePostResult {
  if (!(error instanceof DomainError)) throw error;
  const result: NotePostResult = { status: statusOf(error.code), error: error.message, values };
  if (error instanceof NoteChangedError) result.conflict = { body: error.current.body, updatedAt: error.current.updatedAt };
  return result;
}

/** The note editor's two buttons, 保存草稿 and 提交审核, without JavaScript. */
export async function handleEditorPost(db: Kysely<Database>, author: ScopeSubject, classId: string, readingKey: string, request: Request, readingsOf: ReadingLookup): Promise<NotePostResult> {
  const form = await readForm(request, EditorForm);
  if (!form.ok) return { status: 400, error: Object.values(form.errors)[0] ?? form.message, values: form.values };
  const { intent, ...input } = form.data;
  try {
    if (intent === 'submit') await submitNote(db, author, classId, readingKey, input, readingsOf);
    else await saveDraft(db, author, classId, readingKey, input, readingsOf);
    return { redirect: `${new URL(request.url).pathname}?done=${intent === 'submit' ? 'submitted' : 'saved'}`, status: 303, values: {} };
  } catch (error) {
    return failed(error, form.values);
  }
}

/** The reviewer's 通过 (with comment) and 退回 (with reason) buttons. */
export async function handleReviewPost(db: Kysely<Database>, reviewer: ScopeSubject, classId: string, noteId: string, request: Request, readingsOf: ReadingLookup): Promise<NotePostResult> {
  const form = await readForm(request, ReviewForm);
  if (!form.ok) return { status: 400, error: Object.values(form.errors)[0] ?? form.message, values: form.values };
  const { decision, comment, reason } = form.data;
  try {
    if (decision === 'approve') await approveNote(db, reviewer, classId, noteId, comment, readingsOf);
    else await returnNote(db, reviewer, classId, noteId, reason, readingsOf);
    return { redirect: `${new URL(request.url).pathname}?done=${decision === 'approve' ? 'approved' : 'returned'}`, status: 303, values: {} };
  } catch (error) {
    return failed(error, form.values);
  }
}
