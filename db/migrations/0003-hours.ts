import type { Kysely } from 'kysely';

// Frozen in time: never imports application code.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('hours_ledger')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('hours_tenths', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_title', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('counts_as_required', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('actor_id', 'text', (c) => c.references('users.id'))
    .addColumn('reverses_id', 'text', (c) => c.references('hours_ledger.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    // The rule that makes credit idempotent: one row per person and source, whatever races.
    .addUniqueConstraint('hours_ledger_user_source_uq', ['user_id', 'source'])
    .execute();
  await db.schema.createIndex('hours_ledger_user_year_idx').on('hours_ledger').columns(['user_id', 'year']).execute();
  await db.schema.createIndex('hours_ledger_year_idx').on('hours_ledger').columns(['year', 'user_id']).execute();

  await db.schema
    .createTable('hours_targets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('applies_to', 'text', (c) => c.notNull())
    .addColumn('match_value', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('total_tenths', 'integer', (c) => c.notNull())
    .addColumn('required_tenths', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('hours_targets_uq', ['year', 'applies_to', 'match_value'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('hours_targets').execute();
  await db.schema.dropTable('hours_ledger').execute();
}
