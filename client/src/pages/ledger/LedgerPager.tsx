/** "Showing 51–100 of 230", with the previous and next pages. */
import { useTranslation } from 'react-i18next';
import { numberFormat } from '../../i18n/locale.ts';

interface Props {
  offset: number;
  limit: number;
  total: number;
  onPage: (offset: number) => void;
}

export function LedgerPager({ offset, limit, total, onPage }: Props) {
  const { t } = useTranslation('ledger');
  if (total <= limit && offset === 0) return null;
  const first = Math.min(offset + 1, total);
  const last = Math.min(offset + limit, total);
  const number = (value: number) => numberFormat().format(value);
  return (
    <nav className="ledger-pager" aria-label={t('pager.label')}>
      <span className="ledger-pager__range">
        {t('pager.range', { first: number(first), last: number(last), total: number(total) })}
      </span>
      <button
        type="button"
        className="button button--small"
        disabled={offset === 0}
        onClick={() => onPage(Math.max(0, offset - limit))}
      >
        <span aria-hidden="true">←</span> {t('pager.previous')}
      </button>
      <button
        type="button"
        className="button button--small"
        disabled={offset + limit >= total}
        onClick={() => onPage(offset + limit)}
      >
        {t('pager.next')} <span aria-hidden="true">→</span>
      </button>
    </nav>
  );
}
