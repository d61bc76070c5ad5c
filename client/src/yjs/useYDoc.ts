/** Opens a shared document for as long as the calling component is mounted. */
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { getProvider } from './connection.ts';
import type { DocSession, DocSessionState } from './SocketIOProvider.ts';

export interface YDocHandle extends DocSessionState {
  session: DocSession;
  doc: DocSession['doc'];
  awareness: DocSession['awareness'];
}

export function useYDoc(docName: string): YDocHandle {
  const session = useMemo(() => getProvider().session(docName), [docName]);
  useEffect(() => session.retain(), [session]);
  const state = useSyncExternalStore(session.subscribe, session.getState);
  return { ...state, session, doc: session.doc, awareness: session.awareness };
}

/**
 * Joins `docName` for as long as the caller is mounted without reading it (null: nothing), so a
 * document a child will read later starts syncing now, alongside the others.
 */
export function useRetainedDoc(docName: string | null): void {
  useEffect(() => (docName ? getProvider().session(docName).retain() : undefined), [docName]);
}
