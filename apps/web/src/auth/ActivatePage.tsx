import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { activateAccount } from './credentials-api';
import { CredentialInput, CredentialsForm, NewPasswordField } from './CredentialsForm';
import { isMfaChallenge, useAuth } from './useAuth';

/** `/activate`: username + the code from the slip or mail + a new password, then signed in. */
export default function ActivatePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('account.activate.title'));
  const { adoptSession } = useAuth();
  const navigate = useNavigate();
  const [username, setUsername] = useState('');
  const [code, setCode] = useState('');
  const [newPassword, setNewPassword] = useState('');

  return (
    <CredentialsForm
      id="activate"
      title={t('account.activate.title')}
      intro={t('account.activate.intro')}
      submitLabel={t('account.activate.submit')}
      fields={['username', 'code', 'newPassword']}
      onSubmit={async () => {
        const answer = await activateAccount({
          username: username.trim(),
          code: code.trim(),
          newPassword,
        });
        // Staff whose role needs a second factor enrol it on the sign-in page first.
        if (isMfaChallenge(answer)) {
          navigate('/login', { replace: true, state: { from: '/me', mfa: answer } });
          return;
        }
        adoptSession(answer);
        navigate('/me', { replace: true });
      }}
    >
      {(errors) => (
        <>
          <CredentialInput
            id="activate-username"
            label={t('login.username')}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={username}
            onValue={setUsername}
            error={errors.username}
          />
          <CredentialInput
            id="activate-code"
            label={t('account.activate.code')}
            autoComplete="one-time-code"
            autoCapitalize="characters"
            spellCheck={false}
            required
            value={code}
            onValue={setCode}
            error={errors.code}
          />
          <NewPasswordField
            id="activate-password"
            value={newPassword}
            onValue={setNewPassword}
            error={errors.newPassword}
          />
        </>
      )}
    </CredentialsForm>
  );
}
