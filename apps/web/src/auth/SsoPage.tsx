import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { exchangeSsoCode } from './sso-api';
import { useAuth } from './useAuth';

type Refusal = 'unknown_identity' | 'expired' | 'failed';

/**
 * `/login/sso`: where the API sends the browser back from the identity provider — with a
 * one-time code in the fragment (never sent to a server, kept out of logs) that becomes
 * the session, or with the reason it was refused.
 */
export default function SsoPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('sso.title'));
  const { adoptSession } = useAuth();
  const navigate = useNavigate();
  const [refusal, setRefusal] = useState<Refusal | null>(() => {
    const error = new URLSearchParams(window.location.search).get('error');
    if (error === 'unknown_identity' || error === 'expired') return error;
    return error || !window.location.hash.includes('code=') ? 'failed' : null;
  });
  const started = useRef(false);

  useEffect(() => {
    if (refusal || started.current) return;
    started.current = true;
    const code = new URLSearchParams(window.location.hash.slice(1)).get('code') ?? '';
    window.history.replaceState(null, '', window.location.pathname);
    exchangeSsoCode(code).then(
      (session) => {
        adoptSession(session);
        navigate('/', { replace: true });
      },
      () => setRefusal('failed'),
    );
  }, [refusal, adoptSession, navigate]);

  return (
    <section className="card card--narrow" aria-labelledby="sso-title">
      <h1 id="sso-title">{t('sso.title')}</h1>
      {refusal ? (
        <>
          <p className="alert alert--error" role="alert">
            {t(`sso.${refusal}`)}
          </p>
          <p>
            <Link to="/login">{t('account.backToLogin')}</Link>
          </p>
        </>
      ) : (
        <p role="status">{t('sso.working')}</p>
      )}
    </section>
  );
}
