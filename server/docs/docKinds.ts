/** Per-kind document behaviour the DocHub needs: the schema upgrade that runs on load. */

import type * as Y from 'yjs';
import { DocKind, parseDocName } from '../../shared/docNames.ts';
import { upgradeLedgerDoc } from '../../shared/ledger.ts';
import { upgradeMeetingDoc } from '../../shared/meetingDoc.ts';
import { upgradeMeetingLiveDoc } from '../../shared/meetingLive.ts';

const UPGRADES: Record<DocKind, (doc: Y.Doc) => boolean> = {
  [DocKind.meeting]: upgradeMeetingDoc,
  [DocKind.meetingLive]: upgradeMeetingLiveDoc,
  [DocKind.ledger]: upgradeLedgerDoc,
};

/** Brings a freshly loaded document to the current schema; returns true when it changed anything. */
export function upgradeDocument(docName: string, doc: Y.Doc): boolean {
  const ref = parseDocName(docName);
  return ref ? UPGRADES[ref.kind](doc) : false;
}
