/**
 * `npm run db:backup -- [target-file]`: an online, consistent copy of the embedded SQLite database
 * (SQLite's backup API, safe while the server runs), then the uploaded media files (MEDIA_DIR) into
 * `<target>-media/` beside it. For PostgreSQL use pg_dump instead, and copy MEDIA_DIR yourself.
 */
import path from 'node:path';
import { config } from '../src/lib/config.ts';
import { backupMediaDir, mediaBackupPath } from './backup-media.ts';
import { parseDatabaseUrl } from './connection.ts';

const target = parseDatabaseUrl(process.env.DATABASE_URL);
if (target.dialect !== 'sqlite') {
  console.error(`DATABASE_URL points at PostgreSQL: back it up with pg_dump, and copy the media folder ${config.media.dir} (see README).`);
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

const mediaDestination = mediaBackupPath(destination);
const copied = backupMediaDir(config.media.dir, mediaDestination);
console.log(copied === null ? `No media folder at ${config.media.dir}: nothing to copy.` : `Media files (${copied}) copied to ${mediaDestination}`);
