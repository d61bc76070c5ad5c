/** Everyone else on the page: colour, name, role and where they are. */
import type { Presence } from '../yjs/presence.ts';
import type { PeerState } from '../yjs/useAwareness.ts';
import { Avatar } from './Avatar.tsx';
import { ROLE_LABELS } from './roleLabels.ts';

interface PresenceBarProps {
  peers: PeerState<Presence>[];
  /** Names the item someone is in, e.g. its title. */
  describeItem(itemId: string): string | null;
}

export function PresenceBar({ peers, describeItem }: PresenceBarProps) {
  return (
    <section className="presence" aria-label="Who else is here">
      {peers.length === 0 ? (
        <span className="presence__alone">Only you are on this page</span>
      ) : (
        <ul className="presence__list">
          {peers.map(({ clientId, state }) => {
            const where = state.itemId ? describeItem(state.itemId) : null;
            return (
              <li key={clientId} className="presence__person" data-testid="presence-person">
                <Avatar name={state.user.name} color={state.user.color} />
                <span className="presence__text">
                  <span className="presence__name">{state.user.name}</span>
                  <span className="presence__meta">
                    {ROLE_LABELS[state.user.role]}
                    {where ? ` · in “${where}”` : ''}
                  </span>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
