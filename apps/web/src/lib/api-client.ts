/**
 * The fetch wrapper every feature uses: sends the session cookie, adds the CSRF token on writes,
 * parses the error body into an ApiError, and reports 401 / forced password change to the shell.
 */
import { ErrorBody } from '@zhiping/contracts';
import { ApiError } from './api-error.ts';
import { toQueryString, type QueryParams } from './query-string.ts';

const API_BASE = '/api/v1';

interface SessionHooks {
  /** Called on 401: the session is gone. */
  onUnauthenticated: () => void;
  /** Called on 403 with details.mustChangePassword. */
  onMustChangePassword: () => void;
}

let csrfToken: string | null = null;
let hooks: SessionHooks = { onUnauthenticated: () => undefined, onMustChangePassword: () => undefined };

/** Remembers the CSRF token of the signed-in user (from Me). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Installs the shell's reactions to an expired session and to a forced password change. */
export function setSessionHooks(next: SessionHooks): void {
  hooks = next;
}

export interface RequestOptions {
  query?: QueryParams;
  /** JSON body (objects) or FormData (uploads). */
  body?: unknown;
  /** Do not call the session hooks on 401 (the auth probe at start-up). */
  quietUnauthenticated?: boolean;
  signal?: AbortSignal;
}

/** Sends a request and returns the raw Response when it is OK; throws ApiError otherwise. */
export async function apiFetch(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) body = options.body;
  else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const url = `${API_BASE}${path}${toQueryString(options.query)}`;
  let response: Response;
  try {
    response = await fetch(url, { method, headers, body, credentials: 'same-origin', signal: options.signal });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({ code: 'NETWORK', status: 0, message: '无法连接服务器，请检查网络后重试' });
  }
  if (response.ok) return response;
  const error = await parseError(response);
  if (response.status === 401 && !options.quietUnauthenticated) hooks.onUnauthenticated();
  if (error.isMustChangePassword) hooks.onMustChangePassword();
  throw error;
}

async function parseError(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  try {
    const parsed = ErrorBody.safeParse(JSON.parse(text));
    if (parsed.success) {
      const e = parsed.data.error;
      return new ApiError({ code: e.code, status: response.status, message: e.message, issues: e.issues, details: e.details });
    }
  } catch {
    // Not JSON (a proxy error page, for example): fall through to a generic message.
  }
  const message = response.status === 404 ? '接口不存在或对象已删除' : `服务器错误（${response.status}），请稍后重试`;
  return new ApiError({ code: response.status === 404 ? 'NOT_FOUND' : 'INTERNAL', status: response.status, message });
}

/** Sends a request and parses the JSON answer. */
export async function apiJson<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const response = await apiFetch(method, path, options);
  return (await response.json()) as T;
}

/** Shorthands for the common verbs. */
export const api = {
  get: <T>(path: string, query?: QueryParams, signal?: AbortSignal) => apiJson<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => apiJson<T>('POST', path, { body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => apiJson<T>('PATCH', path, { body }),
  delete: <T>(path: string) => apiJson<T>('DELETE', path),
};
