import type { Kysely } from 'kysely';

// Frozen in time: never imports application code.
// An uploaded roster file kept between the preview and the apply step (purged after a day).
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter.constructor.name === 'PostgresAdapter';
  await db.schema
    .createTable('roster_uploads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('actor_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('bytes', postgres ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('roster_uploads_actor_idx').on('roster_uploads').columns(['actor_id', 'created_at']).execute();
  await db.schema.createIndex('roster_uploads_created_idx').on('roster_uploads').column('created_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('roster_uploads').execute();
}
