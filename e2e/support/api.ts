/** Seeds data through the HTTP API (cookie + CSRF), the way the web app does — never the database. */
import type { Me } from '@zhiping/contracts';

export class ApiSession {
  private cookie = '';
  private csrf = '';

  constructor(private readonly baseUrl: string) {}

  /** Signs in; with newPassword, also does the forced first password change. */
  static async signIn(baseUrl: string, username: string, password: string, newPassword?: string): Promise<ApiSession> {
    const s = new ApiSession(baseUrl);
    const me = await s.send<Me>('POST', '/auth/login', { username, password });
    if (me.mustChangePassword) {
      if (!newPassword) throw new Error(`${username} must change the password first`);
      await s.send<Me>('POST', '/auth/change-password', { currentPassword: password, newPassword });
    }
    return s;
  }

  /** Sends a JSON request to /api/v1<path> and returns the parsed answer; throws on an error status. */
  async send<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.cookie) headers.cookie = this.cookie;
    if (method !== 'GET' && this.csrf) headers['x-csrf-token'] = this.csrf;
    let payload: BodyInit | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const r = await fetch(`${this.baseUrl}/api/v1${path}`, { method, headers, body: payload });
    const setCookie = r.headers.getSetCookie().find((c) => c.startsWith('zp_session='));
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    const text = await r.text();
    if (!r.ok) throw new Error(`${method} ${path} → ${r.status}: ${text}`);
    const json = text ? (JSON.parse(text) as T) : (undefined as T);
    const token = (json as { csrfToken?: unknown } | undefined)?.csrfToken;
    if (typeof token === 'string') this.csrf = token;
    return json;
  }

  get<T>(path: string): Promise<T> {
    return this.send<T>('GET', path);
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.send<T>('POST', path, body ?? {});
  }

  /** Uploads a file as multipart field "file". */
  upload<T>(path: string, fileName: string, content: Buffer): Promise<T> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(content)]), fileName);
    return this.send<T>('POST', path, form);
  }
}
