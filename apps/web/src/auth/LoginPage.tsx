import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MfaChallengeResponse } from '@dx/contracts';
import { Link, Navigate, useLocation, useNavigate } from 'react-router-dom';
import { InputField } from '../app/FormField';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { loginError, type LoginErrorText } from './login-error';
import type { LoginLocationState } from './RequireAuth';
import { MfaSignInStep } from './MfaSignInStep';
import { fetchSsoStatus, SSO_START_URL, ssoStatusQueryKey } from './sso-api';
import { isMfaChallenge, useAuth } from './useAuth';

// The learner's home: what to do this year, where to continue.
const DEFAULT_AFTER_LOGIN = '/';

function safeRedirect(from: string | undefined): string {
  // Only same-app paths: never bounce to another origin or back to /login.
  if (!from || !from.startsWith('/') || from.startsWith('//') || from.startsWith('/login')) {
    return DEFAULT_AFTER_LOGIN;
  }
  return from;
}

export default function LoginPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('login.title'));
  const { isAuthenticated, login, adoptSession } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const state = location.state as LoginLocationState | null;
  const target = safeRedirect(state?.from);
  const [challenge, setChallenge] = useState<MfaChallengeResponse | null>(state?.mfa ?? null);
  // The single sign-on button only when the server has a provider configured.
  const sso = useQuery({
    queryKey: ssoStatusQueryKey,
    queryFn: ({ signal }) => fetchSsoStatus(signal),
    staleTime: Infinity,
  });

  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<LoginErrorText | { key: 'login.errors.required' } | null>(
    null,
  );

  if (isAuthenticated && !pending) return <Navigate to={target} replace />;

  if (challenge) {
    return (
      <section className="card card--narrow" aria-labelledby="login-title">
        <h1 id="login-title">{t('mfa.title')}</h1>
        <MfaSignInStep
          challenge={challenge}
          onSignedIn={(session) => {
            adoptSession(session);
            navigate(target, { replace: true });
          }}
        />
        <p className="muted">
          <Link to="/login" replace onClick={() => setChallenge(null)}>
            {t('account.backToLogin')}
          </Link>
        </p>
      </section>
    );
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    if (!username.trim() || !password) {
      setFailure({ key: 'login.errors.required' });
      return;
    }
    setPending(true);
    setFailure(null);
    try {
      const answer = await login({ username: username.trim(), password });
      if (isMfaChallenge(answer)) {
        setChallenge(answer);
        setPending(false);
        return;
      }
      navigate(target, { replace: true });
    } catch (error) {
      setFailure(loginError(error));
      setPending(false);
    }
  }

  return (
    <section className="card card--narrow" aria-labelledby="login-title">
      <h1 id="login-title">{t('login.title')}</h1>
      <p className="muted">{t('login.intro')}</p>
      <form className="form" onSubmit={onSubmit} noValidate>
        {failure && (
          <p className="alert alert--error" role="alert" id="login-error">
            {'params' in failure ? t(failure.key, failure.params) : t(failure.key)}
          </p>
        )}
        <InputField
          id="login-username"
          label={t('login.username')}
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          value={username}
          onValue={setUsername}
          aria-invalid={failure !== null}
          aria-describedby={failure ? 'login-error' : undefined}
        />
        <InputField
          id="login-password"
          label={t('login.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onValue={setPassword}
          aria-invalid={failure !== null}
          aria-describedby={failure ? 'login-error' : undefined}
        />
        <button
          type="submit"
          className="button button--primary button--block"
          aria-busy={pending}
          disabled={pending}
        >
          {t('login.submit')}
        </button>
        {pending && (
          <p className="muted" role="status">
            {t('login.submitting')}
          </p>
        )}
      </form>
      {sso.data?.enabled && (
        <p>
          <a className="button button--block" href={SSO_START_URL}>
            {t('sso.button')}
          </a>
        </p>
      )}
      <p className="muted">
        <Link to="/forgot-password">{t('account.forgotLink')}</Link>
        {' · '}
        <Link to="/activate">{t('account.activateLink')}</Link>
      </p>
    </section>
  );
}
