import type { ClassRow } from '../class-completion/class-access.ts';
import type { ClassCompletion } from '../class-completion/completion.ts';
import { fromTenths } from '../hours/units.ts';
import type { AuthoredNote } from '../reading/notes.repository.ts';
import type { Note } from '../reading/notes.ts';
import { noteLength } from '../reading/note-text.ts';
import type { Reading } from '../reading/reading-list.ts';

export function presentClassSummary(cls: ClassRow) {
  return { id: cls.id, title: cls.title, kind: cls.kind, status: cls.status, minChars: cls.note_min_chars, readingHours: fromTenths(cls.reading_hours_tenths) };
}

/** A note as its author sees it: never the similarity finding (it names classmates). */
export function presentNote(note: Note) {
  return {
    id: note.id,
    readingKey: note.readingKey,
    body: note.body,
    chars: noteLength(note.body),
    status: note.status,
    submittedAt: note.submittedAt,
    reviewerName: note.reviewerName,
    reviewedAt: note.reviewedAt,
    reviewComment: note.reviewComment,
    updatedAt: note.updatedAt,
  };
}

/** A note as its reviewer sees it: author, reading title and the similarity finding. */
export function presentReviewNote(note: AuthoredNote, readings: Reading[]) {
  const s = note.similarity;
  return {
    ...presentNote(note),
    readingTitle: readings.find((r) => r.key === note.readingKey)?.title ?? note.readingKey,
    author: { id: note.userId, name: note.authorName, login: note.authorLogin, unitName: note.authorUnitName },
    similarity: s && { noteId: s.noteId, classId: s.classId, authorName: s.authorName, readingKey: s.readingKey, score: s.score, flagged: s.flagged },
  };
}

export function presentCompletion(report: ClassCompletion) {
  return {
    class: presentClassSummary(report.cls),
    rule: report.ruleLines,
    members: report.rows.map((r) => ({
      userId: r.id,
      name: r.name,
      login: r.login,
      unitName: r.unitName,
      completed: r.outcome.completed,
      reasons: r.outcome.reasons,
      sessionsHeld: r.facts.sessionsHeld,
      sessionsPresent: r.facts.sessionsPresent,
      sessionsOnLeave: r.facts.sessionsOnLeave,
      absences: r.outcome.absences,
      heldHours: fromTenths(r.facts.heldTenths),
      leaveHours: fromTenths(r.facts.leaveTenths),
      readingsTotal: r.facts.readingsTotal,
      notesApproved: r.facts.notesApproved,
      courses: r.facts.courses,
      earnedHours: fromTenths(r.earnedTenths),
      certificateCode: r.certificateCode,
    })),
  };
}
