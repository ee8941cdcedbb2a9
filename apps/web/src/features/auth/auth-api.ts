/** Calls of the /auth endpoints. */
import type { ChangePasswordRequest, LoginRequest, Me } from '@zhiping/contracts';
import { api, apiJson } from '../../lib/api-client.ts';

/** The signed-in user, or null when there is no session. */
export async function fetchMe(): Promise<Me | null> {
  try {
    return await apiJson<Me>('GET', '/auth/me', { quietUnauthenticated: true });
  } catch (e) {
    if (e instanceof Error && 'status' in e && e.status === 401) return null;
    throw e;
  }
}

/** Signs in and returns the user (with a fresh CSRF token). */
export function login(body: LoginRequest): Promise<Me> {
  return apiJson<Me>('POST', '/auth/login', { body, quietUnauthenticated: true });
}

/** Ends the session. */
export function logout(): Promise<{ ok: true }> {
  return api.post<{ ok: true }>('/auth/logout');
}

/** Changes the user's own password. */
export function changePassword(body: ChangePasswordRequest): Promise<Me> {
  return api.post<Me>('/auth/change-password', body);
}
