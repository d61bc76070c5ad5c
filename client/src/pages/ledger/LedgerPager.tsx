/** "Showing 51–100 of 230", with the previous and next pages. */
interface Props {
  offset: number;
  limit: number;
  total: number;
  onPage: (offset: number) => void;
}

export function LedgerPager({ offset, limit, total, onPage }: Props) {
  if (total <= limit && offset === 0) return null;
  const first = Math.min(offset + 1, total);
  const last = Math.min(offset + limit, total);
  return (
    <nav className="ledger-pager" aria-label="Pages">
      <span className="ledger-pager__range">
        Showing {first.toLocaleString()}–{last.toLocaleString()} of {total.toLocaleString()}
      </span>
      <button
        type="button"
        className="button button--small"
        disabled={offset === 0}
        onClick={() => onPage(Math.max(0, offset - limit))}
      >
        <span aria-hidden="true">←</span> Previous page
      </button>
      <button
        type="button"
        className="button button--small"
        disabled={offset + limit >= total}
        onClick={() => onPage(offset + limit)}
      >
        Next page <span aria-hidden="true">→</span>
      </button>
    </nav>
  );
}
