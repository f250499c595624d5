import type { MfaSetupResponse } from '@dx/contracts';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorText, fieldErrorTexts } from '../api/error-text';
import { InputField } from '../app/FormField';

/**
 * A form with one field, the verification code (TOTP or recovery code), its error shown
 * through the error catalogue, and one submit button.
 */
export function MfaCodeForm({
  id,
  submitLabel,
  onCode,
  children,
}: {
  id: string;
  submitLabel: string;
  onCode: (code: string) => Promise<void>;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending || !code.trim()) return;
    setPending(true);
    setError(null);
    try {
      await onCode(code.trim());
    } catch (err) {
      // A wrong code is a field error (`mfa_code_invalid`): say that, not "invalid input".
      setError(fieldErrorTexts(t, err).code ?? apiErrorText(t, err));
      setCode('');
    } finally {
      setPending(false);
    }
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      {children}
      {error && (
        <p className="alert alert--error" role="alert" id={`${id}-error`}>
          {error}
        </p>
      )}
      <InputField
        id={`${id}-code`}
        label={t('mfa.codeLabel')}
        hint={t('mfa.codeHint')}
        autoComplete="one-time-code"
        inputMode="text"
        autoCapitalize="none"
        spellCheck={false}
        required
        value={code}
        onValue={setCode}
      />
      <button
        type="submit"
        className="button button--primary button--block"
        aria-busy={pending}
        disabled={pending}
      >
        {submitLabel}
      </button>
    </form>
  );
}

/** The QR code to scan and the key to type when scanning is not possible. */
export function MfaSecret({ setup }: { setup: MfaSetupResponse }) {
  const { t } = useTranslation();
  return (
    <>
      <p>{t('mfa.setupSteps')}</p>
      <img src={setup.qrCode} alt={t('mfa.qrAlt')} width={200} height={200} />
      <p className="muted">
        {t('mfa.secretLabel')}{' '}
        <code className="mono">{setup.secret.match(/.{1,4}/g)?.join(' ')}</code>
      </p>
    </>
  );
}

/** Recovery codes, shown once, with the button that says they were saved. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <div role="status">
      <h2>{t('mfa.recoveryTitle')}</h2>
      <p>{t('mfa.recoveryIntro')}</p>
      <ul className="mono" aria-label={t('mfa.recoveryTitle')}>
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <button type="button" className="button button--primary button--block" onClick={onDone}>
        {t('mfa.recoveryDone')}
      </button>
    </div>
  );
}
