import type { Kysely } from 'kysely';

// Frozen in time: never imports application code.
// Trainers' classes (班次): lecture-hall series, reading classes, special training; sessions with
// check-in, attendance, reading notes with review. Their hours go to the one hours ledger.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('classes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('org_unit_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('trainer_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('reading_course_id', 'text')
    .addColumn('note_min_chars', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reading_hours_tenths', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('classes_unit_idx').on('classes').column('org_unit_id').execute();

  await db.schema
    .createTable('class_members')
    .addColumn('class_id', 'text', (c) => c.notNull().references('classes.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.references('users.id'))
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('class_members_pk', ['class_id', 'user_id'])
    .execute();
  await db.schema.createIndex('class_members_user_idx').on('class_members').column('user_id').execute();

  await db.schema
    .createTable('class_courses')
    .addColumn('class_id', 'text', (c) => c.notNull().references('classes.id'))
    .addColumn('course_id', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text')
    .addColumn('assigned_by', 'text', (c) => c.references('users.id'))
    .addColumn('assigned_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('class_courses_pk', ['class_id', 'course_id'])
    .execute();

  await db.schema
    .createTable('class_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('class_id', 'text', (c) => c.notNull().references('classes.id'))
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('speaker', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('hours_tenths', 'integer', (c) => c.notNull())
    .addColumn('checkin_opens_at', 'text', (c) => c.notNull())
    .addColumn('checkin_closes_at', 'text', (c) => c.notNull())
    .addColumn('token_secret', 'text', (c) => c.notNull())
    .addColumn('recording_lesson_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('closed_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('class_sessions_class_idx').on('class_sessions').columns(['class_id', 'starts_at']).execute();

  await db.schema
    .createTable('attendance')
    .addColumn('session_id', 'text', (c) => c.notNull().references('class_sessions.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('actor_id', 'text', (c) => c.references('users.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('attendance_pk', ['session_id', 'user_id'])
    .execute();
  await db.schema.createIndex('attendance_user_idx').on('attendance').column('user_id').execute();

  await db.schema
    .createTable('reading_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('class_id', 'text', (c) => c.notNull().references('classes.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('reading_key', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('reviewer_id', 'text', (c) => c.references('users.id'))
    .addColumn('reviewed_at', 'text')
    .addColumn('review_comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('similarity', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('reading_notes_uq', ['class_id', 'user_id', 'reading_key'])
    .execute();
  await db.schema.createIndex('reading_notes_class_idx').on('reading_notes').columns(['class_id', 'status']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['reading_notes', 'attendance', 'class_sessions', 'class_courses', 'class_members', 'classes']) {
    await db.schema.dropTable(table).execute();
  }
}
