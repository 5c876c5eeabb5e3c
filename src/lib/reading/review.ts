import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { recordAudit } from '../audit/audit.ts';
import type { NoteStatus } from '../classes/classes.table.ts';
import { requireClassReviewer } from '../class-completion/class-access.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import { creditOnce } from '../hours/ledger.ts';
import type { ScopeSubject } from '../org/scope.ts';
import { NOTE_STATUS_LABELS, nextStamp } from './notes.ts';
import { type AuthoredNote, findClassNote, listClassNotes, updateNoteIf } from './notes.repository.ts';
import { noteCreditTitle, readingsOfClass, requireReading } from './reading-class.ts';
import type { ReadingLookup } from './reading-list.ts';

/** A reason for returning a note must say at least this much… */
export const MIN_RETURN_REASON_CHARS = 2;
/** …and a comment or reason at most this much. */
export const MAX_REVIEW_TEXT_CHARS = 500;

/** Statuses a reviewer lists (drafts stay private to their author). */
export const REVIEWABLE_STATUSES: readonly NoteStatus[] = ['submitted', 'returned', 'approved'];

/** Notes of a class for its reviewer, in the given statuses (all but drafts by default). */
export async function listNotesForReview(db: Kysely<Database>, reviewer: ScopeSubject, classId: string, readingsOf: ReadingLookup, statuses: readonly NoteStatus[] = REVIEWABLE_STATUSES) {
  const cls = await requireClassReviewer(db, reviewer, classId);
  const readings = readingsOfClass(cls, readingsOf);
  const notes = await listClassNotes(db, classId, statuses.filter((s) => s !== 'draft'));
  return { cls, readings, notes };
}

/** One submitted (or reviewed) note of the class for its reviewer; drafts and other classes' notes are NotFound. */
export async function getNoteForReview(db: Kysely<Database>, reviewer: ScopeSubject, classId: string, noteId: string, readingsOf: ReadingLookup) {
  const cls = await requireClassReviewer(db, reviewer, classId);
  const readings = readingsOfClass(cls, readingsOf);
  const note = await findClassNote(db, classId, noteId);
  if (!note || note.status === 'draft') throw new NotFoundError('找不到这篇心得。');
  return { cls, reading: readings.find((r) => r.key === note.readingKey) ?? null, note };
}

function reviewText(text: string, min: number, field: string, missing: string): string {
  const trimmed = text.trim();
  const length = [...trimmed].length;
  if (length < min) throw new ValidationError(missing, { field });
  if (length > MAX_REVIEW_TEXT_CHARS) throw new ValidationError(`意见或原因不超过 ${MAX_REVIEW_TEXT_CHARS} 字。`, { field });
  return trimmed;
}

async function pendingNote(db: Kysely<Database>, reviewer: ScopeSubject, classId: string, noteId: string, readingsOf: ReadingLookup) {
  const found = await getNoteForReview(db, reviewer, classId, noteId, readingsOf);
  if (found.note.userId === reviewer.id) throw new ForbiddenError('不能审核自己的心得。');
  requirePending(found.note);
  return found;
}

function requirePending(note: Pick<AuthoredNote, 'status'>): void {
  if (note.status !== 'submitted') throw new ConflictError(`这篇心得现在是“${NOTE_STATUS_LABELS[note.status]}”，不在待审核状态，不能再审核。`);
}

/** Moves a submitted note to its decision, or throws 409 when another reviewer decided first. */
async function decide(trx: Kysely<Database>, classId: string, note: AuthoredNote, set: Parameters<typeof updateNoteIf>[3]): Promise<void> {
  if (await updateNoteIf(trx, note.id, { statuses: ['submitted'] }, set)) return;
  const now = await findClassNote(trx, classId, note.id);
  if (now) requirePending(now);
  throw new ConflictError('这篇心得刚刚已被审核，请刷新后查看。');
}

/**
 * Approves a submitted note with an optional comment and credits the class's reading hours to the
 * author once (`reading:<note id>`). Concurrent approvals: the status compare-and-set lets exactly
 * one through (the others get 409), and the ledger's unique source would stop a second credit anyway.
 */
export async function approveNote(db: Kysely<Database>, reviewer: ScopeSubject, classId: string, noteId: string, comment: string, readingsOf: ReadingLookup, now = new Date()) {
  const text = reviewText(comment, 0, 'comment', '');
  const { cls, note } = await pendingNote(db, reviewer, classId, noteId, readingsOf);
  const reading = requireReading(readingsOfClass(cls, readingsOf), note.readingKey);
  return db.transaction().execute(async (trx) => {
    const set = { status: 'approved' as const, reviewer_id: reviewer.id, reviewed_at: now.toISOString(), review_comment: text, updated_at: nextStamp(now, note.updatedAt) };
    await decide(trx, classId, note, set);
    const hoursTenths = cls.reading_hours_tenths;
    const credited = hoursTenths > 0 && (await creditOnce(trx, { userId: note.userId, kind: 'reading', source: `reading:${note.id}`, sourceTitle: noteCreditTitle(cls, reading), hoursTenths, reason: text, actorId: reviewer.id }, now));
    const detail = { classId, readingKey: note.readingKey, authorId: note.userId, comment: text, hoursTenths: credited ? hoursTenths : 0 };
    await recordAudit(trx, { actorId: reviewer.id, action: 'reading_note.approve', targetType: 'reading_note', targetId: note.id, detail }, now);
    return { note: (await findClassNote(trx, classId, noteId))!, reading, creditedTenths: credited ? hoursTenths : 0 };
  });
}

/** Returns a submitted note for revision; the reason is required and shown to the author. */
export async function returnNote(db: Kysely<Database>, reviewer: ScopeSubject, classId: string, noteId: string, reason: string, readingsOf: ReadingLookup, now = new Date()) {
  const why = reviewText(reason, MIN_RETURN_REASON_CHARS, 'reason', '退回必须写明原因，告诉学员需要怎样修改。');
  const { note, reading } = await pendingNote(db, reviewer, classId, noteId, readingsOf);
  return db.transaction().execute(async (trx) => {
    const set = { status: 'returned' as const, reviewer_id: reviewer.id, reviewed_at: now.toISOString(), review_comment: why, updated_at: nextStamp(now, note.updatedAt) };
    await decide(trx, classId, note, set);
    const detail = { classId, readingKey: note.readingKey, authorId: note.userId, reason: why };
    await recordAudit(trx, { actorId: reviewer.id, action: 'reading_note.return', targetType: 'reading_note', targetId: note.id, detail }, now);
    return { note: (await findClassNote(trx, classId, noteId))!, reading };
  });
}
