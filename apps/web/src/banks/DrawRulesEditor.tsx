import type { QuizDrawRuleView } from '@dx/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../app/FormError';
import { PageError, PageLoading } from '../app/PageStatus';
import { useDraftMutation } from '../authoring/hooks/useCourseDraft';
import { bankKeys, saveDrawRules } from './api';
import { useBank, useBanks, useDrawRules } from './hooks';

type Row = Pick<QuizDrawRuleView, 'categoryId' | 'categoryName' | 'bankTitle' | 'count'> & {
  available: number | null;
};

/**
 * Which bank categories a quiz draws from and how many per attempt, on top of its own
 * questions. Saved as a whole; publishing checks each category holds what it gives.
 */
export function DrawRulesEditor({ courseId, quizId }: { courseId: string; quizId: string }) {
  const { t } = useTranslation();
  const rules = useDrawRules(quizId);
  const banks = useBanks();
  const [rows, setRows] = useState<Row[]>([]);
  const [bankId, setBankId] = useState('');
  const [categoryId, setCategoryId] = useState('');
  const [count, setCount] = useState(1);
  const bank = useBank(bankId);
  const queryClient = useQueryClient();
  const save = useDraftMutation(courseId, (list: Row[]) =>
    saveDrawRules(
      quizId,
      list.map((r) => ({ categoryId: r.categoryId, count: r.count })),
    ).then((saved) => queryClient.invalidateQueries({ queryKey: bankKeys.all }).then(() => saved)),
  );

  useEffect(() => {
    if (rules.data) setRows(rules.data);
  }, [rules.data]);

  if (rules.isPending) return <PageLoading />;
  if (rules.isError) return <PageError error={rules.error} onRetry={() => void rules.refetch()} />;
  const prefix = `draw-${quizId}`;
  const chosen = bank.data?.categories.find((c) => c.id === categoryId);
  const total = rows.reduce((s, r) => s + r.count, 0);

  function addRow() {
    if (!chosen || !bank.data || rows.some((r) => r.categoryId === chosen.id)) return;
    setRows((list) => [
      ...list,
      {
        categoryId: chosen.id,
        categoryName: chosen.name,
        bankTitle: bank.data.title,
        count,
        available: chosen.questions,
      },
    ]);
  }

  return (
    <div className="form draw-rules">
      <p className="muted">{t('banks.drawIntro')}</p>
      {rows.length === 0 ? (
        <p className="muted">{t('banks.noRules')}</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">{t('banks.drawTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('banks.category')}</th>
              <th scope="col">{t('banks.drawCount')}</th>
              <th scope="col">{t('banks.available')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('banks.removeRule')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.categoryId}>
                <td>
                  {r.categoryName} <span className="muted">({r.bankTitle})</span>
                </td>
                <td>
                  <input
                    type="number"
                    min={1}
                    max={200}
                    aria-label={t('banks.drawCountOf', { category: r.categoryName })}
                    value={r.count}
                    onChange={(e) =>
                      setRows((list) =>
                        list.map((x) =>
                          x.categoryId === r.categoryId
                            ? { ...x, count: Number(e.target.value) }
                            : x,
                        ),
                      )
                    }
                  />
                </td>
                <td>{r.available ?? '—'}</td>
                <td>
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() =>
                      setRows((list) => list.filter((x) => x.categoryId !== r.categoryId))
                    }
                  >
                    {t('banks.removeRule')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>{t('banks.drawTotal', { n: total })}</p>
      <fieldset>
        <legend>{t('banks.addRule')}</legend>
        {banks.isError && <FormError error={banks.error} />}
        <div className="field field--short">
          <label htmlFor={`${prefix}-bank`}>{t('banks.bank')}</label>
          <select
            id={`${prefix}-bank`}
            value={bankId}
            onChange={(e) => {
              setBankId(e.target.value);
              setCategoryId('');
            }}
          >
            <option value="">{t('banks.chooseBank')}</option>
            {(banks.data ?? []).map((b) => (
              <option key={b.id} value={b.id}>
                {b.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--short">
          <label htmlFor={`${prefix}-category`}>{t('banks.category')}</label>
          <select
            id={`${prefix}-category`}
            value={categoryId}
            disabled={!bank.data}
            onChange={(e) => setCategoryId(e.target.value)}
          >
            <option value="">{t('banks.chooseCategory')}</option>
            {(bank.data?.categories ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} ({t('authoring.questionCount', { n: c.questions })})
              </option>
            ))}
          </select>
        </div>
        <div className="field field--short">
          <label htmlFor={`${prefix}-count`}>{t('banks.drawCount')}</label>
          <input
            id={`${prefix}-count`}
            type="number"
            min={1}
            max={200}
            value={count}
            onChange={(e) => setCount(Number(e.target.value))}
          />
        </div>
        <button type="button" className="button" disabled={!chosen} onClick={addRow}>
          {t('banks.addRule')}
        </button>
      </fieldset>
      <FormError error={save.error} />
      <div className="button-row">
        <button
          type="button"
          className="button button--primary"
          disabled={save.isPending}
          onClick={() => save.mutate(rows)}
        >
          {t('banks.saveRules')}
        </button>
        {save.isSuccess && (
          <span role="status" className="muted">
            {t('authoring.saved')}
          </span>
        )}
      </div>
    </div>
  );
}
