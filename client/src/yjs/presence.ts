/**
 * Who is on a document and where: the awareness state every StatRoom client publishes,
 * `{ user: { name, role, color }, itemId }`. The server replaces `user` with the signed-in
 * identity (`id`, `name`, `role`) and keeps `color` only if it is a plain colour
 * (server/docs/presenceEntries.ts). Remote states are parsed, never trusted.
 */
import { useEffect } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { z } from 'zod';
import type { Principal } from '../../../shared/roles.ts';
import { ROLES } from '../../../shared/roles.ts';
import { presenceColor } from '../components/presenceColors.ts';
import { type PeerState, useAwareness } from './useAwareness.ts';

const presenceSchema = z.object({
  user: z
    .object({
      id: z.string().min(1).max(200).optional(),
      name: z.string().min(1).max(120),
      role: z.enum(ROLES),
      // Clients other than ours (stock y-websocket, editors' cursors) send no colour, or another kind.
      color: z
        .string()
        .regex(/^#[0-9a-fA-F]{6}$/)
        .optional()
        .catch(undefined),
    })
    .transform((user) => ({ ...user, color: user.color ?? presenceColor(user.id ?? user.name) })),
  itemId: z.string().max(64).nullable().catch(null),
});
export type Presence = z.output<typeof presenceSchema>;

export function parsePresence(raw: unknown): Presence | null {
  const parsed = presenceSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** Publishes who we are and which item we are in; returns everyone else on the document. */
export function usePresence(
  awareness: Awareness,
  principal: Principal | null,
  itemId: string | null,
): PeerState<Presence>[] {
  useEffect(() => {
    if (!principal) return;
    const presence: Presence = {
      user: { name: principal.name, role: principal.role, color: presenceColor(principal.id) },
      itemId,
    };
    awareness.setLocalState(presence);
  }, [awareness, principal, itemId]);
  return useAwareness(awareness, parsePresence);
}
