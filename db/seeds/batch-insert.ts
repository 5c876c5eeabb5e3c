import { CompiledQuery, type Insertable, type Kysely } from 'kysely';
import { isPostgres } from '../connection.ts';
import type { Database } from '../schema.ts';

type Table = keyof Database & string;

/** Bound parameters one statement may carry: SQLite's SQLITE_MAX_VARIABLE_NUMBER, PostgreSQL's protocol limit. */
const SQLITE_MAX_PARAMETERS = 32_766;
const POSTGRES_MAX_PARAMETERS = 65_535;
/** Beyond a few hundred rows a statement gets no faster, only larger to build and parse. */
const ROWS_PER_STATEMENT = 500;

function rowsPerStatement(db: Kysely<Database>, columns: number): number {
  const limit = isPostgres(db) ? POSTGRES_MAX_PARAMETERS : SQLITE_MAX_PARAMETERS;
  return Math.max(1, Math.min(ROWS_PER_STATEMENT, Math.floor(limit / Math.max(1, columns))));
}

/**
 * Inserts rows with multi-row statements, as many rows per statement as the dialect allows (up to 500),
 * all rows shaped like the first. The statement is compiled here rather than by the query builder:
 * building Kysely's tree of a node per value cost a third of the bench county's run; the query still
 * runs through Kysely (its connection, its transaction), and the same text is prepared once per size.
 */
export async function insertInBatches<T extends Table>(db: Kysely<Database>, table: T, rows: ReadonlyArray<Insertable<Database[T]>>): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const size = rowsPerStatement(db, columns.length);
  for (let i = 0; i < rows.length; i += size) {
    const chunk = rows.slice(i, i + size) as ReadonlyArray<Record<string, unknown>>;
    const parameters = chunk.flatMap((row) => columns.map((column) => row[column] ?? null));
    await db.executeQuery(CompiledQuery.raw(insertStatement(db, table, columns, chunk.length), parameters));
  }
}

const statements = new Map<string, string>();

function insertStatement(db: Kysely<Database>, table: Table, columns: string[], rowCount: number): string {
  const postgres = isPostgres(db);
  const key = `${postgres}:${table}:${columns.join(',')}:${rowCount}`;
  let text = statements.get(key);
  if (text === undefined) {
    let parameter = 0;
    const tuple = () => `(${columns.map(() => (postgres ? `$${++parameter}` : '?')).join(', ')})`;
    text = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values ${Array.from({ length: rowCount }, tuple).join(', ')}`;
    statements.set(key, text);
  }
  return text;
}

/** Collects rows per table and writes them in full batches, so generating a large data set keeps little in memory. */
export interface RowSink {
  add<T extends Table>(table: T, row: Insertable<Database[T]>): void;
  /** Writes every full batch; with `all`, the remainders too. */
  flush(all?: boolean): Promise<void>;
  /** Rows added so far, per table. */
  readonly counts: Partial<Record<Table, number>>;
}

export function rowSink(db: Kysely<Database>): RowSink {
  const pending = new Map<Table, unknown[]>();
  const counts: Partial<Record<Table, number>> = {};
  return {
    counts,
    add(table, row) {
      let rows = pending.get(table);
      if (!rows) pending.set(table, (rows = []));
      rows.push(row);
      counts[table] = (counts[table] ?? 0) + 1;
    },
    async flush(all = false) {
      for (const [table, rows] of pending) {
        if (rows.length === 0) continue;
        const size = rowsPerStatement(db, Object.keys(rows[0]!).length);
        const ready = all ? rows.length : rows.length - (rows.length % size);
        if (ready === 0) continue;
        await insertInBatches(db, table, rows.splice(0, ready) as never[]);
      }
    },
  };
}
