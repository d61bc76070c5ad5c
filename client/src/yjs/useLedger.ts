/**
 * An objective's commitment ledger (`ledger:<objectiveId>`), joined for as long as the caller is
 * mounted and read live as plain values. The document is written only by the server's ledger
 * commands; pages compute what they show from it (`followUp`, `madeInMeeting`) and never copy it.
 */
import type * as Y from 'yjs';
import { DocKind, ledgerDocName } from '../../../shared/docNames.ts';
import { allRoots } from '../../../shared/docShapes.ts';
import { type HistoryEntry, type LedgerSnapshot, readHistory, readLedger } from '../../../shared/ledger.ts';
import { useYDoc, type YDocHandle } from './useYDoc.ts';
import { useYValue } from './useYValue.ts';

const ledgerRoots = (doc: Y.Doc): Y.AbstractType<unknown>[] => allRoots(doc, DocKind.ledger);

export interface LedgerHandle {
  handle: YDocHandle;
  ledger: LedgerSnapshot;
  /** Every change, oldest first: what a started meeting saw (`followUp`'s `history`). */
  history: HistoryEntry[];
}

const readAll = (doc: Y.Doc) => ({ ledger: readLedger(doc), history: readHistory(doc) });

export function useLedger(objectiveId: string): LedgerHandle {
  const handle = useYDoc(ledgerDocName(objectiveId));
  const { ledger, history } = useYValue(handle.doc, ledgerRoots, readAll);
  return { handle, ledger, history };
}
