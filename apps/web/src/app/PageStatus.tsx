import { useTranslation } from 'react-i18next';
import { isApiError, NETWORK_ERROR_STATUS } from '../api/api-error';

/**
 * A page still loading: the words for screen readers, and grey blocks in the shape of the
 * card that is coming (title, lines) so the page fills in place instead of jumping from
 * one line of text to a full card (layout shift).
 */
export function PageLoading() {
  const { t } = useTranslation();
  return (
    <div className="page-loading" role="status" aria-live="polite">
      <span className="visually-hidden">{t('common.loading')}</span>
      <div className="skeleton page-loading__title" aria-hidden="true" />
      <div className="skeleton skeleton--lines" aria-hidden="true" />
      <div className="skeleton page-loading__more" aria-hidden="true" />
    </div>
  );
}

export function PageError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const offline = isApiError(error) && error.statusCode === NETWORK_ERROR_STATUS;
  return (
    <div className="alert alert--error" role="alert">
      <p>{offline ? t('common.networkError') : t('common.error')}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
