/**
 * `npm run bench`: the staff's county-wide completion report and its exports over a generated county
 * (10,000 cadres, 300 courses, a year of activity), against one hand-written SQL aggregate over the
 * same database in the same run, plus the same report over HTTP. Prints figures and ratios only.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { BENCH_PASSWORD, BENCH_STAFF_LOGIN, buildBenchCounty } from '../../db/seeds/bench-county.ts';
import { beijingYear } from '../../src/lib/hours/beijing-year.ts';
import { completionReport } from '../../src/lib/reports/completion.ts';
import { beijingYearBounds } from '../../src/lib/reports/completion-query.ts';
import { completionDownload } from '../../src/lib/reports/downloads.ts';
import { TestClient } from '../support/http-client.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { freshDatabase, type TestDatabase } from '../support/test-db.ts';

const CADRES = 10_000;
const now = new Date();
const year = beijingYear(now);
let database: TestDatabase;
let server: RunningServer;

beforeAll(async () => {
  database = await freshDatabase('sqlite');
  const started = performance.now();
  const summary = await buildBenchCounty(database.db, { cadres: CADRES, courses: 300, seed: 2026, now });
  console.log(`generated county in ${((performance.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(summary)}`);
  server = await startServer(database.url);
}, 600_000);

afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

/** Median time of `runs` calls after two warm-up calls. */
async function median(runs: number, fn: () => unknown): Promise<number> {
  for (let i = 0; i < 2; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

/** The baseline: the same figures per unit in one hand-written statement, run on a raw better-sqlite3 connection. */
function handWrittenAggregate(file: string) {
  const sqlite = new Database(file, { readonly: true });
  const [from, to] = beijingYearBounds(year);
  const statement = sqlite.prepare(`
    SELECT o.id, count(*) AS cadres, sum(coalesce(l.total, 0)) AS total,
           sum(CASE WHEN coalesce(l.total, 0) >= coalesce(pt.total_tenths, dt.total_tenths)
                     AND coalesce(l.required, 0) >= coalesce(pt.required_tenths, dt.required_tenths) THEN 1 ELSE 0 END) AS met,
           sum(coalesce(e.assigned, 0)) AS assigned, sum(coalesce(e.completed, 0)) AS completed
    FROM users u
    JOIN org_units o ON o.id = u.org_unit_id
    LEFT JOIN (SELECT user_id, sum(hours_tenths) AS total, sum(CASE WHEN counts_as_required = 1 THEN hours_tenths ELSE 0 END) AS required
               FROM hours_ledger WHERE year = ? GROUP BY user_id) l ON l.user_id = u.id
    LEFT JOIN (SELECT user_id, count(*) AS assigned, count(completed_at) AS completed
               FROM enrollments WHERE required = 1 AND enrolled_at >= ? AND enrolled_at < ? GROUP BY user_id) e ON e.user_id = u.id
    LEFT JOIN hours_targets pt ON pt.year = ? AND pt.applies_to = 'position' AND pt.match_value = u.position
    LEFT JOIN hours_targets dt ON dt.year = ? AND dt.applies_to = 'default'
    WHERE u.role = 'cadre' AND u.active = 1
    GROUP BY o.id`);
  return { run: () => statement.all(year, from, to, year, year), close: () => sqlite.close() };
}

test('county-wide completion report against a hand-written SQL aggregate', { timeout: 300_000 }, async () => {
  const baseline = handWrittenAggregate(database.url.slice('file:'.length));
  const rows = baseline.run() as Array<{ cadres: number }>;
  const baselineMs = await median(15, baseline.run);
  baseline.close();

  const report = await completionReport(database.db, { kind: 'all' }, { year }, now);
  expect(report.cadres).toHaveLength(CADRES);
  expect(rows.reduce((sum, r) => sum + r.cadres, 0)).toBe(CADRES);
  const reportMs = await median(15, () => completionReport(database.db, { kind: 'all' }, { year }, now));
  console.log(JSON.stringify({ cadres: CADRES, units: report.units.length, reportMs: +reportMs.toFixed(1), handWrittenSqlMs: +baselineMs.toFixed(1), ratio: +(reportMs / baselineMs).toFixed(2) }));

  const xlsxMs = await median(3, () => completionDownload(report, '永和县', 'xlsx'));
  const csvMs = await median(3, () => completionDownload(report, '永和县', 'csv'));
  const xlsx = await completionDownload(report, '永和县', 'xlsx');
  console.log(JSON.stringify({ exportRows: report.cadres.length, xlsxMs: Math.round(xlsxMs), xlsxBytes: xlsx.body.length, csvMs: Math.round(csvMs) }));
});

test('the same report and export over HTTP as county staff', { timeout: 300_000 }, async () => {
  const staff = new TestClient(server.baseUrl);
  await staff.login(BENCH_STAFF_LOGIN, BENCH_PASSWORD);
  const get = (query: string) => fetch(`${server.baseUrl}/api/v1/reports/completion?${query}`, { headers: { Cookie: `jt_session=${staff.sessionToken}` } }).then(async (r) => {
    expect(r.status).toBe(200);
    return (await r.arrayBuffer()).byteLength;
  });
  const jsonMs = await median(5, () => get('format=json'));
  const xlsxMs = await median(3, () => get('format=xlsx'));
  const pageMs = await median(5, () => staff.get('/reports'));
  console.log(JSON.stringify({ http: { reportJsonMs: Math.round(jsonMs), xlsxDownloadMs: Math.round(xlsxMs), reportPageMs: Math.round(pageMs) } }));
});
