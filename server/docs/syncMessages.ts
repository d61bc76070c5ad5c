/**
 * The y-protocols framing as the server uses it on both transports: the one codec in
 * `shared/docMessages.ts`, and the one rule the server adds, that clients do not send refusals.
 */
import {
  type DocMessage,
  decodeDocMessage as decodeAnyDocMessage,
  MalformedMessageError,
} from '../../shared/docMessages.ts';

export {
  encodeAwareness,
  encodePermissionDenied,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  MalformedMessageError,
} from '../../shared/docMessages.ts';

/** What a client may send: everything but the server's own permission-denied refusal. */
export type IncomingDocMessage = Exclude<DocMessage, { kind: 'permissionDenied' }>;

/** Decodes one client message completely; throws MalformedMessageError for anything else. */
export function decodeDocMessage(data: Uint8Array): IncomingDocMessage {
  const message = decodeAnyDocMessage(data);
  if (message.kind === 'permissionDenied') {
    throw new MalformedMessageError('permissionDenied: only the server sends auth messages');
  }
  return message;
}
