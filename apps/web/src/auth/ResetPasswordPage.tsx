import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { confirmPasswordReset } from './credentials-api';
import { CredentialsForm, NewPasswordField } from './CredentialsForm';

/** `/reset-password?token=…`: the page the mailed link opens. */
export default function ResetPasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('account.reset.title'));
  const [params] = useSearchParams();
  const [newPassword, setNewPassword] = useState('');
  return (
    <CredentialsForm
      id="reset"
      title={t('account.reset.title')}
      submitLabel={t('account.reset.submit')}
      // The token comes from the mailed link: its refusal stays in the alert.
      fields={['newPassword']}
      onSubmit={() => confirmPasswordReset({ token: params.get('token') ?? '', newPassword })}
      done={
        <>
          <p>{t('account.reset.done')}</p>
          <Link to="/login">{t('account.backToLogin')}</Link>
        </>
      }
    >
      {(errors) => (
        <NewPasswordField
          id="reset-password"
          value={newPassword}
          onValue={setNewPassword}
          error={errors.newPassword}
        />
      )}
    </CredentialsForm>
  );
}
