import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { Database } from './schema.ts';
import { withStatementCache } from './statement-cache.ts';

/** Where the embedded SQLite file lives when DATABASE_URL is not set. */
export const DEFAULT_SQLITE_FILE = 'data/jiangtang.db';

export type DatabaseTarget =
  | { dialect: 'sqlite'; file: string }
  | { dialect: 'postgres'; connectionString: string };

/** Reads DATABASE_URL: `postgres://…` selects PostgreSQL, `file:path` or nothing selects SQLite. */
export function parseDatabaseUrl(url: string | undefined): DatabaseTarget {
  const value = url?.trim();
  if (!value) return { dialect: 'sqlite', file: path.resolve(DEFAULT_SQLITE_FILE) };
  if (/^postgres(ql)?:\/\//.test(value)) return { dialect: 'postgres', connectionString: value };
  if (value.startsWith('file:')) return { dialect: 'sqlite', file: path.resolve(value.slice('file:'.length)) };
  throw new Error(
    `DATABASE_URL "${value}" is not understood. Use postgres://user@host:port/db for PostgreSQL ` +
      `or file:path/to/db.sqlite for SQLite (or leave it unset for ${DEFAULT_SQLITE_FILE}).`,
  );
}

/** Opens a Kysely instance for the target; connections are made lazily on the first query. */
export function createDb(target: DatabaseTarget): Kysely<Database> {
  if (target.dialect === 'postgres') {
    return new Kysely<Database>({
      dialect: new PostgresDialect({
        pool: async () => {
          const pg = (await import('pg')).default;
          const pool = new pg.Pool({ connectionString: target.connectionString, max: 10 });
          // An idle connection the server closes (restart, failover, admin) must not crash the process:
          // the pool drops it and opens a new one on the next query.
          pool.on('error', (error) => console.warn(`PostgreSQL closed an idle connection: ${error.message}`));
          return pool;
        },
      }),
    });
  }
  return new Kysely<Database>({
    dialect: new SqliteDialect({
      database: async () => {
        const { default: SQLite } = await import('better-sqlite3');
        mkdirSync(path.dirname(target.file), { recursive: true });
        const db = new SQLite(target.file);
        db.pragma('journal_mode = WAL');
        db.pragma('foreign_keys = ON');
        db.pragma('busy_timeout = 5000');
        db.pragma('synchronous = NORMAL');
        return withStatementCache(db);
      },
    }),
  });
}

/** True when the Kysely instance talks to PostgreSQL. */
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter.constructor.name === 'PostgresAdapter';
}
