/** Who is signed in. Filled from `GET /api/session` by the app's root loader and by sign-in. */
import type { StateCreator } from 'zustand';
import type { Principal } from '../../../shared/roles.ts';
import type { StoreState } from './index.ts';

export interface SessionSlice {
  principal: Principal | null;
  setPrincipal(principal: Principal | null): void;
}

export const createSessionSlice: StateCreator<StoreState, [], [], SessionSlice> = (set) => ({
  principal: null,
  setPrincipal: (principal) => set({ principal }),
});
