import type { Migration } from 'kysely/migration';
import * as m0001 from './0001-foundation.ts';

/** Every migration, listed statically so the list survives bundling. Append only. */
export const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
};
