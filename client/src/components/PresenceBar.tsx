/** Everyone else on the page: colour, name, role and where they are. */
import { useTranslation } from 'react-i18next';
import type { Presence } from '../yjs/presence.ts';
import type { PeerState } from '../yjs/useAwareness.ts';
import { Avatar } from './Avatar.tsx';

interface PresenceBarProps {
  peers: PeerState<Presence>[];
  /** Names the item someone is in, e.g. its title. */
  describeItem(itemId: string): string | null;
}

export function PresenceBar({ peers, describeItem }: PresenceBarProps) {
  const { t } = useTranslation();
  return (
    <section className="presence" aria-label={t('presence.label')}>
      {peers.length === 0 ? (
        <span className="presence__alone">{t('presence.alone')}</span>
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
                    {t(`role.${state.user.role}`)}
                    {where ? ` · ${t('presence.inItem', { item: where })}` : ''}
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
