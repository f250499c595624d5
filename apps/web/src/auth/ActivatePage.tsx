import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { InputField } from '../app/FormField';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { activateAccount } from './credentials-api';
import { CredentialsForm, NewPasswordField } from './CredentialsForm';
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
      <InputField
        id="activate-username"
        label={t('login.username')}
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
        value={username}
        onValue={setUsername}
      />
      <InputField
        id="activate-code"
        label={t('account.activate.code')}
        autoComplete="one-time-code"
        autoCapitalize="characters"
        spellCheck={false}
        required
        value={code}
        onValue={setCode}
      />
      <NewPasswordField id="activate-password" value={newPassword} onValue={setNewPassword} />
    </CredentialsForm>
  );
}
