import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/api-error';
import { fieldErrorTexts } from '../../api/error-text';

/**
 * The API's refusal of a person dialog, split: texts to show beside the dialog's own
 * fields, and the error for the dialog's box only when something is not about those fields
 * (so a message is never shown twice).
 */
export function usePersonFormErrors(error: unknown, ownFields: readonly string[]) {
  const { t } = useTranslation();
  const texts = fieldErrorTexts(t, error);
  const besideOnly =
    isApiError(error) &&
    error.errors.length > 0 &&
    error.errors.every((e) => ownFields.includes(e.field));
  return { texts, boxError: besideOnly ? null : error };
}
