/**
 * `npm run create-admin -- --login NAME --name 姓名 [--county 永和县]`: the first administrator of
 * a production database. The password is read from ADMIN_PASSWORD or asked for on the terminal.
 */
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline/promises';
import { createDb, parseDatabaseUrl } from '../../db/connection.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { createOrgUnit } from '../lib/org/org-units.ts';
import { createUser } from '../lib/users/users.ts';

const { values } = parseArgs({
  options: { login: { type: 'string' }, name: { type: 'string' }, county: { type: 'string', default: '永和县' } },
});
if (!values.login || !values.name) {
  console.error('Usage: npm run create-admin -- --login admin --name 张三 [--county 永和县]\n(password from ADMIN_PASSWORD or the prompt)');
  process.exit(2);
}
let password = process.env.ADMIN_PASSWORD;
if (!password) {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  password = await rl.question('Password for the new administrator: ');
  rl.close();
}

const db = createDb(parseDatabaseUrl(process.env.DATABASE_URL));
try {
  await migrateToLatest(db);
  const all = { kind: 'all' } as const;
  const root = await db.selectFrom('org_units').select('id').where('parent_id', 'is', null).orderBy('sort_order').executeTakeFirst();
  const unitId = root?.id ?? (await createOrgUnit(db, all, null, { name: values.county!, kind: 'county', parentId: null }));
  await createUser(db, all, null, { login: values.login, name: values.name, password, role: 'admin', orgUnitId: unitId, position: '系统管理员' });
  console.log(`Administrator "${values.login}" created.`);
} catch (error) {
  console.error(`Could not create the administrator: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
