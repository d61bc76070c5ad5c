/** The development sign-in (`/api/session`); a person's saved language comes with who they are. */
import type { Language } from '../../../shared/languages.ts';
import type { Principal, Role } from '../../../shared/roles.ts';
import { adoptPersonLanguage } from '../i18n/preference.ts';
import { ApiError, api } from './http.ts';
import { forgetPreloads } from './resources.ts';

interface SessionAnswer {
  principal: Principal;
  /** Null until the person picks a language. */
  language?: Language | null;
}

/** The signed-in person, or null when there is no valid session; their language is applied first. */
export async function fetchPrincipal(): Promise<Principal | null> {
  try {
    const { principal, language } = await api.get<SessionAnswer>('/api/session');
    await adoptPersonLanguage(language ?? null);
    return principal;
  } catch (error) {
    if (error instanceof ApiError && error.code === 'unauthenticated') return null;
    throw error;
  }
}

export async function signIn(name: string, role: Role): Promise<Principal> {
  const { principal, language } = await api.post<SessionAnswer>('/api/session', { name, role });
  // What was preloaded before belonged to whoever was signed in then.
  forgetPreloads();
  await adoptPersonLanguage(language ?? null);
  return principal;
}

export async function signOut(): Promise<void> {
  forgetPreloads();
  await api.delete<void>('/api/session');
}
