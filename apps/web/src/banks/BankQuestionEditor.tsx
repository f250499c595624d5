import type { BankQuestionView, QuestionCategoryView } from '@dx/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QuestionForm } from '../authoring/components/QuestionForm';
import { addBankQuestion, retireBankQuestion, updateBankQuestion } from './api';
import { useBankMutation } from './hooks';

/** Adds a question to the bank, or saves a new version of `question`. */
export function BankQuestionEditor({
  bankId,
  categories,
  question,
  defaultCategoryId,
  onDone,
}: {
  bankId: string;
  categories: QuestionCategoryView[];
  question?: BankQuestionView;
  defaultCategoryId?: string;
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const [categoryId, setCategoryId] = useState(
    question?.categoryId ?? defaultCategoryId ?? categories[0]?.id ?? '',
  );
  const [tags, setTags] = useState((question?.tags ?? []).join(', '));
  const save = useBankMutation((input: Parameters<typeof addBankQuestion>[1]) =>
    question ? updateBankQuestion(question.id, input) : addBankQuestion(bankId, input),
  );
  const retire = useBankMutation(() => retireBankQuestion(question?.id ?? ''));
  const prefix = `bank-question-${question?.id ?? `new-${bankId}`}`;

  return (
    <QuestionForm
      prefix={prefix}
      question={question}
      pending={save.isPending || retire.isPending}
      error={save.error ?? retire.error}
      saved={save.isSuccess && !!question}
      submitLabel={question ? t('banks.saveVersion') : t('authoring.addQuestion')}
      onSave={(input) =>
        save.mutate(
          {
            ...input,
            categoryId,
            tags: tags
              .split(',')
              .map((x) => x.trim())
              .filter(Boolean),
          },
          { onSuccess: () => onDone?.() },
        )
      }
      onDelete={
        question
          ? () => window.confirm(t('authoring.confirmDeleteQuestion')) && retire.mutate(undefined)
          : undefined
      }
      onCancel={onDone && !question ? onDone : undefined}
    >
      <div className="field field--short">
        <label htmlFor={`${prefix}-category`}>{t('banks.category')}</label>
        <select
          id={`${prefix}-category`}
          required
          value={categoryId}
          onChange={(e) => setCategoryId(e.target.value)}
        >
          {categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${prefix}-tags`}>{t('banks.tags')}</label>
        <input
          id={`${prefix}-tags`}
          type="text"
          value={tags}
          onChange={(e) => setTags(e.target.value)}
        />
        <p className="muted field__hint">{t('banks.tagsHint')}</p>
      </div>
      {question && <p className="muted">{t('banks.versionNote', { version: question.version })}</p>}
    </QuestionForm>
  );
}
