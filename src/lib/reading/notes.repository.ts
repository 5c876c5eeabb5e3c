import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { NoteStatus, ReadingNotesTable } from '../classes/classes.table.ts';
import { type Note, toNote } from './notes.ts';

/** The only place with SQL for reading notes. */

function notesWithReviewer(db: Kysely<Database>) {
  return db.selectFrom('reading_notes').leftJoin('users as reviewer', 'reviewer.id', 'reading_notes.reviewer_id').selectAll('reading_notes').select('reviewer.name as reviewer_name');
}

/** A cadre's note on one reading of a class, or null. */
export async function findOwnNote(db: Kysely<Database>, classId: string, userId: string, readingKey: string): Promise<Note | null> {
  const row = await notesWithReviewer(db)
    .where('reading_notes.class_id', '=', classId)
    .where('reading_notes.user_id', '=', userId)
    .where('reading_notes.reading_key', '=', readingKey)
    .executeTakeFirst();
  return row ? toNote(row) : null;
}

/** Every note of a cadre in a class. */
export async function listOwnNotes(db: Kysely<Database>, classId: string, userId: string): Promise<Note[]> {
  const rows = await notesWithReviewer(db).where('reading_notes.class_id', '=', classId).where('reading_notes.user_id', '=', userId).execute();
  return rows.map(toNote);
}

export interface AuthoredNote extends Note {
  authorName: string;
  authorLogin: string;
  authorUnitName: string;
}

function authoredNotes(db: Kysely<Database>, classId: string) {
  return notesWithReviewer(db)
    .innerJoin('users as author', 'author.id', 'reading_notes.user_id')
    .innerJoin('org_units as unit', 'unit.id', 'author.org_unit_id')
    .select(['author.name as author_name', 'author.login as author_login', 'unit.name as author_unit_name'])
    .where('reading_notes.class_id', '=', classId);
}

function toAuthored(row: Parameters<typeof toNote>[0] & { author_name: string; author_login: string; author_unit_name: string }): AuthoredNote {
  return { ...toNote(row), authorName: row.author_name, authorLogin: row.author_login, authorUnitName: row.author_unit_name };
}

/** One note of a class with its author, or null. */
export async function findClassNote(db: Kysely<Database>, classId: string, noteId: string): Promise<AuthoredNote | null> {
  const row = await authoredNotes(db, classId).where('reading_notes.id', '=', noteId).executeTakeFirst();
  return row ? toAuthored(row) : null;
}

/** Notes of a class in some statuses (drafts are the author's own business), oldest submission first. */
export async function listClassNotes(db: Kysely<Database>, classId: string, statuses: readonly NoteStatus[]): Promise<AuthoredNote[]> {
  const rows = await authoredNotes(db, classId)
    .where('reading_notes.status', 'in', [...statuses])
    .orderBy('reading_notes.submitted_at')
    .orderBy('reading_notes.id')
    .execute();
  return rows.map(toAuthored);
}

/** Inserts a note unless the cadre already has one for the reading (two tabs racing); true when this call wrote it. */
export async function insertNote(db: Kysely<Database>, row: ReadingNotesTable): Promise<boolean> {
  const result = await db.insertInto('reading_notes').values(row).onConflict((oc) => oc.columns(['class_id', 'user_id', 'reading_key']).doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/**
 * Changes a note only if it is still as the caller saw it (`updated_at`, when given) and in one of
 * the statuses; returns false when someone else got there first. The compare-and-set is the lock.
 */
export async function updateNoteIf(
  db: Kysely<Database>,
  id: string,
  expected: { updatedAt?: string; statuses: readonly NoteStatus[] },
  set: Partial<Omit<ReadingNotesTable, 'id' | 'class_id' | 'user_id' | 'reading_key'>>,
): Promise<boolean> {
  let query = db.updateTable('reading_notes').set(set).where('id', '=', id).where('status', 'in', [...expected.statuses]);
  if (expected.updatedAt !== undefined) query = query.where('updated_at', '=', expected.updatedAt);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * What a submitted note is compared with: every other note of the class once submitted (classmates'
 * notes on any reading, the author's own other notes), and the author's notes in other classes.
 */
export async function similarityCandidates(db: Kysely<Database>, classId: string, userId: string, excludeId: string | null) {
  let query = db
    .selectFrom('reading_notes')
    .innerJoin('users as author', 'author.id', 'reading_notes.user_id')
    .select(['reading_notes.id', 'reading_notes.class_id', 'reading_notes.user_id', 'reading_notes.reading_key', 'reading_notes.body', 'author.name as author_name'])
    .where((eb) => eb.or([eb('reading_notes.class_id', '=', classId), eb('reading_notes.user_id', '=', userId)]))
    .where('reading_notes.status', '!=', 'draft');
  if (excludeId) query = query.where('reading_notes.id', '!=', excludeId);
  return query.execute();
}
