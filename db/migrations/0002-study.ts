import type { Kysely } from 'kysely';

// Frozen in time: never imports application code.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('enrollments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('course_id', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('required', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('assigned_by', 'text', (c) => c.references('users.id'))
    .addColumn('due_on', 'text')
    .addColumn('enrolled_at', 'text', (c) => c.notNull())
    .addColumn('lessons_completed_at', 'text')
    .addColumn('last_lesson_id', 'text')
    .addColumn('last_studied_at', 'text')
    .addUniqueConstraint('enrollments_user_course_uq', ['user_id', 'course_id'])
    .execute();
  await db.schema.createIndex('enrollments_course_idx').on('enrollments').column('course_id').execute();

  await db.schema
    .createTable('lesson_progress')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('lesson_id', 'text', (c) => c.notNull())
    .addColumn('course_id', 'text', (c) => c.notNull())
    .addColumn('studied_seconds', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('watched_ranges', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('completed_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('lesson_progress_pk', ['user_id', 'lesson_id'])
    .execute();
  await db.schema.createIndex('lesson_progress_course_idx').on('lesson_progress').columns(['user_id', 'course_id']).execute();

  await db.schema
    .createTable('study_clock')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
    .addColumn('lesson_id', 'text', (c) => c.notNull())
    .addColumn('last_beat_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('study_beats')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('beat_id', 'text', (c) => c.notNull())
    .addColumn('lesson_id', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('credited_seconds', 'integer', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('study_beats_pk', ['user_id', 'beat_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['study_beats', 'study_clock', 'lesson_progress', 'enrollments']) await db.schema.dropTable(table).execute();
}
