/**
 * `npm run bench`: heartbeat throughput and latency for many learners over HTTP, against the same
 * server's trivial health endpoint in the same run; a lesson page against a static file.
 * Prints figures and ratios; asserts nothing about time.
 */
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, test } from 'vitest';
import { hashPassword } from '../../src/lib/auth/password.ts';
import { newId } from '../../src/lib/util/ids.ts';
import { makeCounty } from '../support/factories.ts';
import { TestClient } from '../support/http-client.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { freshDatabase, type TestDatabase } from '../support/test-db.ts';

const LEARNERS = 200;
const CONCURRENCY = 50;
const DURATION_MS = 8_000;
let database: TestDatabase;
let server: RunningServer;
const clients: TestClient[] = [];

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
    clients.push(client);
  }
}, 600_000);

afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

async function load(name: string, send: (i: number) => Promise<number>) {
  const latencies: number[] = [];
  let errors = 0;
  let i = 0;
  const end = Date.now() + DURATION_MS;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < end) {
        const started = performance.now();
        const status = await send(i++);
        latencies.push(performance.now() - started);
        if (status >= 500) errors++;
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const result = { name, rps: Math.round(latencies.length / (DURATION_MS / 1000)), p50: latencies[Math.floor(latencies.length * 0.5)]!.toFixed(1), p99: latencies[Math.floor(latencies.length * 0.99)]!.toFixed(1), errors };
  console.log(JSON.stringify(result));
  return result;
}

test('heartbeats from many learners against the health endpoint', { timeout: 120_000 }, async () => {
  const health = await load('GET /api/v1/health', async (i) => (await clients[i % LEARNERS]!.get('/api/v1/health')).status);
  const beats = await load('POST /api/v1/study/heartbeat', async (i) => {
    const now = Date.now();
    const res = await clients[i % LEARNERS]!.post('/api/v1/study/heartbeat', { beatId: `b${i}-${now}`, lessonId: 'red-army-eastern-expedition/strategic-decision', recordedAt: now, sentAt: now });
    return res.status;
  });
  console.log(`heartbeat/health throughput ratio: ${(beats.rps / health.rps).toFixed(2)}`);
});

test('a lesson page against a static file', async () => {
  const client = clients[0]!;
  const page = await client.get('/courses/red-army-eastern-expedition/crossing-the-yellow-river');
  const assets = [...page.text.matchAll(/(?:href|src)="(\/[^"]+\.(?:css|js|svg))"/g)].map((m) => m[1]!);
  let total = gzipSync(page.text).length;
  for (const asset of new Set(assets)) total += gzipSync(await (await fetch(server.baseUrl + asset)).arrayBuffer()).length;
  console.log(JSON.stringify({ lessonPage: { requests: 1 + new Set(assets).size, gzipBytes: total } }));
  const timeIt = async (url: string, n = 200) => {
    const started = performance.now();
    for (let i = 0; i < n; i++) await client.get(url);
    return (performance.now() - started) / n;
  };
  const lessonMs = await timeIt('/courses/red-army-eastern-expedition/crossing-the-yellow-river');
  const staticMs = await timeIt('/courses/red-army-eastern-expedition/route.svg');
  console.log(`lesson page ${lessonMs.toFixed(2)} ms vs static file ${staticMs.toFixed(2)} ms (ratio ${(lessonMs / staticMs).toFixed(1)})`);
});
