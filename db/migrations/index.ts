import type { Migration } from 'kysely/migration';
import * as m0001 from './0001-foundation.ts';
import * as m0002 from './0002-study.ts';
import * as m0003 from './0003-hours.ts';
import * as m0004 from './0004-quizzes-certificates.ts';
import * as m0005 from './0005-roster-uploads.ts';
import * as m0006 from './0006-classes.ts';
import * as m0007 from './0007-authoring.ts';

/** Every migration, listed statically so the list survives bundling. Append only. */
export const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-study': m0002,
  '0003-hours': m0003,
  '0004-quizzes-certificates': m0004,
  '0005-roster-uploads': m0005,
  '0006-classes': m0006,
  '0007-authoring': m0007,
};
