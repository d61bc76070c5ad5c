/**
 * What the big screen needs before it can draw anything: who is signed in and the meeting. Both
 * fall back to this browser's last copy when the server cannot be reached (a screen reloaded during
 * a network drop), never when the server answers (signed out, no such meeting).
 */
import { type LoaderFunctionArgs, redirect } from 'react-router';
import { getMeeting, type Meeting } from '../../api/meetings.ts';
import { fetchPrincipal } from '../../api/session.ts';
import { useStore } from '../../store/index.ts';
import { getProvider } from '../../yjs/connection.ts';
import { forgetAll, withLastKnown } from './lastKnown.ts';

export async function screenLoader({ params, request }: LoaderFunctionArgs): Promise<Meeting> {
  let principal = useStore.getState().principal;
  if (!principal) {
    principal = await withLastKnown('principal', fetchPrincipal);
    if (!principal) {
      // The session has ended: what this browser kept belonged to it.
      await forgetAll();
      const url = new URL(request.url);
      throw redirect(`/signin?next=${encodeURIComponent(url.pathname + url.search)}`);
    }
    useStore.getState().setPrincipal(principal);
  }
  // The connection's handshake runs while the meeting is fetched, not after the page mounts.
  getProvider();
  const id = params.id ?? '';
  return withLastKnown(`meeting:${id}`, () => getMeeting(id));
}
