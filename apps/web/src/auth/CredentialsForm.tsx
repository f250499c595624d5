import { useEffect, useRef, useState, type FormEvent, type ReactNode, type Ref } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { fieldErrorText } from '../api/error-text';
import { InputField } from '../app/FormField';
import { credentialsProblem, type CredentialsProblem } from './credentials-api';

/** Translated errors of the form's own fields, by API field name (`newPassword`, `code`…). */
export type CredentialsFieldErrors = Record<string, string>;

/**
 * The frame shared by the activation, reset and change-password forms: a title, the
 * fields, one submit button and, once done, `done` instead of the form. A refusal of one of
 * the form's `fields` (API names) is shown under its input, which is then focused; the alert
 * at the top keeps only what no input can show. Texts come from codes, never the API's text.
 */
export function CredentialsForm({
  fields,
  children,
  onSubmit,
  done,
  ...frame
}: {
  id: string;
  title: string;
  intro?: string;
  submitLabel: string;
  /** The API field names that have an input in this form. */
  fields: readonly string[];
  children: (errors: CredentialsFieldErrors) => ReactNode;
  onSubmit: () => Promise<void>;
  done?: ReactNode;
}) {
  const { t } = useTranslation();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [finished, setFinished] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  const problem = credentialsProblem(error, fields);
  const errors: CredentialsFieldErrors = Object.fromEntries(
    Object.entries(problem.beside).map(([field, e]) => [field, fieldErrorText(t, e)]),
  );
  const box = problem.box && credentialsBoxText(t, problem.box);

  // After each refusal, the keyboard starts at the first input to correct (in page order).
  useEffect(() => {
    if (error) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [error]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    setPending(true);
    setError(null);
    try {
      await onSubmit();
      setFinished(true);
    } catch (err) {
      setError(err);
    } finally {
      setPending(false);
    }
  }

  return (
    <CredentialsFormView
      {...frame}
      formRef={form}
      pending={pending}
      box={box}
      done={finished ? done : undefined}
      onSubmit={submit}
    >
      {children(errors)}
    </CredentialsFormView>
  );
}

/** The alert's sentence: a field error, or a key with its values (the wait of a 429). */
export function credentialsBoxText(
  t: TFunction,
  box: NonNullable<CredentialsProblem['box']>,
): string {
  return 'field' in box
    ? fieldErrorText(t, box.field)
    : t(box.key as 'login.errors.throttledFor', box.params ?? {});
}

/** What CredentialsForm draws for a given state (apart, so unit tests can render it). */
export function CredentialsFormView({
  id,
  title,
  intro,
  submitLabel,
  pending,
  box,
  done,
  formRef,
  onSubmit,
  children,
}: {
  id: string;
  title: string;
  intro?: string;
  submitLabel: string;
  pending: boolean;
  /** The alert's text, already translated. */
  box: string | null;
  done?: ReactNode;
  formRef?: Ref<HTMLFormElement>;
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void;
  children: ReactNode;
}) {
  return (
    <section className="card card--narrow" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>{title}</h1>
      {done ? (
        <div role="status">{done}</div>
      ) : (
        <>
          {intro && <p className="muted">{intro}</p>}
          <form className="form" ref={formRef} onSubmit={onSubmit} noValidate>
            {box && (
              <p className="alert alert--error" role="alert" id={`${id}-error`}>
                {box}
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

/**
 * A text or password input of a credentials form, with the API's refusal of its field under
 * it; `error` is required here so no form of this family forgets to pass it.
 */
export function CredentialInput({
  error,
  ...field
}: Parameters<typeof InputField>[0] & { error: string | undefined }) {
  return <InputField {...field} error={error} />;
}

/** The new password of every form that sets one, with the policy's hint. */
export function NewPasswordField({
  id,
  value,
  onValue,
  error,
}: {
  id: string;
  value: string;
  onValue: (value: string) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <CredentialInput
      id={id}
      label={t('account.newPassword')}
      hint={t('account.passwordHint')}
      type="password"
      autoComplete="new-password"
      required
      value={value}
      onValue={onValue}
      error={error}
    />
  );
}
