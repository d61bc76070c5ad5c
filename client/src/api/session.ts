/** The development sign-in (`/api/session`). */
import type { Principal, Role } from '../../../shared/roles.ts';
import { ApiError, api } from './http.ts';

/** The signed-in person, or null when there is no valid session. */
export async function fetchPrincipal(): Promise<Principal | null> {
  try {
    const { principal } = await api.get<{ principal: Principal }>('/api/session');
    return principal;
  } catch (error) {
    if (error instanceof ApiError && error.code === 'unauthenticated') return null;
    throw error;
  }
}

export async function signIn(name: string, role: Role): Promise<Principal> {
  const { principal } = await api.post<{ principal: Principal }>('/api/session', { name, role });
  return principal;
}

export async function signOut(): Promise<void> {
  await api.delete<void>('/api/session');
}
