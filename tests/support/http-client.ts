/** A tiny HTTP client for integration tests: keeps the session cookie and sends a same-site Origin. */
export class TestClient {
  readonly baseUrl: string;
  private cookies = new Map<string, string>();

  constructor(baseUrl: string) {
    this.baseUrl = baseUrl;
  }

  async request(method: string, path: string, init: { json?: unknown; body?: BodyInit; headers?: Record<string, string> } = {}) {
    const headers: Record<string, string> = { Origin: this.baseUrl, ...init.headers };
    if (this.cookies.size) headers.Cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let body = init.body;
    if (init.json !== undefined) {
      body = JSON.stringify(init.json);
      headers['Content-Type'] ??= 'application/json';
    }
    const res = await fetch(this.baseUrl + path, { method, headers, body, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, value] = pair!.split('=');
      if (!value || /Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name!);
      else this.cookies.set(name!, value);
    }
    const text = await res.text();
    let data: any = undefined;
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
    return { status: res.status, headers: res.headers, data, text };
  }

  get(path: string) {
    return this.request('GET', path);
  }

  post(path: string, json?: unknown) {
    return this.request('POST', path, { json: json ?? {} });
  }

  patch(path: string, json: unknown) {
    return this.request('PATCH', path, { json });
  }

  /** Submits an HTML form the way a browser does. */
  form(path: string, fields: Record<string, string>) {
    return this.request('POST', path, {
      body: new URLSearchParams(fields).toString(),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
  }

  async login(login: string, password: string) {
    const res = await this.post('/api/v1/auth/login', { login, password });
    if (res.status !== 200) throw new Error(`login ${login} failed: ${res.status} ${res.text}`);
    return res;
  }

  get sessionToken(): string | undefined {
    return this.cookies.get('jt_session');
  }
}
