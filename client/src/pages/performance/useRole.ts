/**
 * Who is looking, to decide whether to show the analyst's forms. Read from `GET /api/session`
 * rather than from the shell's store so these pages stand on their own; the server enforces the
 * role on every write anyway, so this only decides what to offer.
 */
import type { Principal } from '../../../../shared/roles.ts';
import { performanceApi } from '../../api/performance.ts';
import { useResource } from './useResource.ts';

export function usePrincipal(): Principal | null {
  const session = useResource('session', performanceApi.session);
  return session.state === 'ready' ? session.data.principal : null;
}

export function useIsAnalyst(): boolean {
  return usePrincipal()?.role === 'analyst';
}
