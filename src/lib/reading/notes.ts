import type { NoteStatus, ReadingNotesTable } from '../classes/classes.table.ts';

export const NOTE_STATUS_LABELS: Record<NoteStatus, string> = {
  draft: '草稿',
  submitted: '已提交，待审核',
  approved: '已通过',
  returned: '已退回，待修改',
};

/** Statuses in which the author may still change the text. */
export const EDITABLE_STATUSES: readonly NoteStatus[] = ['draft', 'returned'];

/** The most similar other note found when a note was submitted (stored as JSON in `similarity`). */
export interface SimilarityMatch {
  noteId: string;
  classId: string;
  authorId: string;
  authorName: string;
  readingKey: string;
  /** Overlap of character bigrams, 0–1 (see similarity.ts). */
  score: number;
  /** score ≥ NEAR_IDENTICAL_SCORE when submitted: shown to the reviewer as a warning. */
  flagged: boolean;
}

/** A reading note as the rules and pages use it. */
export interface Note {
  id: string;
  classId: string;
  userId: string;
  readingKey: string;
  body: string;
  status: NoteStatus;
  submittedAt: string | null;
  reviewerId: string | null;
  reviewerName: string | null;
  reviewedAt: string | null;
  /** The approval comment or the reason for returning it, whichever decision came last. */
  reviewComment: string;
  similarity: SimilarityMatch | null;
  /** Changes with every save; a save must name the version it started from (no silent overwrite). */
  updatedAt: string;
}

function parseSimilarity(json: string | null): SimilarityMatch | null {
  if (!json) return null;
  try {
    return JSON.parse(json) as SimilarityMatch;
  } catch {
    return null;
  }
}

/** Row (with the reviewer's name joined) → Note. */
export function toNote(row: ReadingNotesTable & { reviewer_name: string | null }): Note {
  return {
    id: row.id,
    classId: row.class_id,
    userId: row.user_id,
    readingKey: row.reading_key,
    body: row.body,
    status: row.status,
    submittedAt: row.submitted_at,
    reviewerId: row.reviewer_id,
    reviewerName: row.reviewer_name,
    reviewedAt: row.reviewed_at,
    reviewComment: row.review_comment,
    similarity: parseSimilarity(row.similarity),
    updatedAt: row.updated_at,
  };
}

/** A new `updated_at` strictly after the previous one, so two saves in the same millisecond still differ. */
export function nextStamp(now: Date, previous?: string | null): string {
  const after = previous ? Date.parse(previous) + 1 : 0;
  return new Date(Math.max(now.getTime(), after)).toISOString();
}
