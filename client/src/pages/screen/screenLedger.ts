/**
 * The objective's commitment ledger for the screen, read live (the same document `useLedger` reads),
 * or an empty one for a meeting without an objective. From it the screen computes the follow-up
 * and what this meeting made; the ledger's local copy shows them offline too.
 */
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import * as Y from 'yjs';
import { DocKind, ledgerDocName } from '../../../../shared/docNames.ts';
import { allRoots } from '../../../../shared/docShapes.ts';
import {
  type HistoryEntry,
  type LedgerSnapshot,
  readHistory,
  readLedger,
} from '../../../../shared/ledger.ts';
import { getProvider } from '../../yjs/connection.ts';
import { useYValue } from '../../yjs/useYValue.ts';

export interface ScreenLedger {
  ledger: LedgerSnapshot;
  history: HistoryEntry[];
  /**
   * False until the ledger has come from the server or this device's copy: until then an empty
   * list means "not here yet", and the screen must not say that nothing is open.
   */
  known: boolean;
}

/** Stands in for the ledger of a meeting that has no objective: it never changes. */
const NO_LEDGER = new Y.Doc();
const ledgerRoots = (doc: Y.Doc): Y.AbstractType<unknown>[] => allRoots(doc, DocKind.ledger);
const readAll = (doc: Y.Doc) => ({ ledger: readLedger(doc), history: readHistory(doc) });
const never = () => () => undefined;

/**
 * `open`: join the ledger now. The screen opens it once the meeting itself has something to draw,
 * so that on a new device the (much larger) ledger does not hold back the first paint.
 */
export function useScreenLedger(objectiveId: string | null, open: boolean): ScreenLedger {
  const session = useMemo(
    () => (objectiveId && open ? getProvider().session(ledgerDocName(objectiveId)) : null),
    [objectiveId, open],
  );
  useEffect(() => session?.retain(), [session]);
  const read = useYValue(session?.doc ?? NO_LEDGER, ledgerRoots, readAll);
  const synced = useSyncExternalStore(
    session?.subscribe ?? never,
    () => session?.getState().lastSyncedAt != null,
  );
  // Anything in the document (a server sync or the local copy) is a ledger we can show.
  const known = objectiveId === null || synced || (session?.doc.store.clients.size ?? 0) > 0;
  return useMemo(() => ({ ...read, known }), [read, known]);
}
