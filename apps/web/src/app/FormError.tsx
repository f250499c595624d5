import { useTranslation } from 'react-i18next';
import { isApiError, NETWORK_ERROR_STATUS } from '../api/api-error';

/** The API's reason for refusing a form, with its field errors listed. */
export function FormError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  if (!isApiError(error) || error.statusCode === NETWORK_ERROR_STATUS || error.statusCode >= 500) {
    const offline = isApiError(error) && error.statusCode === NETWORK_ERROR_STATUS;
    return (
      <p className="alert alert--error" role="alert">
        {offline ? t('common.networkError') : t('common.error')}
      </p>
    );
  }
  return (
    <div className="alert alert--error" role="alert">
      <p>
        {error.statusCode === 403
          ? t('common.forbidden')
          : error.statusCode === 409
            ? t('common.conflict', { message: error.message })
            : t('common.invalid')}
      </p>
      {error.errors.length > 0 ? (
        <ul>
          {error.errors.map((e, i) => (
            <li key={i}>
              {e.field && <span className="mono">{e.field}</span>}
              {e.field && ': '}
              {e.message}
            </li>
          ))}
        </ul>
      ) : (
        error.statusCode !== 409 && <p>{error.message}</p>
      )}
    </div>
  );
}
