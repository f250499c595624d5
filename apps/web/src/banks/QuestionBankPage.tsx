import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { FormError } from '../app/FormError';
import { PageError, PageLoading } from '../app/PageStatus';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { ImportFileForm } from '../authoring/components/QuestionImportForm';
import { addCategory, importIntoBank } from './api';
import { BankActions, CategoryRow } from './BankAdminParts';
import { BankQuestionEditor } from './BankQuestionEditor';
import { useBank, useBankMutation } from './hooks';

/** One bank: its categories, the current version of each question, adding and importing. */
export default function QuestionBankPage() {
  const { t } = useTranslation();
  const { bankId = '' } = useParams();
  const bank = useBank(bankId);
  useDocumentTitle(bank.data?.title ?? t('banks.title'));
  const [name, setName] = useState('');
  const [adding, setAdding] = useState(false);
  const [importCategory, setImportCategory] = useState('');
  const category = useBankMutation((n: string) => addCategory(bankId, n));
  const runImport = useBankMutation((f: File) =>
    importIntoBank(bankId, f, importCategory || undefined),
  );

  if (bank.isPending) return <PageLoading />;
  if (bank.isError) return <PageError error={bank.error} onRetry={() => void bank.refetch()} />;
  const { categories, questions } = bank.data;

  function onAddCategory(event: FormEvent) {
    event.preventDefault();
    category.mutate(name, { onSuccess: () => setName('') });
  }

  return (
    <>
      <p>
        <Link to="/authoring/banks">← {t('banks.title')}</Link>
      </p>
      <h1>{bank.data.title}</h1>
      <BankActions bankId={bankId} title={bank.data.title} />
      <section className="card" aria-labelledby="bank-categories">
        <h2 id="bank-categories">{t('banks.categories')}</h2>
        {categories.length === 0 ? (
          <p className="muted">{t('banks.noCategories')}</p>
        ) : (
          <ul className="plain-list">
            {categories.map((c) => (
              <CategoryRow key={c.id} category={c} />
            ))}
          </ul>
        )}
        <form className="form" onSubmit={onAddCategory}>
          <FormError error={category.error} />
          <div className="field">
            <label htmlFor="category-name">{t('banks.categoryName')}</label>
            <input
              id="category-name"
              type="text"
              required
              maxLength={120}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          </div>
          <button type="submit" className="button" disabled={category.isPending}>
            {t('banks.addCategory')}
          </button>
        </form>
      </section>
      <section className="card" aria-labelledby="bank-import">
        <h2 id="bank-import">{t('banks.import')}</h2>
        <ImportFileForm
          inputId={`bank-import-${bankId}`}
          run={runImport}
          hint={t('banks.importHint')}
        >
          <div className="field field--short">
            <label htmlFor="bank-import-category">{t('banks.importCategory')}</label>
            <select
              id="bank-import-category"
              value={importCategory}
              onChange={(e) => setImportCategory(e.target.value)}
            >
              <option value="">{t('banks.fromFile')}</option>
              {categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
        </ImportFileForm>
      </section>
      <section className="card" aria-labelledby="bank-questions">
        <h2 id="bank-questions">{t('authoring.questions')}</h2>
        {categories.map((c) => {
          const own = questions.filter((q) => q.categoryId === c.id);
          return (
            <section key={c.id} aria-label={c.name}>
              <h3>{c.name}</h3>
              {own.length === 0 && <p className="muted">{t('authoring.noQuestions')}</p>}
              <div className="editor-list">
                {own.map((q, i) => (
                  <details key={q.id} className="editor-item">
                    <summary>
                      {t('quiz.questionNumber', { n: i + 1 })} {q.text}{' '}
                      <span className="muted">· v{q.version}</span>
                    </summary>
                    <BankQuestionEditor bankId={bankId} categories={categories} question={q} />
                  </details>
                ))}
              </div>
            </section>
          );
        })}
        {categories.length > 0 &&
          (adding ? (
            <BankQuestionEditor
              bankId={bankId}
              categories={categories}
              onDone={() => setAdding(false)}
            />
          ) : (
            <button type="button" className="button" onClick={() => setAdding(true)}>
              {t('authoring.newQuestion')}
            </button>
          ))}
      </section>
    </>
  );
}
