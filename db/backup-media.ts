import { cpSync, existsSync, lstatSync } from 'node:fs';
import path from 'node:path';

/** Where the media files of a database backup go: beside it, `jiangtang-<stamp>.db` → `jiangtang-<stamp>-media/`. */
export function mediaBackupPath(databaseBackup: string): string {
  const parsed = path.parse(databaseBackup);
  return path.join(parsed.dir, `${parsed.name}-media`);
}

/**
 * Copies the finished media files (not uploads in progress) to `destination`. Run it after the
 * database backup: files are never changed once finished, so every file the backed-up database names
 * is already there; a file finished in between is merely an extra. Returns how many files were copied,
 * or null when the media directory does not exist yet.
 */
export function backupMediaDir(mediaDir: string, destination: string): number | null {
  if (!existsSync(mediaDir)) return null;
  const partial = path.join(mediaDir, 'partial');
  let files = 0;
  cpSync(mediaDir, destination, {
    recursive: true,
    errorOnExist: false,
    filter: (source) => {
      // Uploads in progress (and an image being resized, `<id>.out`) are not worth keeping.
      if (source === partial || source.startsWith(partial + path.sep) || source.endsWith('.out')) return false;
      if (lstatSync(source).isFile()) files++;
      return true;
    },
  });
  return files;
}
