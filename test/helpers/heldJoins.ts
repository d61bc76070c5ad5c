/**
 * Makes a test server hold back every join of the documents `held` picks until released, so a
 * browser test can look at a page while they have not arrived. `restore` puts the hub's own join
 * back (and releases what is held).
 */
import type { DocHub } from '../../server/docs/docHub.ts';

export function holdJoins(
  hub: DocHub,
  held: (docName: string) => boolean,
): { release(): void; restore(): void } {
  const join = hub.join;
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  hub.join = async (...args) => {
    if (held(args[1])) await released;
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

/** The objective's ledger (`ledger:*`), held back. */
export const holdLedgerJoins = (hub: DocHub) => holdJoins(hub, (docName) => docName.startsWith('ledger:'));
