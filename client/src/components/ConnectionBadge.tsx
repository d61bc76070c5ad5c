/** The live connection's state in words (never colour alone), from the store's connection slice. */
import { useStore } from '../store/index.ts';

export interface ConnectionView {
  tone: 'ok' | 'warn' | 'down';
  label: string;
  detail: string;
}

export function describeConnection(connection: {
  status: 'connecting' | 'connected' | 'offline';
  everConnected: boolean;
  error: string | null;
}): ConnectionView {
  if (connection.status === 'connected')
    return { tone: 'ok', label: 'Live', detail: 'Changes are shared as you type' };
  if (connection.error)
    return {
      tone: 'down',
      label: 'Disconnected',
      detail: `The server refused the connection (${connection.error})`,
    };
  // Once a live connection is lost the page is offline, however many retries run behind it: edits
  // reach nobody until it is back.
  if (connection.status === 'connecting' && connection.everConnected) {
    return {
      tone: 'down',
      label: 'Offline',
      detail: 'Reconnecting… your changes are kept here and will sync when the connection returns',
    };
  }
  if (connection.status === 'connecting')
    return { tone: 'warn', label: 'Connecting…', detail: 'Opening the live connection' };
  return {
    tone: 'down',
    label: 'Offline',
    detail: 'Your changes are kept here and will sync when the connection returns',
  };
}

export function ConnectionBadge() {
  const connection = useStore((state) => state.connection);
  const view = describeConnection(connection);
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
