import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { InputField } from '../app/FormField';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { confirmPasswordReset } from './credentials-api';
import { CredentialsForm } from './CredentialsForm';

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
      onSubmit={() => confirmPasswordReset({ token: params.get('token') ?? '', newPassword })}
      done={
        <>
          <p>{t('account.reset.done')}</p>
          <Link to="/login">{t('account.backToLogin')}</Link>
        </>
      }
    >
      <InputField
        id="reset-password"
        label={t('account.newPassword')}
        hint={t('account.passwordHint')}
        type="password"
        autoComplete="new-password"
        required
        value={newPassword}
        onValue={setNewPassword}
      />
    </CredentialsForm>
  );
}
