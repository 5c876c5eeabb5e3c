import type { SqliteDatabase, SqliteStatement } from 'kysely';

/**
 * Wraps a better-sqlite3 database so that Kysely's driver, which prepares every query anew, reuses
 * prepared statements. Preparing is a large share of a short query's cost (the session lookup's
 * three-way join most of all). The cache is bounded; the oldest statement goes first (a
 * handful of queries make up nearly all traffic, so recency bookkeeping would cost more than it saves).
 * Safe because Kysely runs one statement at a time per connection and never iterates (streams) here.
 */
export function withStatementCache(db: SqliteDatabase, capacity = 500): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => {
      statements.clear();
      db.close();
    },
    prepare(sql: string) {
      const cached = statements.get(sql);
      if (cached) return cached;
      const statement = db.prepare(sql);
      statements.set(sql, statement);
      if (statements.size > capacity) statements.delete(statements.keys().next().value!);
      return statement;
    },
  };
}
