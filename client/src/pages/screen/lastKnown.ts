/**
 * The last answers this browser got for the big screen (who is signed in, the meeting, the names and
 * plans of its indicators), kept in IndexedDB so that a screen reloaded while the network is down
 * still shows the meeting. The database's name starts with `statroom:`, like the documents' local
 * copies, so signing out (clearLocalCopies) deletes it with them.
 */
import { ApiError } from '../../api/http.ts';

const DATABASE = 'statroom:~screen-answers';
const STORE = 'answers';

let opening: Promise<IDBDatabase | null> | null = null;

function openStore(): Promise<IDBDatabase | null> {
  if (typeof indexedDB === 'undefined') return Promise.resolve(null);
  opening ??= new Promise((resolve) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => {
      const database = request.result;
      // A sign-out in another tab deletes the database: let it, and open afresh next time.
      database.onversionchange = () => {
        database.close();
        opening = null;
      };
      resolve(database);
    };
    // A broken or blocked IndexedDB costs the offline copy, never the screen.
    request.onerror = () => resolve(null);
    request.onblocked = () => resolve(null);
  });
  return opening;
}

async function run<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T>) {
  const database = await openStore();
  if (!database) return undefined;
  return new Promise<T | undefined>((resolve) => {
    try {
      const request = act(database.transaction(STORE, mode).objectStore(STORE));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => resolve(undefined);
    } catch {
      resolve(undefined);
    }
  });
}

export const remember = (key: string, value: unknown) => run('readwrite', (store) => store.put(value, key));
export const recall = <T>(key: string) => run<T>('readonly', (store) => store.get(key) as IDBRequest<T>);
export const forgetAll = () => run('readwrite', (store) => store.clear());

/** No answer from the server itself: no network, or a gateway that could not reach it. */
const unreachable = (error: unknown): boolean =>
  error instanceof ApiError && (error.code === 'network' || [502, 503, 504].includes(error.status));

/**
 * `load()`, remembered under `key`. Only when the server cannot be reached does it fall back to the
 * last answer; an answer from the server (401, 404, …) is never papered over with an old copy.
 */
export async function withLastKnown<T>(key: string, load: () => Promise<T>): Promise<T> {
  try {
    const value = await load();
    void remember(key, value);
    return value;
  } catch (error) {
    if (!unreachable(error)) throw error;
    const kept = await recall<T>(key);
    if (kept === undefined) throw error;
    return kept;
  }
}
