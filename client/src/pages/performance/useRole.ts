/**
 * Who is looking, to decide whether to offer the analyst's forms. Read from the shell's zustand
 * store, which the signed-in layout fills from `GET /api/session` before any page renders; the
 * server enforces the role on every write anyway, so this only decides what to show.
 */
import type { Principal } from '../../../../shared/roles.ts';
import { useStore } from '../../store/index.ts';

export function usePrincipal(): Principal | null {
  return useStore((state) => state.principal);
}

export function useIsAnalyst(): boolean {
  return usePrincipal()?.role === 'analyst';
}
