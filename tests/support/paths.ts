import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
/** Scratch space for test databases and reports (git-ignored). */
export const TMP = path.join(ROOT, 'tests/.tmp');
export const SQLITE_TEMPLATE = path.join(TMP, 'template.db');
export const PG_TEMPLATE_DB = 'jt_template';
