/**
 * The meeting page's loader, in the app's first bundle so that the router runs it while the page's
 * code downloads: the meeting, its follow-up and the live connection's handshake start at once.
 */
import type { LoaderFunctionArgs } from 'react-router';
import { meetingCommitmentsResource, meetingResource } from '../../api/meetings.ts';
import { preload } from '../../api/resources.ts';
import { getProvider } from '../../yjs/connection.ts';

export function meetingRoomLoader({ params }: LoaderFunctionArgs) {
  getProvider();
  preload(...meetingResource(params.id ?? ''));
  preload(...meetingCommitmentsResource(params.id ?? ''));
  return null;
}
