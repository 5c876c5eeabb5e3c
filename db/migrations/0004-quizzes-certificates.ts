import type { Kysely } from 'kysely';

// Frozen in time: never imports application code.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('quiz_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('course_id', 'text', (c) => c.notNull())
    .addColumn('paper', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('deadline_at', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('answers', 'text')
    .addColumn('correct_count', 'integer')
    .addColumn('question_count', 'integer', (c) => c.notNull())
    .addColumn('score_percent', 'integer')
    .addColumn('pass_mark', 'integer', (c) => c.notNull())
    .addColumn('passed', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('quiz_attempts_user_course_idx').on('quiz_attempts').columns(['user_id', 'course_id']).execute();

  await db.schema.alterTable('enrollments').addColumn('quiz_passed_at', 'text').execute();
  await db.schema.alterTable('enrollments').addColumn('completed_at', 'text').execute();

  await db.schema
    .createTable('certificates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('hours_tenths', 'integer', (c) => c.notNull())
    .addColumn('completed_on', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    // One certificate per course, one statement per year and total: asking again returns the same code.
    .addUniqueConstraint('certificates_subject_uq', ['user_id', 'kind', 'subject'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('certificates').execute();
  await db.schema.alterTable('enrollments').dropColumn('completed_at').execute();
  await db.schema.alterTable('enrollments').dropColumn('quiz_passed_at').execute();
  await db.schema.dropTable('quiz_attempts').execute();
}
