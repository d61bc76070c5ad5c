/** The live connection's state in words (never colour alone), from the store's connection slice. */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { errorText } from '../i18n/errorText.ts';
import { useStore } from '../store/index.ts';

export interface ConnectionView {
  tone: 'ok' | 'warn' | 'down';
  label: string;
  detail: string;
}

export function describeConnection(
  connection: {
    status: 'connecting' | 'connected' | 'offline';
    everConnected: boolean;
    error: string | null;
  },
  t: TFunction<'common'>,
): ConnectionView {
  if (connection.status === 'connected')
    return { tone: 'ok', label: t('connection.live'), detail: t('connection.liveDetail') };
  if (connection.error)
    return {
      tone: 'down',
      label: t('connection.disconnected'),
      // The server names a code (`unauthenticated`…): English shows it as is, others its translation.
      detail: t('connection.refused', {
        reason: errorText({ code: connection.error, message: connection.error }),
      }),
    };
  // Once a live connection is lost the page is offline, however many retries run behind it: edits
  // reach nobody until it is back.
  if (connection.status === 'connecting' && connection.everConnected) {
    return { tone: 'down', label: t('connection.offline'), detail: t('connection.reconnecting') };
  }
  if (connection.status === 'connecting')
    return { tone: 'warn', label: t('connection.connecting'), detail: t('connection.opening') };
  return { tone: 'down', label: t('connection.offline'), detail: t('connection.offlineDetail') };
}

export function ConnectionBadge() {
  const { t } = useTranslation();
  const connection = useStore((state) => state.connection);
  const view = describeConnection(connection, t);
  return (
    <output
      className={`conn conn--${view.tone}`}
      title={view.detail}
      aria-live="polite"
      data-status={connection.status}
    >
      <span className="conn__dot" aria-hidden="true" />
      <span className="conn__label" data-testid="connection-status">
        {view.label}
      </span>
    </output>
  );
}
