import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { NoteStatus } from '../classes/classes.table.ts';
import type { CourseLookup } from './archive.ts';

/** One step in a note's history as the audit log recorded it: submitted, approved (comment) or returned (reason). */
export interface ArchiveNoteEvent {
  action: 'submit' | 'approve' | 'return';
  actorName: string | null;
  at: string;
  /** The approval comment or the return reason; '' for a submission. */
  text: string;
}

/** A reading note in the learning archive: its state, last decision and every review decision with who and when. */
export interface ArchiveReadingNote {
  noteId: string;
  classId: string;
  classTitle: string;
  readingKey: string;
  readingTitle: string;
  status: NoteStatus;
  submittedAt: string | null;
  reviewerName: string | null;
  reviewedAt: string | null;
  reviewComment: string;
  history: ArchiveNoteEvent[];
}

const ACTIONS = { 'reading_note.submit': 'submit', 'reading_note.approve': 'approve', 'reading_note.return': 'return' } as const;

function eventText(detail: string): string {
  try {
    const parsed = JSON.parse(detail) as { reason?: unknown; comment?: unknown };
    return String(parsed.reason ?? parsed.comment ?? '');
  } catch {
    return '';
  }
}

/** A person's reading notes that were ever submitted (drafts stay private), newest class first, with their review history. */
export async function readingNotesOf(db: Kysely<Database>, userId: string, courses: CourseLookup): Promise<ArchiveReadingNote[]> {
  const rows = await db
    .selectFrom('reading_notes')
    .innerJoin('classes', 'classes.id', 'reading_notes.class_id')
    .leftJoin('users as reviewer', 'reviewer.id', 'reading_notes.reviewer_id')
    .select([
      'reading_notes.id', 'reading_notes.class_id', 'reading_notes.reading_key', 'reading_notes.status', 'reading_notes.submitted_at',
      'reading_notes.reviewed_at', 'reading_notes.review_comment', 'classes.title as class_title', 'classes.reading_course_id', 'classes.starts_on', 'reviewer.name as reviewer_name',
    ])
    .where('reading_notes.user_id', '=', userId)
    .where('reading_notes.status', '!=', 'draft')
    .orderBy('classes.starts_on', 'desc')
    .orderBy('reading_notes.reading_key')
    .execute();
  if (rows.length === 0) return [];
  const events = await db
    .selectFrom('audit_log')
    .leftJoin('users as actor', 'actor.id', 'audit_log.actor_id')
    .select(['audit_log.target_id', 'audit_log.action', 'audit_log.detail', 'audit_log.created_at', 'actor.name as actor_name'])
    .where('audit_log.target_type', '=', 'reading_note')
    .where('audit_log.target_id', 'in', rows.map((r) => r.id))
    .orderBy('audit_log.created_at')
    .orderBy('audit_log.id')
    .execute();
  return rows.map((r) => {
    const readings = r.reading_course_id ? courses(r.reading_course_id)?.readings : undefined;
    return {
      noteId: r.id,
      classId: r.class_id,
      classTitle: r.class_title,
      readingKey: r.reading_key,
      readingTitle: readings?.find((x) => x.key === r.reading_key)?.title ?? r.reading_key,
      status: r.status,
      submittedAt: r.submitted_at,
      reviewerName: r.reviewer_name,
      reviewedAt: r.reviewed_at,
      reviewComment: r.review_comment,
      history: events
        .filter((e) => e.target_id === r.id && e.action in ACTIONS)
        .map((e) => ({ action: ACTIONS[e.action as keyof typeof ACTIONS], actorName: e.actor_name, at: e.created_at, text: eventText(e.detail) })),
    };
  });
}
