import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorText } from '../api/error-text';
import { InputField } from '../app/FormField';
import { credentialsError } from './credentials-api';

/**
 * The frame shared by the activation, reset and change-password forms: a title, the
 * fields, one submit button, the error (translated from its code, never the API's text)
 * and, once done, `done` instead of the form.
 */
export function CredentialsForm({
  id,
  title,
  intro,
  submitLabel,
  children,
  onSubmit,
  done,
}: {
  id: string;
  title: string;
  intro?: string;
  submitLabel: string;
  children: ReactNode;
  onSubmit: () => Promise<void>;
  done?: ReactNode;
}) {
  const { t } = useTranslation();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [finished, setFinished] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    setPending(true);
    setError(null);
    try {
      await onSubmit();
      setFinished(true);
    } catch (err) {
      const problem = credentialsError(err);
      setError(
        'field' in problem
          ? fieldErrorText(t, problem.field)
          : t(problem.key as 'account.errors.generic'),
      );
    } finally {
      setPending(false);
    }
  }

  return (
    <section className="card card--narrow" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>{title}</h1>
      {finished && done ? (
        <div role="status">{done}</div>
      ) : (
        <>
          {intro && <p className="muted">{intro}</p>}
          <form className="form" onSubmit={submit} noValidate>
            {error && (
              <p className="alert alert--error" role="alert" id={`${id}-error`}>
                {error}
              </p>
            )}
            {children}
            <button
              type="submit"
              className="button button--primary button--block"
              aria-busy={pending}
              disabled={pending}
            >
              {submitLabel}
            </button>
          </form>
        </>
      )}
    </section>
  );
}

/** The new password of every form that sets one, with the policy's hint. */
export function NewPasswordField({
  id,
  value,
  onValue,
}: {
  id: string;
  value: string;
  onValue: (value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <InputField
      id={id}
      label={t('account.newPassword')}
      hint={t('account.passwordHint')}
      type="password"
      autoComplete="new-password"
      required
      value={value}
      onValue={onValue}
    />
  );
}
