import type { ActivationCodeResponse, UserResponse } from '@dx/contracts';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorText } from '../../api/error-text';
import { formatDate } from '../../i18n/format';
import { issueActivationCode } from '../api';
import { EditPersonDialog } from './EditPersonDialog';
import { PersonNotices } from './PersonNotices';
import { SetActiveDialog } from './SetActiveDialog';
import { TransferPersonDialog } from './TransferPersonDialog';

type OpenDialog = 'edit' | 'transfer' | 'active' | null;

/**
 * A person's row actions: edit, transfer to another unit, a new activation code (shown
 * here once: for someone without email, or who forgot their password), deactivate /
 * reactivate after a confirmation, and the notices sent to them (the reminders counted).
 */
export function PersonActions({ person }: { person: UserResponse }) {
  const { t, i18n } = useTranslation();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [code, setCode] = useState<ActivationCodeResponse | null>(null);
  const activation = useMutation({
    mutationFn: () => issueActivationCode(person.id),
    onSuccess: setCode,
  });
  const close = () => setDialog(null);
  const name = { name: person.fullName };
  return (
    <div className="button-row">
      <button
        type="button"
        className="button button--small"
        aria-label={t('peopleAdmin.actions.editFor', name)}
        onClick={() => setDialog('edit')}
      >
        {t('peopleAdmin.actions.edit')}
      </button>
      <button
        type="button"
        className="button button--small"
        disabled={!person.active}
        aria-label={t('peopleAdmin.actions.transferFor', name)}
        onClick={() => setDialog('transfer')}
      >
        {t('peopleAdmin.actions.transfer')}
      </button>
      <button
        type="button"
        className="button button--small"
        disabled={activation.isPending || !person.active}
        aria-label={t('peopleAdmin.actions.codeFor', name)}
        onClick={() => activation.mutate()}
      >
        {t('peopleAdmin.actions.code')}
      </button>
      <button
        type="button"
        className={person.active ? 'button button--small button--danger' : 'button button--small'}
        aria-label={t(
          person.active ? 'peopleAdmin.actions.deactivateFor' : 'peopleAdmin.actions.reactivateFor',
          name,
        )}
        onClick={() => setDialog('active')}
      >
        {t(person.active ? 'peopleAdmin.actions.deactivate' : 'peopleAdmin.actions.reactivate')}
      </button>
      <PersonNotices person={person} />
      {dialog === 'edit' && <EditPersonDialog person={person} onClose={close} />}
      {dialog === 'transfer' && <TransferPersonDialog person={person} onClose={close} />}
      {dialog === 'active' && <SetActiveDialog person={person} onClose={close} />}
      {code && (
        <p role="status" className="people-code">
          {t('peopleAdmin.actions.codeShown', {
            code: code.code,
            date: formatDate(code.expiresAt, i18n.language),
          })}
        </p>
      )}
      {activation.error ? (
        <p className="field__hint field__hint--error" role="alert">
          {apiErrorText(t, activation.error)}
        </p>
      ) : null}
    </div>
  );
}
