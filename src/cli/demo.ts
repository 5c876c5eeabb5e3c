/**
 * `npm run demo`: migrate and seed the embedded database with the demo county, print the
 * address and logins, then start the built server in this process.
 */
import { createDb, parseDatabaseUrl } from '../../db/connection.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { seedDemo } from '../../db/seed-demo.ts';
import { describeShowcase } from '../../db/seeds/demo-activity.ts';
import { DEMO_PASSWORD, DEMO_STAFF } from '../../db/seeds/demo-county.ts';

const db = createDb(parseDatabaseUrl(process.env.DATABASE_URL));
try {
  await migrateToLatest(db);
  await seedDemo(db);
} finally {
  await db.destroy();
}

const host = process.env.HOST || 'localhost';
const port = process.env.PORT || '4321';
const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
console.log(`
  永和县干部网络学堂（演示）  http://${shown}:${port}

  演示账号（密码均为 ${DEMO_PASSWORD}）:
${DEMO_STAFF.map((a) => `    ${a.login.padEnd(14)} ${a.position}`).join('\n')}
    cadre001 … cadre060  学员（虚构人员），已有今年的学习记录，其中：
${describeShowcase().map((s) => `      ${s.login.padEnd(12)} ${s.note}`).join('\n')}

  干部大讲堂：trainer 登录后在“班次”里打开今天讲座的投影签到页；芝河镇的学员（如 cadre001）
  用手机打开投影上的链接或输入签到码即可签到，结束考勤后学时记入“我的学时”。

  按 Ctrl+C 停止。
`);
process.env.HOST = host;
process.env.PORT = port;
// @ts-ignore: the server bundle exists only after `astro build`, which `npm run demo` runs first.
await import('../../dist/server/entry.mjs');
