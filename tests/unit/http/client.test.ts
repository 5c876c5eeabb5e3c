import { describe, expect, test } from 'vitest';
import { isCrossSite } from '../../../src/lib/http/client.ts';

const url = new URL('http://jt.example:4321/api/v1/auth/login');
const req = (headers: Record<string, string>) => new Request(url, { method: 'POST', headers });

describe('isCrossSite', () => {
  test('accepts a request from our own origin', () => {
    expect(isCrossSite(req({ origin: 'http://jt.example:4321', 'content-type': 'application/json' }), url)).toBe(false);
  });

  test('refuses another origin and the opaque null origin', () => {
    expect(isCrossSite(req({ origin: 'http://evil.example', 'content-type': 'application/json' }), url)).toBe(true);
    expect(isCrossSite(req({ origin: 'null' }), url)).toBe(true);
  });

  test('refuses what the browser marks as cross-site', () => {
    expect(isCrossSite(req({ 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' }), url)).toBe(true);
  });

  test('refuses a form post without any Origin but lets a JSON API client through', () => {
    expect(isCrossSite(req({ 'content-type': 'application/x-www-form-urlencoded' }), url)).toBe(true);
    expect(isCrossSite(req({ 'content-type': 'application/json' }), url)).toBe(false);
  });
});
