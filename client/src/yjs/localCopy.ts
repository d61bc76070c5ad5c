/**
 * A copy of each open document in this browser's IndexedDB (y-indexeddb), so edits made offline
 * survive closing the tab: the laptop shut on the train still has them when it reopens the meeting
 * at the office, and the next sync sends the server exactly what it lacks. Signing out deletes
 * every copy, so the next person on the machine finds none of them.
 */
import { IndexeddbPersistence } from 'y-indexeddb';
import type * as Y from 'yjs';

const DATABASE_PREFIX = 'statroom:';
/** A broken or blocked IndexedDB (some private modes) must not keep a meeting from syncing. */
const LOAD_TIMEOUT_MS = 2_000;

export interface LocalCopy {
  /** The origin of the updates it applies to the document when it loads. */
  readonly origin: unknown;
  /** Resolves once the stored copy is in the document (or could not be read). */
  readonly whenLoaded: Promise<void>;
  isLoaded(): boolean;
  /** Stops storing; the copy stays on the device. */
  destroy(): void;
}

/** Null where there is no IndexedDB (tests in Node, very old browsers). */
export function openLocalCopy(docName: string, doc: Y.Doc): LocalCopy | null {
  if (typeof indexedDB === 'undefined') return null;
  const persistence = new IndexeddbPersistence(DATABASE_PREFIX + docName, doc);
  let loaded = false;
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, LOAD_TIMEOUT_MS));
  const whenLoaded = Promise.race([persistence.whenSynced.then(() => undefined), timeout])
    .catch(() => undefined)
    .then(() => {
      loaded = true;
    });
  return {
    origin: persistence,
    whenLoaded,
    isLoaded: () => loaded,
    destroy: () => {
      void persistence.destroy();
    },
  };
}

/** Deletes every document copy this app stored in the browser (at sign-out). */
export async function clearLocalCopies(): Promise<void> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return;
  const databases = await indexedDB.databases();
  await Promise.all(
    databases
      .map((database) => database.name)
      .filter((name): name is string => name?.startsWith(DATABASE_PREFIX) === true)
      .map(
        (name) =>
          new Promise<void>((resolve) => {
            const request = indexedDB.deleteDatabase(name);
            request.onsuccess = () => resolve();
            request.onerror = () => resolve();
            request.onblocked = () => resolve();
          }),
      ),
  );
}
