import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { requestPasswordReset } from './credentials-api';
import { CredentialInput, CredentialsForm } from './CredentialsForm';

/** `/forgot-password`: the answer is the same whether or not the account exists. */
export default function ForgotPasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('account.forgot.title'));
  const [username, setUsername] = useState('');
  return (
    <CredentialsForm
      id="forgot"
      title={t('account.forgot.title')}
      intro={t('account.forgot.intro')}
      submitLabel={t('account.forgot.submit')}
      fields={['username']}
      onSubmit={() => requestPasswordReset(username.trim())}
      done={
        <>
          <p>{t('account.forgot.sent')}</p>
          <Link to="/login">{t('account.backToLogin')}</Link>
        </>
      }
    >
      {(errors) => (
        <CredentialInput
          id="forgot-username"
          label={t('login.username')}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          value={username}
          onValue={setUsername}
          error={errors.username}
        />
      )}
    </CredentialsForm>
  );
}
