import { useTranslation } from 'react-i18next';
import { isApiError, NETWORK_ERROR_STATUS } from '../api/api-error';
import { apiErrorText, fieldErrorText } from '../api/error-text';

/** The API's reason for refusing a form, with its field errors listed, in the reader's language. */
export function FormError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  if (!isApiError(error) || error.statusCode === NETWORK_ERROR_STATUS || error.statusCode >= 500) {
    return (
      <p className="alert alert--error" role="alert">
        {apiErrorText(t, error)}
      </p>
    );
  }
  return (
    <div className="alert alert--error" role="alert">
      <p>{apiErrorText(t, error)}</p>
      {error.errors.length > 0 && (
        <ul>
          {error.errors.map((e, i) => (
            <li key={i}>
              {e.field && <span className="mono">{e.field}</span>}
              {e.field && ': '}
              {fieldErrorText(t, e)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
