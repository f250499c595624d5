import type { UserResponse } from '@dx/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogForm } from '../app/DialogForm';
import { InputField } from '../app/FormField';
import { PageError } from '../app/PageStatus';
import { useDebouncedValue } from '../app/useDebouncedValue';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { deletePerson, searchPeople } from './api';

/** Deleting is final: the username must be typed again before the button does anything. */
function DeletePersonDialog({
  person,
  onClose,
  onDeleted,
}: {
  person: UserResponse | null;
  onClose: () => void;
  onDeleted: (person: UserResponse) => void;
}) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const remove = useMutation({
    mutationFn: (p: UserResponse) => deletePerson(p.id),
    onSuccess: (_, p) => {
      setTyped('');
      onDeleted(p);
    },
  });
  function submit() {
    if (!person) return;
    if (typed.trim() !== person.username) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    remove.mutate(person);
  }
  return (
    <DialogForm
      open={person !== null}
      title={t('privacy.deleteTitle', { name: person?.fullName ?? '' })}
      intro={t('privacy.deleteIntro')}
      confirmLabel={t('privacy.deleteConfirm')}
      confirmClassName="button--danger-solid"
      pending={remove.isPending}
      error={remove.error}
      onSubmit={submit}
      onClose={() => {
        setTyped('');
        setMismatch(false);
        remove.reset();
        onClose();
      }}
    >
      <InputField
        id="privacy-confirm-username"
        label={t('privacy.typeUsername', { username: person?.username ?? '' })}
        value={typed}
        onValue={setTyped}
        autoComplete="off"
        aria-invalid={mismatch}
        aria-describedby={mismatch ? 'privacy-confirm-error' : undefined}
      >
        {mismatch && (
          <p id="privacy-confirm-error" className="field__hint field__hint--error">
            {t('privacy.usernameMismatch')}
          </p>
        )}
      </InputField>
    </DialogForm>
  );
}

/**
 * HR (in scope) and sysadmins: a person's request to have their personal data erased.
 * Issued certificates stay verifiable by serial with the holder's name only (the API's rule).
 */
export default function PrivacyRequestsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('privacy.title'));
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const query = useDebouncedValue(q.trim(), 300);
  const [target, setTarget] = useState<UserResponse | null>(null);
  const [deleted, setDeleted] = useState<string | null>(null);
  const people = useQuery({
    queryKey: ['privacy', 'people', query],
    queryFn: ({ signal }) => searchPeople(query, signal),
    enabled: query.length >= 2,
    placeholderData: keepPreviousData,
  });
  return (
    <section className="card" aria-labelledby="privacy-title">
      <h1 id="privacy-title">{t('privacy.title')}</h1>
      <p>{t('privacy.intro')}</p>
      <InputField
        id="privacy-search"
        label={t('privacy.search')}
        type="search"
        value={q}
        onValue={setQ}
        autoComplete="off"
        hint={t('privacy.searchHint')}
      />
      {deleted && (
        <p className="alert alert--success" role="status">
          {t('privacy.deleted', { name: deleted })}
        </p>
      )}
      {people.isError && <PageError error={people.error} onRetry={() => void people.refetch()} />}
      {query.length >= 2 && people.data && (
        <ul className="plain-list" aria-busy={people.isFetching}>
          {people.data.items.length === 0 && <li className="muted">{t('privacy.noMatch')}</li>}
          {people.data.items.map((person) => (
            <li key={person.id} className="curriculum-courses__item">
              <span>
                {person.fullName} <span className="mono muted">{person.username}</span>
              </span>
              <button
                type="button"
                className="button button--small button--danger"
                aria-label={t('privacy.deleteNamed', { name: person.fullName })}
                onClick={() => setTarget(person)}
              >
                {t('privacy.delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <DeletePersonDialog
        person={target}
        onClose={() => setTarget(null)}
        onDeleted={(p) => {
          setTarget(null);
          setDeleted(p.fullName);
          void queryClient.invalidateQueries({ queryKey: ['privacy', 'people'] });
        }}
      />
    </section>
  );
}
