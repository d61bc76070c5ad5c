/**
 * What the big screen needs before it can draw anything: who is signed in and the meeting. Both
 * fall back to this browser's last copy when the server cannot be reached (a screen reloaded during
 * a network drop), never when the server answers (signed out, no such meeting).
 *
 * The router imports this module up front (it is small) so that the loader runs while the page's
 * code downloads: the session, the meeting and the live connection's handshake all start at once.
 */
import { type LoaderFunctionArgs, redirect } from 'react-router';
import { getMeeting, type Meeting } from '../../api/meetings.ts';
import { fetchPrincipal } from '../../api/session.ts';
import { useStore } from '../../store/index.ts';
import { forgetAll, withLastKnown } from './lastKnown.ts';

export async function screenLoader({ params, request }: LoaderFunctionArgs): Promise<Meeting> {
  // The live-document stack is in the page's chunk: loading it starts the handshake meanwhile.
  void import('../../yjs/connection.ts').then(({ getProvider }) => getProvider());
  const id = params.id ?? '';
  const meeting = withLastKnown(`meeting:${id}`, () => getMeeting(id));
  // Without a session the meeting's answer is a refusal: settled here, the session decides.
  meeting.catch(() => undefined);
  if (!useStore.getState().principal) {
    const principal = await withLastKnown('principal', fetchPrincipal);
    if (!principal) {
      // The session has ended: what this browser kept belonged to it.
      await forgetAll();
      const url = new URL(request.url);
      throw redirect(`/signin?next=${encodeURIComponent(url.pathname + url.search)}`);
    }
    useStore.getState().setPrincipal(principal);
  }
  return meeting;
}
