import { useTranslation } from 'react-i18next';

/** `totalExact` false: `total` is a lower bound, so the page count is too. */
export function Pagination({
  page,
  pageSize,
  total,
  totalExact = true,
  onPage,
}: {
  page: number;
  pageSize: number;
  total: number;
  totalExact?: boolean;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      <button
        type="button"
        className="button button--small"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
      >
        {t('pagination.previous')}
      </button>
      <span aria-live="polite">
        {t(totalExact ? 'pagination.status' : 'pagination.statusAtLeast', { page, pages })}
      </span>
      <button
        type="button"
        className="button button--small"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
      >
        {t('pagination.next')}
      </button>
    </nav>
  );
}
