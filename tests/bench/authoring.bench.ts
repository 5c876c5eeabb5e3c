/**
 * `npm run bench`: a lesson written in the browser against the same lesson from content/. The
 * authored copy holds the very MDX body of `红军东征与永和 · 东渡黄河`, published through the real
 * workflow; its compiled form is cached, so it should be served about as fast as the content/ page
 * (whose MDX Astro compiled at build time). Prints figures and the ratio; asserts nothing about time.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createAuthoredCourse, editDraft } from '../../src/lib/authoring/drafting.ts';
import { publishVersion, submitVersion } from '../../src/lib/authoring/review.ts';
import { makeCounty, makeUser } from '../support/factories.ts';
import { TestClient } from '../support/http-client.ts';
import { ROOT } from '../support/paths.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { freshDatabase, type TestDatabase } from '../support/test-db.ts';

const CONTENT_LESSON = '/courses/red-army-eastern-expedition/crossing-the-yellow-river';
const AUTHORED_LESSON = '/courses/bench-authored-copy/crossing-the-yellow-river';
const SECONDS = 8;
const CONNECTIONS = 20;
let database: TestDatabase;
let server: RunningServer;
let cookie = '';

beforeAll(async () => {
  database = await freshDatabase('sqlite');
  const db = database.db;
  const units = await makeCounty(db);
  const trainer = await makeUser(db, 'trainer', units.townA, { login: 'bench-trainer', scopeUnitId: units.townA });
  const staff = await makeUser(db, 'staff', units.townA, { login: 'bench-staff', scopeUnitId: units.townA });
  await makeUser(db, 'cadre', units.townA, { login: 'bench-cadre' });
  const source = readFileSync(path.join(ROOT, 'content/courses/red-army-eastern-expedition/02-crossing-the-yellow-river.mdx'), 'utf8');
  const body = source.replace(/^---\n[\s\S]*?\n---\n/, '');
  const townPath = (await db.selectFrom('org_units').select('path').where('id', '=', units.townA).executeTakeFirstOrThrow()).path;
  const author = { id: trainer.id, role: 'trainer' as const, scopePath: townPath };
  const reviewer = { id: staff.id, role: 'staff' as const, scopePath: townPath };
  await createAuthoredCourse(db, author, { slug: 'bench-authored-copy', title: '东渡黄河（浏览器编写的副本）' }, () => false);
  await editDraft(db, author, 'bench-authored-copy', {
    change: (c) => ({
      ...c,
      course: { ...c.course, summary: '基准测试用的副本。', audience: '全县党员干部' },
      lessons: [{ slug: 'crossing-the-yellow-river', title: '东渡黄河：从强渡到晋西会议', minutes: 15, summary: '同 content/ 中的一课。', body }],
    }),
  });
  await submitVersion(db, author, 'bench-authored-copy');
  await publishVersion(db, reviewer, 'bench-authored-copy');
  server = await startServer(database.url);
  const client = new TestClient(server.baseUrl);
  await client.login('bench-cadre', 'test-password-1');
  cookie = `jt_session=${client.sessionToken}`;
}, 300_000);

afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

async function load(name: string, pathname: string) {
  const result = await autocannon({ url: server.baseUrl + pathname, connections: CONNECTIONS, duration: SECONDS, headers: { Cookie: cookie } });
  const figures = { name, rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors };
  console.log(JSON.stringify(figures));
  return figures;
}

test('an authored lesson page against the same lesson from content/', { timeout: 120_000 }, async () => {
  const client = new TestClient(server.baseUrl);
  await client.login('bench-cadre', 'test-password-1');
  const [content, authored] = await Promise.all([client.get(CONTENT_LESSON), client.get(AUTHORED_LESSON)]);
  expect(content.status).toBe(200);
  expect(authored.status).toBe(200);
  console.log(JSON.stringify({ htmlBytes: { content: Buffer.byteLength(content.text), authored: Buffer.byteLength(authored.text) } }));
  const a = await load(`GET ${CONTENT_LESSON} (content/)`, CONTENT_LESSON);
  const b = await load(`GET ${AUTHORED_LESSON} (authored, cached compile)`, AUTHORED_LESSON);
  console.log(`authored/content lesson throughput ratio: ${(b.rps / a.rps).toFixed(2)}; p99 ${b.p99} ms vs ${a.p99} ms`);
  expect(a.errors + b.errors + a.non2xx + b.non2xx).toBe(0);
});
