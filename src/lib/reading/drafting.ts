import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { recordAudit } from '../audit/audit.ts';
import type { NoteStatus } from '../classes/classes.table.ts';
import { requireClassMember } from '../class-completion/class-access.ts';
import { ConflictError, DomainError } from '../errors.ts';
import type { ScopeSubject } from '../org/scope.ts';
import { newId } from '../util/ids.ts';
import { EDITABLE_STATUSES, nextStamp, type Note, type SimilarityMatch } from './notes.ts';
import { findOwnNote, insertNote, similarityCandidates, updateNoteIf } from './notes.repository.ts';
import { readingsOfClass, requireOpenForWriting, requireReading } from './reading-class.ts';
import type { ReadingLookup } from './reading-list.ts';
import { noteLength, requireStorableBody, requireSubmittableBody } from './note-text.ts';
import { bestMatch, NEAR_IDENTICAL_SCORE } from './similarity.ts';

/** The text a cadre sends, and the version of the note it was written on (null: "I have seen no note yet"). */
export interface NoteInput {
  body: string;
  baseUpdatedAt: string | null;
}

/**
 * The note changed since the writer last saw it (another tab or device saved a newer version, or a
 * reviewer acted). Nothing was written; `details.current` carries the server's version to compare.
 */
export class NoteChangedError extends DomainError {
  readonly current: Note;
  constructor(current: Note) {
    super('conflict', '这篇心得已在别处（其他设备或窗口）保存过更新的版本，为避免覆盖，本次没有保存。请核对后再保存。', {
      field: 'body',
      current: { body: current.body, status: current.status, updatedAt: current.updatedAt },
    });
    this.current = current;
  }
}

function refuseUnlessEditable(note: Note): void {
  if (note.status === 'approved') throw new ConflictError('这篇心得已通过审核，不能再修改。');
  if (note.status === 'submitted') throw new ConflictError('这篇心得已提交，正在等待审核，暂时不能修改。');
}

async function writeNote(db: Kysely<Database>, classId: string, userId: string, readingKey: string, input: NoteInput, status: NoteStatus, extra: { submitted_at?: string; similarity?: string | null }, now: Date): Promise<Note> {
  const existing = await findOwnNote(db, classId, userId, readingKey);
  const body = input.body;
  if (!existing) {
    const stamp = nextStamp(now);
    const row = { id: newId(), class_id: classId, user_id: userId, reading_key: readingKey, body, status, submitted_at: extra.submitted_at ?? null, reviewer_id: null, reviewed_at: null, review_comment: '', similarity: extra.similarity ?? null, updated_at: stamp };
    if (await insertNote(db, row)) return (await findOwnNote(db, classId, userId, readingKey))!;
  } else {
    refuseUnlessEditable(existing);
    if (input.baseUpdatedAt === existing.updatedAt) {
      const set = { body, status, updated_at: nextStamp(now, existing.updatedAt), ...extra };
      if (await updateNoteIf(db, existing.id, { updatedAt: existing.updatedAt, statuses: EDITABLE_STATUSES }, set)) return (await findOwnNote(db, classId, userId, readingKey))!;
    }
  }
  const current = (await findOwnNote(db, classId, userId, readingKey))!;
  refuseUnlessEditable(current);
  throw new NoteChangedError(current);
}

async function resolve(db: Kysely<Database>, author: ScopeSubject, classId: string, readingKey: string, readingsOf: ReadingLookup) {
  const cls = await requireClassMember(db, author, classId);
  const reading = requireReading(readingsOfClass(cls, readingsOf), readingKey);
  requireOpenForWriting(cls);
  return { cls, reading };
}

/** Saves the text as it stands (draft, or a returned note being revised). Never overwrites a newer version. */
export async function saveDraft(db: Kysely<Database>, author: ScopeSubject, classId: string, readingKey: string, input: NoteInput, readingsOf: ReadingLookup, now = new Date()): Promise<Note> {
  await resolve(db, author, classId, readingKey, readingsOf);
  const body = requireStorableBody(input.body);
  const existing = await findOwnNote(db, classId, author.id, readingKey);
  const status = existing?.status === 'returned' ? 'returned' : 'draft';
  return writeNote(db, classId, author.id, readingKey, { ...input, body }, status, {}, now);
}

async function findSimilar(db: Kysely<Database>, classId: string, userId: string, noteId: string | null, body: string): Promise<SimilarityMatch | null> {
  const candidates = (await similarityCandidates(db, classId, userId, noteId)).map((row) => ({ body: row.body, ref: row }));
  const best = bestMatch(body, candidates);
  if (!best) return null;
  const { ref, score } = best;
  return { noteId: ref.id, classId: ref.class_id, authorId: ref.user_id, authorName: ref.author_name, readingKey: ref.reading_key, score, flagged: score >= NEAR_IDENTICAL_SCORE };
}

/**
 * Submits the note for review with this text: long enough for the class's minimum, compared with the
 * other notes (flagged when near-identical, never refused), recorded in the audit log.
 */
export async function submitNote(db: Kysely<Database>, author: ScopeSubject, classId: string, readingKey: string, input: NoteInput, readingsOf: ReadingLookup, now = new Date()) {
  const { cls } = await resolve(db, author, classId, readingKey, readingsOf);
  const body = requireStorableBody(input.body);
  requireSubmittableBody(body, cls.note_min_chars);
  const existing = await findOwnNote(db, classId, author.id, readingKey);
  if (existing) refuseUnlessEditable(existing);
  const match = await findSimilar(db, classId, author.id, existing?.id ?? null, body);
  return db.transaction().execute(async (trx) => {
    const extra = { submitted_at: now.toISOString(), similarity: match ? JSON.stringify(match) : null };
    const note = await writeNote(trx, classId, author.id, readingKey, { ...input, body }, 'submitted', extra, now);
    const detail = { classId, readingKey, chars: noteLength(body), resubmitted: existing?.status === 'returned', similarity: match && { noteId: match.noteId, score: match.score, flagged: match.flagged } };
    await recordAudit(trx, { actorId: author.id, action: 'reading_note.submit', targetType: 'reading_note', targetId: note.id, detail }, now);
    return note;
  });
}
