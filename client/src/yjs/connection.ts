/**
 * The tab's one SocketIOProvider, created on first use after sign-in and mirrored into the store.
 * Signing out destroys it, so the next person's connection carries the next person's cookie.
 */
import { useStore } from '../store/index.ts';
import { openLocalCopy } from './localCopy.ts';
import { SocketIOProvider } from './SocketIOProvider.ts';

let provider: SocketIOProvider | null = null;
let unsubscribe: (() => void) | null = null;

export function getProvider(): SocketIOProvider {
  if (!provider) {
    const created = new SocketIOProvider({ localCopy: openLocalCopy, network: window });
    const mirror = () => useStore.getState().setConnection(created.getState());
    unsubscribe = created.subscribe(mirror);
    mirror();
    provider = created;
  }
  return provider;
}

export function resetProvider(): void {
  unsubscribe?.();
  provider?.destroy();
  provider = null;
  unsubscribe = null;
}
