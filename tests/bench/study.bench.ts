/**
 * `npm run bench`: heartbeat throughput and latency for many learners over HTTP, against the same
 * server's trivial health endpoint in the same run; a lesson page against a static file of the same
 * size. The load comes from autocannon (in this process; the server runs in its own), and the server
 * gets one core of the two. Prints figures and ratios; asserts nothing about time.
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { hashPassword } from '../../src/lib/auth/password.ts';
import { newId } from '../../src/lib/util/ids.ts';
import { makeCounty } from '../support/factories.ts';
import { TestClient } from '../support/http-client.ts';
import { ROOT } from '../support/paths.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { freshDatabase, type TestDatabase } from '../support/test-db.ts';

const LEARNERS = 200;
const CONNECTIONS = 20;
const SECONDS = 8;
const LESSON = '/courses/red-army-eastern-expedition/crossing-the-yellow-river';
const SAME_SIZE_FILE = 'bench-same-size.html';
let database: TestDatabase;
let server: RunningServer;
const cookies: string[] = [];

beforeAll(async () => {
  database = await freshDatabase('sqlite');
  const units = await makeCounty(database.db);
  const hash = await hashPassword('bench-password-1');
  const stamp = new Date().toISOString();
  await database.db
    .insertInto('users')
    .values(Array.from({ length: LEARNERS }, (_, i) => ({ id: newId(), login: `learner${i}`, name: `学员${i}`, password_hash: hash, role: 'cadre' as const, org_unit_id: units.townA, scope_unit_id: null, position: '', phone: null, active: 1, created_at: stamp, updated_at: stamp })))
    .execute();
  server = await startServer(database.url);
  for (let i = 0; i < LEARNERS; i++) {
    const client = new TestClient(server.baseUrl);
    await client.login(`learner${i}`, 'bench-password-1');
    await client.post('/api/v1/enrollments', { courseId: 'red-army-eastern-expedition' });
    cookies.push(`jt_session=${client.sessionToken}`);
  }
}, 600_000);

afterAll(async () => {
  rmSync(path.join(ROOT, 'dist/client', SAME_SIZE_FILE), { force: true });
  await server?.stop();
  await database?.drop();
});

interface Figures {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

/** Runs autocannon for SECONDS; every request goes out with the cookie of the next learner in turn. */
async function load(name: string, request: { method?: 'GET' | 'POST'; path: string; body?: (n: number) => string }): Promise<Figures> {
  let n = 0;
  const result = await autocannon({
    url: server.baseUrl,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [
      {
        method: request.method ?? 'GET',
        path: request.path,
        setupRequest: (req) => {
          n++;
          const headers: Record<string, string> = { Cookie: cookies[n % LEARNERS]!, Origin: server.baseUrl };
          if (request.body) headers['Content-Type'] = 'application/json';
          return { ...req, headers, ...(request.body ? { body: request.body(n) } : {}) };
        },
      },
    ],
  });
  const figures = { name, rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors };
  console.log(JSON.stringify(figures));
  return figures;
}

test('heartbeats from many learners against the health endpoint', { timeout: 120_000 }, async () => {
  const health = await load('GET /api/v1/health (signed in)', { path: '/api/v1/health' });
  const run = Date.now().toString(36);
  const beats = await load('POST /api/v1/study/heartbeat', {
    method: 'POST',
    path: '/api/v1/study/heartbeat',
    body: (n) => {
      const now = Date.now();
      return JSON.stringify({ beatId: `bench-${run}-${n}`, lessonId: 'red-army-eastern-expedition/strategic-decision', recordedAt: now, sentAt: now });
    },
  });
  console.log(`heartbeat/health throughput ratio: ${(beats.rps / health.rps).toFixed(2)}; p99 ${beats.p99} ms vs ${health.p99} ms`);
  // Only correctness is asserted: every beat was answered without a server error.
  expect(beats.errors + health.errors).toBe(0);
});

test('a lesson page against a static file of the same size', { timeout: 120_000 }, async () => {
  const client = new TestClient(server.baseUrl);
  await client.login('learner0', 'bench-password-1');
  const page = await client.get(LESSON);
  expect(page.status).toBe(200);
  const assets = [...new Set([...page.text.matchAll(/(?:href|src)="(\/[^"]+\.(?:css|js|svg))"/g)].map((m) => m[1]!))];
  let gzipBytes = gzipSync(page.text).length;
  for (const asset of assets) gzipBytes += gzipSync(await (await fetch(server.baseUrl + asset)).arrayBuffer()).length;
  console.log(JSON.stringify({ lessonPage: { requests: 1 + assets.length, gzipBytes, htmlBytes: Buffer.byteLength(page.text) } }));

  // The adapter serves dist/client at run time, so a file written there now is served like any asset.
  writeFileSync(path.join(ROOT, 'dist/client', SAME_SIZE_FILE), page.text);
  const lesson = await load(`GET ${LESSON}`, { path: LESSON });
  const file = await load(`GET /${SAME_SIZE_FILE} (static, same size)`, { path: `/${SAME_SIZE_FILE}` });
  console.log(`lesson page/static file throughput ratio: ${(lesson.rps / file.rps).toFixed(2)}`);
  expect(lesson.errors + file.errors + lesson.non2xx + file.non2xx).toBe(0);
});
