/** Says, in words, anything that changes what the person can expect of the page. */
import { useTranslation } from 'react-i18next';
import { errorText } from '../../i18n/errorText.ts';
import { useStore } from '../../store/index.ts';
import type { YDocHandle } from '../../yjs/useYDoc.ts';

export function PrepStatusBanner({ handle, isAnalyst }: { handle: YDocHandle; isAnalyst: boolean }) {
  const { t } = useTranslation('meetings');
  const connection = useStore((state) => state.connection);
  const readOnly = handle.permission === 'read' || (!isAnalyst && handle.permission !== null);

  if (handle.error && handle.error.code !== 'forbidden') {
    return (
      <div className="banner banner--danger" role="alert">
        <strong>{t('banner.unavailable')}</strong> {errorText(handle.error)}
      </div>
    );
  }
  if (connection.status !== 'connected' && connection.everConnected) {
    return (
      <div className="banner banner--warn" role="status" data-testid="offline-banner">
        <strong>{connection.status === 'connecting' ? t('banner.reconnecting') : t('banner.offline')}</strong>{' '}
        {readOnly ? t('banner.offlineReadOnly') : t('banner.offlineKeepWorking')}
      </div>
    );
  }
  if (readOnly) {
    return (
      <div className="banner banner--info" role="status" data-testid="readonly-banner">
        <strong>{t('banner.readOnly')}</strong>{' '}
        {handle.error?.code === 'forbidden' ? t('banner.refused') : t('banner.viewer')}
      </div>
    );
  }
  if (handle.hasUnsentChanges && !handle.synced) {
    return (
      <div className="banner banner--warn" role="status">
        {t('banner.syncing')}
      </div>
    );
  }
  return null;
}
