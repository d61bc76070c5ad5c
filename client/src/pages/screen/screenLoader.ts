/**
 * What the big screen needs before it can draw anything: who is signed in and the meeting. Both
 * fall back to this browser's last copy when the server cannot be reached (a screen reloaded during
 * a network drop), never when the server answers (signed out, no such meeting).
 *
 * The router imports this module up front (it is small) so that the loader runs while the page's
 * code downloads: the session, the meeting and the live connection's handshake all start at once.
 */
import { type LoaderFunctionArgs, redirect } from 'react-router';
import { getMeeting } from '../../api/meetings.ts';
import { preload } from '../../api/resources.ts';
import { fetchPrincipal } from '../../api/session.ts';
import { useStore } from '../../store/index.ts';
import { forgetAll, withLastKnown } from './lastKnown.ts';

/** The screen's meeting as a resource (the page reads it): the server's answer, or the last one kept. */
export const screenMeetingResource = (id: string) =>
  [`screen-meeting:${id}`, () => withLastKnown(`meeting:${id}`, () => getMeeting(id))] as const;

export async function screenLoader({ params, request }: LoaderFunctionArgs): Promise<null> {
  // The live-document stack is in the page's chunk: loading it starts the handshake meanwhile.
  void import('../../yjs/connection.ts').then(({ getProvider }) => getProvider());
  // Without a session the meeting's answer is a refusal, which no page reads: the session decides.
  preload(...screenMeetingResource(params.id ?? ''));
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
  return null;
}
