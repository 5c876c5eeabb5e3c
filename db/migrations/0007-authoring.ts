import type { Kysely } from 'kysely';

// Frozen in time: never imports application code.
// Courses written in the browser: a course row, immutable versions once submitted, every review
// transition, and uploaded media files (bytes on disk under MEDIA_DIR, metadata here).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('authored_courses')
    .addColumn('slug', 'text', (c) => c.primaryKey())
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('published_version', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('course_versions')
    .addColumn('course_slug', 'text', (c) => c.notNull().references('authored_courses.slug'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('based_on', 'integer')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('course_versions_pk', ['course_slug', 'number'])
    .execute();

  await db.schema
    .createTable('course_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('course_slug', 'text', (c) => c.notNull().references('authored_courses.slug'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('course_events_course_idx').on('course_events').columns(['course_slug', 'at']).execute();

  await db.schema
    .createTable('media_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('course_slug', 'text')
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text')
    .addColumn('content_type', 'text')
    .addColumn('declared_size', 'integer', (c) => c.notNull())
    .addColumn('received_size', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('size', 'integer')
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('media_files_course_idx').on('media_files').column('course_slug').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['media_files', 'course_events', 'course_versions', 'authored_courses']) {
    await db.schema.dropTable(table).execute();
  }
}
