import type { ActivationCodeResponse, UserResponse } from '@dx/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorText } from '../../api/error-text';
import { formatDate } from '../../i18n/format';
import { issueActivationCode, setPersonActive } from '../api';

/**
 * A person's row actions: a new activation code (shown here once: for someone without
 * email, or who forgot their password), and deactivate / reactivate.
 */
export function PersonActions({ person }: { person: UserResponse }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [code, setCode] = useState<ActivationCodeResponse | null>(null);
  const activation = useMutation({
    mutationFn: () => issueActivationCode(person.id),
    onSuccess: setCode,
  });
  const toggle = useMutation({
    mutationFn: () => setPersonActive(person.id, !person.active),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['people'] }),
  });
  const error = activation.error ?? toggle.error;
  return (
    <div className="button-row">
      <button
        type="button"
        className="button button--small"
        disabled={activation.isPending || !person.active}
        aria-label={t('peopleAdmin.actions.codeFor', { name: person.fullName })}
        onClick={() => activation.mutate()}
      >
        {t('peopleAdmin.actions.code')}
      </button>
      <button
        type="button"
        className={person.active ? 'button button--small button--danger' : 'button button--small'}
        disabled={toggle.isPending}
        aria-label={t(
          person.active ? 'peopleAdmin.actions.deactivateFor' : 'peopleAdmin.actions.reactivateFor',
          {
            name: person.fullName,
          },
        )}
        onClick={() => toggle.mutate()}
      >
        {t(person.active ? 'peopleAdmin.actions.deactivate' : 'peopleAdmin.actions.reactivate')}
      </button>
      {code && (
        <p role="status" className="people-code">
          {t('peopleAdmin.actions.codeShown', {
            code: code.code,
            date: formatDate(code.expiresAt, i18n.language),
          })}
        </p>
      )}
      {error ? (
        <p className="field__hint field__hint--error" role="alert">
          {apiErrorText(t, error)}
        </p>
      ) : null}
    </div>
  );
}
