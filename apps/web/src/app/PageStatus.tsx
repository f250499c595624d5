import { useTranslation } from 'react-i18next';
import { isApiError, NETWORK_ERROR_STATUS } from '../api/api-error';

export function PageLoading() {
  const { t } = useTranslation();
  return (
    <p className="page-status" role="status" aria-live="polite">
      {t('common.loading')}
    </p>
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
