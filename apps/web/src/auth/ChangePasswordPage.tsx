import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { changePassword } from './credentials-api';
import { CredentialInput, CredentialsForm, NewPasswordField } from './CredentialsForm';

/** `/me/password`: the signed-in person changes their password. */
export default function ChangePasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('account.change.title'));
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  return (
    <CredentialsForm
      id="change-password"
      title={t('account.change.title')}
      submitLabel={t('account.change.submit')}
      fields={['currentPassword', 'newPassword']}
      onSubmit={() => changePassword({ currentPassword, newPassword })}
      done={<p>{t('account.change.done')}</p>}
    >
      {(errors) => (
        <>
          <CredentialInput
            id="change-current"
            label={t('account.currentPassword')}
            type="password"
            autoComplete="current-password"
            required
            value={currentPassword}
            onValue={setCurrentPassword}
            error={errors.currentPassword}
          />
          <NewPasswordField
            id="change-new"
            value={newPassword}
            onValue={setNewPassword}
            error={errors.newPassword}
          />
        </>
      )}
    </CredentialsForm>
  );
}
