import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { filesUnder } from '../support/media-uploads.ts';
import { ROOT, TMP } from '../support/paths.ts';
import { freshDatabase, type TestDatabase } from '../support/test-db.ts';

describe('npm run db:backup', () => {
  const work = path.join(TMP, `backup-${Date.now().toString(36)}`);
  const mediaDir = path.join(work, 'media');
  let database: TestDatabase;

  beforeAll(async () => {
    database = await freshDatabase('sqlite');
    mkdirSync(path.join(mediaDir, 'partial'), { recursive: true });
    writeFileSync(path.join(mediaDir, 'aaaaaaaaaaaaaaaaaaaaaaaaaa'), 'finished video bytes');
    writeFileSync(path.join(mediaDir, 'bbbbbbbbbbbbbbbbbbbbbbbbbb'), 'finished image bytes');
    writeFileSync(path.join(mediaDir, 'partial', 'cccccccccccccccccccccccccc'), 'half an upload');
  });
  afterAll(async () => {
    await database.drop();
    rmSync(work, { recursive: true, force: true });
  });

  function backup(target: string) {
    return spawnSync(process.execPath, ['db/backup.ts', target], { cwd: ROOT, env: { ...process.env, DATABASE_URL: database.url, MEDIA_DIR: mediaDir }, encoding: 'utf8' });
  }

  test('copies the database and the finished media files beside it, leaving uploads in progress out', () => {
    const target = path.join(work, 'backups', 'jt.db');
    const run = backup(target);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Media files (2) copied to');
    const copy = new SQLite(target, { readonly: true });
    expect(copy.prepare('select count(*) as n from media_files').get()).toEqual({ n: 0 });
    copy.close();
    const mediaCopy = path.join(work, 'backups', 'jt-media');
    expect(filesUnder(mediaCopy).sort()).toEqual(['aaaaaaaaaaaaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbbbbbbbbbbbb']);
    expect(readFileSync(path.join(mediaCopy, 'aaaaaaaaaaaaaaaaaaaaaaaaaa'), 'utf8')).toBe('finished video bytes');
  });

  test('says so when there is no media folder yet', () => {
    rmSync(mediaDir, { recursive: true, force: true });
    const run = backup(path.join(work, 'backups', 'second.db'));
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('No media folder');
  });
});
