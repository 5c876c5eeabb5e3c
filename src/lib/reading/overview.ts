import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { requireClassMember } from '../class-completion/class-access.ts';
import { type ScopeSubject, scopeOf, unitsInScope } from '../org/scope.ts';
import type { Note } from './notes.ts';
import { listOwnNotes } from './notes.repository.ts';
import { readingsOfClass } from './reading-class.ts';
import type { Reading, ReadingLookup } from './reading-list.ts';

/** A cadre's reading class: each reading on the list with their note on it (or null). */
export async function myReadingNotes(db: Kysely<Database>, author: ScopeSubject, classId: string, readingsOf: ReadingLookup) {
  const cls = await requireClassMember(db, author, classId);
  const readings = readingsOfClass(cls, readingsOf);
  const notes = new Map((await listOwnNotes(db, classId, author.id)).map((n) => [n.readingKey, n]));
  return { cls, readings: readings.map((reading): Reading & { note: Note | null } => ({ ...reading, note: notes.get(reading.key) ?? null })) };
}

export interface ReadingClassSummary {
  id: string;
  title: string;
  startsOn: string;
  endsOn: string;
  status: 'open' | 'closed';
  /** Notes per status: the cadre's own (as a member) or the whole class's (as a reviewer). */
  counts: { draft: number; submitted: number; approved: number; returned: number };
}

const countColumns = (statusColumn: string) =>
  (['draft', 'submitted', 'approved', 'returned'] as const).map((status) =>
    sql<number>`cast(coalesce(sum(case when ${sql.ref(statusColumn)} = ${status} then 1 else 0 end), 0) as integer)`.as(status),
  );

function toSummary(row: { id: string; title: string; starts_on: string; ends_on: string; status: 'open' | 'closed'; draft: number; submitted: number; approved: number; returned: number }): ReadingClassSummary {
  const counts = { draft: Number(row.draft), submitted: Number(row.submitted), approved: Number(row.approved), returned: Number(row.returned) };
  return { id: row.id, title: row.title, startsOn: row.starts_on, endsOn: row.ends_on, status: row.status, counts };
}

/** Reading classes the person is on, newest first, with their own notes counted by status. */
export async function myReadingClasses(db: Kysely<Database>, userId: string): Promise<ReadingClassSummary[]> {
  const rows = await db
    .selectFrom('classes')
    .innerJoin('class_members', (join) => join.onRef('class_members.class_id', '=', 'classes.id').on('class_members.user_id', '=', userId))
    .leftJoin('reading_notes', (join) => join.onRef('reading_notes.class_id', '=', 'classes.id').on('reading_notes.user_id', '=', userId))
    .select(['classes.id', 'classes.title', 'classes.starts_on', 'classes.ends_on', 'classes.status', ...countColumns('reading_notes.status')])
    .where('classes.kind', '=', 'reading')
    .groupBy(['classes.id', 'classes.title', 'classes.starts_on', 'classes.ends_on', 'classes.status'])
    .orderBy('classes.starts_on', 'desc')
    .execute();
  return rows.map(toSummary);
}

/** Reading classes the person reviews (trainer in charge, or staff/admin over the unit), with the class's notes counted. */
export async function reviewableReadingClasses(db: Kysely<Database>, reviewer: ScopeSubject): Promise<ReadingClassSummary[]> {
  const broad = reviewer.role === 'staff' || reviewer.role === 'admin';
  const rows = await db
    .selectFrom('classes')
    .innerJoin('org_units', 'org_units.id', 'classes.org_unit_id')
    .leftJoin('reading_notes', 'reading_notes.class_id', 'classes.id')
    .select(['classes.id', 'classes.title', 'classes.starts_on', 'classes.ends_on', 'classes.status', ...countColumns('reading_notes.status')])
    .where('classes.kind', '=', 'reading')
    .where((eb) => (broad ? eb.or([eb('classes.trainer_id', '=', reviewer.id), unitsInScope(scopeOf(reviewer))(eb)]) : eb('classes.trainer_id', '=', reviewer.id)))
    .groupBy(['classes.id', 'classes.title', 'classes.starts_on', 'classes.ends_on', 'classes.status'])
    .orderBy('classes.starts_on', 'desc')
    .execute();
  return rows.map(toSummary);
}
