import type { LoginResponse, MfaChallengeResponse, MfaSetupResponse } from '@dx/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorText } from '../api/error-text';
import { enableMfaAtSignIn, setupMfaAtSignIn, verifyMfa } from './mfa-api';
import { MfaCodeForm, MfaSecret, RecoveryCodes } from './MfaParts';

/**
 * The second step of a sign-in: a code when the person has a second factor (`verify`), or
 * its enrolment when their role requires one they have not set up yet (`setup`: QR code,
 * first code, then the recovery codes, shown once before the session starts).
 */
export function MfaSignInStep({
  challenge,
  onSignedIn,
}: {
  challenge: MfaChallengeResponse;
  onSignedIn: (session: LoginResponse) => void;
}) {
  const { t } = useTranslation();
  const [setup, setSetup] = useState<MfaSetupResponse | null>(null);
  const [setupError, setSetupError] = useState<string | null>(null);
  const [enabled, setEnabled] = useState<(LoginResponse & { recoveryCodes: string[] }) | null>(
    null,
  );

  useEffect(() => {
    if (challenge.mfa !== 'setup') return;
    let live = true;
    setupMfaAtSignIn(challenge.mfaToken).then(
      (s) => live && setSetup(s),
      (err) => live && setSetupError(apiErrorText(t, err)),
    );
    return () => {
      live = false;
    };
  }, [challenge, t]);

  if (challenge.mfa === 'verify') {
    return (
      <MfaCodeForm
        id="mfa-verify"
        submitLabel={t('mfa.verifySubmit')}
        onCode={async (code) => onSignedIn(await verifyMfa(challenge.mfaToken, code))}
      >
        <p className="muted">{t('mfa.verifyIntro')}</p>
      </MfaCodeForm>
    );
  }
  if (enabled)
    return <RecoveryCodes codes={enabled.recoveryCodes} onDone={() => onSignedIn(enabled)} />;
  if (setupError)
    return (
      <p className="alert alert--error" role="alert">
        {setupError}
      </p>
    );
  if (!setup) return <p role="status">{t('mfa.loadingSetup')}</p>;
  return (
    <MfaCodeForm
      id="mfa-setup"
      submitLabel={t('mfa.enableSubmit')}
      onCode={async (code) => setEnabled(await enableMfaAtSignIn(challenge.mfaToken, code))}
    >
      <p className="muted">{t('mfa.setupIntroRequired')}</p>
      <MfaSecret setup={setup} />
    </MfaCodeForm>
  );
}
