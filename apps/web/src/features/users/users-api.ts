/** Calls of the /users endpoints (三员分立: accounts by the system admin, roles by the security admin). */
import type { CreateUserRequest, GrantRoleRequest, Page, RoleGrant, UserSummary } from '@zhiping/contracts';
import { api } from '../../lib/api-client.ts';

export interface OneTimePassword {
  userId: number;
  temporaryPassword: string;
}

/** One page of accounts. */
export function fetchUsers(query: { q?: string; page: number; pageSize: number }, signal: AbortSignal): Promise<Page<UserSummary>> {
  return api.get<Page<UserSummary>>('/users', query, signal);
}

/** Creates an account; the answer carries a password shown once. */
export function createUser(input: CreateUserRequest): Promise<OneTimePassword> {
  return api.post<OneTimePassword>('/users', input);
}

/** Disables or enables an account. */
export function setUserDisabled(id: number, isDisabled: boolean): Promise<UserSummary> {
  return api.patch<UserSummary>(`/users/${id}`, { isDisabled });
}

/** Resets the password to a one-time password; the user must change it at next sign-in. */
export function resetUserPassword(id: number): Promise<OneTimePassword> {
  return api.post<OneTimePassword>(`/users/${id}/reset-password`);
}

/** Grants a role. */
export function grantRole(id: number, input: GrantRoleRequest): Promise<UserSummary> {
  return api.post<UserSummary>(`/users/${id}/roles`, input);
}

/** Revokes one grant. */
export function revokeRole(id: number, grantId: number): Promise<UserSummary> {
  return api.delete<UserSummary>(`/users/${id}/roles/${grantId}`);
}

/** The id of a grant when the server sends it (needed to revoke). */
export function grantIdOf(grant: RoleGrant): number | null {
  const id = (grant as RoleGrant & { id?: unknown }).id;
  return typeof id === 'number' ? id : null;
}
