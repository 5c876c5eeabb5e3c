import { copyFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { createDb } from '../../db/connection.ts';
import type { Database } from '../../db/schema.ts';
import type { Dialect } from './dialects.ts';
import { PG_TEMPLATE_DB, SQLITE_TEMPLATE, TMP } from './paths.ts';
import { adminPool, databaseUrlFor } from './pg-admin.ts';

export interface TestDatabase {
  dialect: Dialect;
  /** DATABASE_URL for a server process using this database. */
  url: string;
  db: Kysely<Database>;
  drop(): Promise<void>;
}

/** A fresh, migrated database for one suite: a copy of the template file, or a PostgreSQL database cloned from the template. */
export async function freshDatabase(dialect: Dialect): Promise<TestDatabase> {
  const name = `jt_t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  if (dialect === 'sqlite') {
    const file = path.join(TMP, `${name}.db`);
    copyFileSync(SQLITE_TEMPLATE, file);
    const db = createDb({ dialect: 'sqlite', file });
    return {
      dialect,
      url: `file:${file}`,
      db,
      async drop() {
        await db.destroy();
        for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
      },
    };
  }
  const pool = adminPool();
  await pool.query(`create database ${name} template ${PG_TEMPLATE_DB}`);
  await pool.end();
  const url = databaseUrlFor(name);
  const db = createDb({ dialect: 'postgres', connectionString: url });
  return {
    dialect,
    url,
    db,
    async drop() {
      await db.destroy();
      const admin = adminPool();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
