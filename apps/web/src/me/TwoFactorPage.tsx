import type { MfaSetupResponse } from '@dx/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorText } from '../api/error-text';
import { PageError, PageLoading } from '../app/PageStatus';
import { useDocumentTitle } from '../app/useDocumentTitle';
import {
  disableMyMfa,
  enableMyMfa,
  fetchMyMfa,
  myMfaQueryKey,
  renewRecoveryCodes,
  setupMyMfa,
} from '../auth/mfa-api';
import { MfaCodeForm, MfaSecret, RecoveryCodes } from '../auth/MfaParts';

type Action = 'renew' | 'disable' | null;

/** `/me/two-factor`: one's own second factor — set it up, new recovery codes, switch it off. */
export default function TwoFactorPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('mfa.title'));
  const queryClient = useQueryClient();
  const status = useQuery({ queryKey: myMfaQueryKey, queryFn: ({ signal }) => fetchMyMfa(signal) });
  const [setup, setSetup] = useState<MfaSetupResponse | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [action, setAction] = useState<Action>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = () => queryClient.invalidateQueries({ queryKey: myMfaQueryKey });

  async function begin() {
    setError(null);
    setNotice(null);
    try {
      setSetup(await setupMyMfa());
    } catch (err) {
      setError(apiErrorText(t, err));
    }
  }

  let body;
  if (status.isPending) body = <PageLoading />;
  else if (status.isError)
    body = <PageError error={status.error} onRetry={() => void status.refetch()} />;
  else if (codes)
    body = (
      <RecoveryCodes
        codes={codes}
        onDone={() => {
          setCodes(null);
          void refresh();
        }}
      />
    );
  else if (setup)
    body = (
      <MfaCodeForm
        id="mfa-enable"
        submitLabel={t('mfa.enableSubmit')}
        onCode={async (code) => {
          const res = await enableMyMfa(code);
          setSetup(null);
          setCodes(res.recoveryCodes);
        }}
      >
        <MfaSecret setup={setup} />
      </MfaCodeForm>
    );
  else if (!status.data.enabled)
    body = (
      <>
        <p>{t('mfa.statusOff')}</p>
        {status.data.required && <p className="alert">{t('mfa.statusRequired')}</p>}
        <button type="button" className="button button--primary" onClick={() => void begin()}>
          {t('mfa.start')}
        </button>
      </>
    );
  else
    body = (
      <>
        <p>{t('mfa.statusOn', { count: status.data.recoveryCodesLeft })}</p>
        {status.data.required && <p className="muted">{t('mfa.statusRequired')}</p>}
        <div className="button-row">
          <button type="button" className="button" onClick={() => setAction('renew')}>
            {t('mfa.renew')}
          </button>
          {!status.data.required && (
            <button type="button" className="button" onClick={() => setAction('disable')}>
              {t('mfa.disable')}
            </button>
          )}
        </div>
        {action && (
          <MfaCodeForm
            id={`mfa-${action}`}
            submitLabel={t(action === 'renew' ? 'mfa.renew' : 'mfa.disable')}
            onCode={async (code) => {
              if (action === 'renew') setCodes((await renewRecoveryCodes(code)).recoveryCodes);
              else {
                await disableMyMfa(code);
                setNotice(t('mfa.disabled'));
                void refresh();
              }
              setAction(null);
            }}
          >
            <p className="muted">{t('mfa.confirmWithCode')}</p>
          </MfaCodeForm>
        )}
      </>
    );

  return (
    <section className="card card--narrow" aria-labelledby="mfa-title">
      <h1 id="mfa-title">{t('mfa.title')}</h1>
      {notice && <p role="status">{notice}</p>}
      {error && (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      )}
      {body}
    </section>
  );
}
