import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { createDb } from '../../db/connection.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { testDialects } from './dialects.ts';
import { PG_TEMPLATE_DB, ROOT, SQLITE_TEMPLATE, TMP } from './paths.ts';
import { adminPool, databaseUrlFor } from './pg-admin.ts';
import path from 'node:path';

/** Migrates one template database per dialect; each suite then copies it (fast and isolated). */
export default async function setup() {
  if (!existsSync(path.join(ROOT, 'dist/server/entry.mjs'))) {
    throw new Error('dist/ is missing: run the tests with `npm test`, which builds the site first.');
  }
  mkdirSync(TMP, { recursive: true });
  rmSync(SQLITE_TEMPLATE, { force: true });
  for (const suffix of ['-wal', '-shm']) rmSync(SQLITE_TEMPLATE + suffix, { force: true });
  const sqlite = createDb({ dialect: 'sqlite', file: SQLITE_TEMPLATE });
  await migrateToLatest(sqlite);
  await sqlite.destroy();

  if (testDialects().includes('postgres')) {
    const pool = adminPool();
    await pool.query(`drop database if exists ${PG_TEMPLATE_DB} with (force)`);
    await pool.query(`create database ${PG_TEMPLATE_DB}`);
    await pool.end();
    const pg = createDb({ dialect: 'postgres', connectionString: databaseUrlFor(PG_TEMPLATE_DB) });
    await migrateToLatest(pg);
    await pg.destroy();
  }
}
