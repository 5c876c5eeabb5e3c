/**
 * `npm run db:backup -- [target-file]`: an online, consistent copy of the embedded SQLite database
 * (SQLite's backup API, safe while the server runs). For PostgreSQL use pg_dump instead.
 */
import path from 'node:path';
import { parseDatabaseUrl } from './connection.ts';

const target = parseDatabaseUrl(process.env.DATABASE_URL);
if (target.dialect !== 'sqlite') {
  console.error('DATABASE_URL points at PostgreSQL: back it up with pg_dump (see README).');
  process.exit(2);
}
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const destination = path.resolve(process.argv[2] ?? `data/backups/jiangtang-${stamp}.db`);
const { default: SQLite } = await import('better-sqlite3');
const { mkdirSync } = await import('node:fs');
mkdirSync(path.dirname(destination), { recursive: true });
const db = new SQLite(target.file, { readonly: true, fileMustExist: true });
await db.backup(destination);
db.close();
console.log(`Backup written to ${destination}`);
