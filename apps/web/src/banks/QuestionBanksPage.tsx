import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { FormError } from '../app/FormError';
import { PageError, PageLoading } from '../app/PageStatus';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { createBank } from './api';
import { useBankMutation, useBanks } from './hooks';

/** Question banks of the trainer's units: open one, or create one for the own unit. */
export default function QuestionBanksPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('banks.title'));
  const banks = useBanks();
  const [title, setTitle] = useState('');
  const navigate = useNavigate();
  const create = useBankMutation((name: string) => createBank(name));

  function onCreate(event: FormEvent) {
    event.preventDefault();
    create.mutate(title, {
      onSuccess: (r) => navigate(`/authoring/banks/${encodeURIComponent(r.id)}`),
    });
  }

  return (
    <>
      <h1>{t('banks.title')}</h1>
      <p className="muted">{t('banks.intro')}</p>
      <section className="card" aria-labelledby="banks-list">
        <h2 id="banks-list">{t('banks.list')}</h2>
        {banks.isPending ? (
          <PageLoading />
        ) : banks.isError ? (
          <PageError error={banks.error} onRetry={() => void banks.refetch()} />
        ) : banks.data.length === 0 ? (
          <p className="muted">{t('banks.none')}</p>
        ) : (
          <ul className="plain-list authoring-list">
            {banks.data.map((b) => (
              <li key={b.id}>
                <Link to={`/authoring/banks/${encodeURIComponent(b.id)}`}>{b.title}</Link>{' '}
                <span className="muted">
                  · {t('banks.counts', { categories: b.categories, questions: b.questions })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="banks-create">
        <h2 id="banks-create">{t('banks.create')}</h2>
        <form className="form" onSubmit={onCreate}>
          <FormError error={create.error} />
          <div className="field">
            <label htmlFor="bank-title">{t('banks.bankTitle')}</label>
            <input
              id="bank-title"
              type="text"
              required
              maxLength={255}
              value={title}
              onChange={(e) => setTitle(e.target.value)}
            />
          </div>
          <button type="submit" className="button button--primary" disabled={create.isPending}>
            {t('banks.createSubmit')}
          </button>
        </form>
      </section>
    </>
  );
}
