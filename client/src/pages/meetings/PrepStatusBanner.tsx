/** Says, in words, anything that changes what the person can expect of the page. */
import { useStore } from '../../store/index.ts';
import type { YDocHandle } from '../../yjs/useYDoc.ts';

export function PrepStatusBanner({ handle, isAnalyst }: { handle: YDocHandle; isAnalyst: boolean }) {
  const connection = useStore((state) => state.connection);
  const readOnly = handle.permission === 'read' || (!isAnalyst && handle.permission !== null);

  if (handle.error && handle.error.code !== 'forbidden') {
    return (
      <div className="banner banner--danger" role="alert">
        <strong>This agenda is unavailable.</strong> {handle.error.message}
      </div>
    );
  }
  if (connection.status !== 'connected' && connection.everConnected) {
    return (
      <div className="banner banner--warn" role="status" data-testid="offline-banner">
        <strong>{connection.status === 'connecting' ? 'Reconnecting…' : 'Offline.'}</strong>{' '}
        {readOnly
          ? 'You are seeing the agenda as it was when the connection dropped.'
          : 'Keep working: your changes are kept on this device and will sync when the connection returns.'}
      </div>
    );
  }
  if (readOnly) {
    return (
      <div className="banner banner--info" role="status" data-testid="readonly-banner">
        <strong>Read-only.</strong>{' '}
        {handle.error?.code === 'forbidden'
          ? 'The server did not accept your change: you can read this agenda but not edit it.'
          : 'You can follow the agenda and its notes as they are prepared; analysts edit them.'}
      </div>
    );
  }
  if (handle.hasUnsentChanges && !handle.synced) {
    return (
      <div className="banner banner--warn" role="status">
        Syncing your changes…
      </div>
    );
  }
  return null;
}
