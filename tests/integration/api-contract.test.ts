import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { makeCounty, makeUser, TEST_PASSWORD } from '../support/factories.ts';
import { ROOT } from '../support/paths.ts';
import { useServer } from '../support/suite.ts';

const API_DIR = path.join(ROOT, 'src/pages/api/v1');

/** `users/[id]/password.ts` → `/users/{id}/password`. */
function endpointPaths(dir = API_DIR, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const name = entry.name.replace(/\[(\w+)\]/g, '{$1}');
    if (entry.isDirectory()) return endpointPaths(path.join(dir, entry.name), `${prefix}/${name}`);
    const base = name.replace(/\.ts$/, '');
    return [base === 'index' ? prefix || '/' : `${prefix}/${base}`];
  });
}

const GARBAGE_BODIES: Array<[string, string | undefined, string]> = [
  ['malformed JSON', 'application/json', '{"login":'],
  ['a JSON array', 'application/json', '[1,2,3]'],
  ['a JSON string', 'application/json', '"hello"'],
  ['wrong field types', 'application/json', '{"login":5,"password":true,"name":[],"parentId":{}}'],
  ['unknown fields', 'application/json', '{"zzz":1}'],
  ['a form body', 'application/x-www-form-urlencoded', 'a=1'],
  ['no content type', undefined, 'x'],
  ['deeply nested JSON', 'application/json', '['.repeat(5000) + ']'.repeat(5000)],
];

describe('the API contract', () => {
  const suite = useServer('sqlite', async ({ db }) => {
    const units = await makeCounty(db);
    await makeUser(db, 'admin', units.county, { login: 'contract-admin' });
    return units;
  });

  test('the OpenAPI 3.1 document lists every endpoint file with its methods', async () => {
    const doc = (await suite.client().get('/api/v1/openapi.json')).data;
    expect(doc.openapi).toBe('3.1.0');
    for (const p of endpointPaths()) expect(Object.keys(doc.paths), `missing ${p}`).toContain(p);
    expect(doc.paths['/auth/login'].post.requestBody.content['application/json'].schema).toBeDefined();
  });

  test('no endpoint answers 500 to garbage, oversize or mistyped input, and every error is JSON', async () => {
    const admin = suite.client();
    await admin.login('contract-admin', TEST_PASSWORD);
    const doc = (await admin.get('/api/v1/openapi.json')).data;
    for (const [p, methods] of Object.entries<Record<string, unknown>>(doc.paths)) {
      const url = '/api/v1' + p.replace(/\{\w+\}/g, 'no-such-id');
      for (const method of Object.keys(methods)) {
        const bodies = method === 'get' ? [['plain', undefined, undefined] as const] : [...GARBAGE_BODIES, ['oversize', 'application/json', JSON.stringify({ login: 'x'.repeat(2_000_000) })] as const];
        for (const [label, type, body] of bodies) {
          const res = await admin.request(method.toUpperCase(), url, { body, headers: type ? { 'Content-Type': type } : {} });
          expect(res.status, `${method} ${p} with ${label}: ${res.text.slice(0, 200)}`).toBeLessThan(500);
          if (res.status >= 400) expect(res.data?.error?.code, `${method} ${p} with ${label}`).toEqual(expect.any(String));
        }
      }
    }
  });

  test('an unknown endpoint is a JSON 404 and a wrong method a JSON 405', async () => {
    const missing = await suite.client().get('/api/v1/no-such-thing');
    expect(missing.status).toBe(404);
    expect(missing.data.error.code).toBe('not_found');
    const wrongMethod = await suite.client().request('DELETE', '/api/v1/me');
    expect(wrongMethod.status).toBe(405);
  });

  test('a JSON post from another origin is refused before it does anything', async () => {
    const res = await suite.client().request('POST', '/api/v1/auth/login', {
      json: { login: 'contract-admin', password: TEST_PASSWORD },
      headers: { Origin: 'https://evil.example' },
    });
    expect(res.status).toBe(403);
    expect(res.data.error.code).toBe('cross_site_request');
  });

  test('an unknown page gets the Chinese 404 page', async () => {
    const admin = suite.client();
    await admin.login('contract-admin', TEST_PASSWORD);
    const res = await admin.get('/no-such-page');
    expect(res.status).toBe(404);
    expect(res.text).toContain('页面不存在');
  });
});
