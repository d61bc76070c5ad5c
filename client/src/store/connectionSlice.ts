/**
 * The live connection as the UI shows it. The provider owns the truth; `yjs/connection.ts` mirrors
 * it here so any component (the top bar, a page banner) can read it with a selector.
 */
import type { StateCreator } from 'zustand';
import type { ConnectionStatus } from '../yjs/SocketIOProvider.ts';
import type { StoreState } from './index.ts';

export interface ConnectionSlice {
  connection: {
    status: ConnectionStatus;
    /** Distinguishes "connecting" (first time) from "reconnecting". */
    everConnected: boolean;
    lastSyncedAt: number | null;
    /** The server refused the connection (e.g. the session expired). */
    error: string | null;
  };
  setConnection(patch: Partial<ConnectionSlice['connection']>): void;
}

export const createConnectionSlice: StateCreator<StoreState, [], [], ConnectionSlice> = (set) => ({
  connection: { status: 'connecting', everConnected: false, lastSyncedAt: null, error: null },
  setConnection: (patch) => set((state) => ({ connection: { ...state.connection, ...patch } })),
});
