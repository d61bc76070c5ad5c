/**
 * Makes a test server hold back every join of a ledger (`ledger:*`) until released, so a browser
 * test can look at a page while the objective's ledger has not arrived. `restore` puts the hub's
 * own join back (and releases what is held).
 */
import type { DocHub } from '../../server/docs/docHub.ts';

export function holdLedgerJoins(hub: DocHub): { release(): void; restore(): void } {
  const join = hub.join;
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  hub.join = async (...args) => {
    if (args[1].startsWith('ledger:')) await held;
    return join.apply(hub, args);
  };
  return {
    release: () => release(),
    restore() {
      release();
      hub.join = join;
    },
  };
}
