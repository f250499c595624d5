import type { QuestionCategoryView } from '@dx/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { FormError } from '../app/FormError';
import { saveBlob } from '../app/save-blob';
import { deleteBank, deleteCategory, exportBank, renameBank, renameCategory } from './api';
import { useBankMutation } from './hooks';

/** A name edited in place: a labelled field with save and cancel. */
function RenameForm({
  id,
  label,
  initial,
  maxLength,
  pending,
  error,
  onSave,
  onCancel,
}: {
  id: string;
  label: string;
  initial: string;
  maxLength: number;
  pending: boolean;
  error: unknown;
  onSave: (value: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState(initial);
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    onSave(value.trim());
  }
  return (
    <form className="form form--inline" onSubmit={onSubmit}>
      <FormError error={error} />
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          type="text"
          required
          maxLength={maxLength}
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
      </div>
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={pending}>
          {t('banks.saveName')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The bank's own actions: rename, download as XLSX or GIFT, delete (refused while in use). */
export function BankActions({ bankId, title }: { bankId: string; title: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [renaming, setRenaming] = useState(false);
  const rename = useBankMutation((next: string) => renameBank(bankId, next));
  const remove = useBankMutation(() => deleteBank(bankId));
  const download = useBankMutation(async (format: 'xlsx' | 'gift') => {
    const file = await exportBank(bankId, format);
    saveBlob(
      file.blob,
      file.fileName ?? `ngan-hang-cau-hoi.${format === 'gift' ? 'gift.txt' : 'xlsx'}`,
    );
  });
  return (
    <div className="bank-actions">
      {renaming ? (
        <RenameForm
          id="bank-rename"
          label={t('banks.bankTitle')}
          initial={title}
          maxLength={255}
          pending={rename.isPending}
          error={rename.error}
          onSave={(v) => rename.mutate(v, { onSuccess: () => setRenaming(false) })}
          onCancel={() => setRenaming(false)}
        />
      ) : (
        <div className="button-row">
          <button type="button" className="button" onClick={() => setRenaming(true)}>
            {t('banks.renameBank')}
          </button>
          <button
            type="button"
            className="button"
            disabled={download.isPending}
            onClick={() => download.mutate('xlsx')}
          >
            {t('banks.export')}
          </button>
          <button
            type="button"
            className="button"
            disabled={download.isPending}
            onClick={() => download.mutate('gift')}
          >
            {t('banks.exportGift')}
          </button>
          <button
            type="button"
            className="button button--danger"
            disabled={remove.isPending}
            onClick={() =>
              window.confirm(t('banks.confirmDeleteBank', { title })) &&
              remove.mutate(undefined, {
                onSuccess: () => navigate('/authoring/banks', { replace: true }),
              })
            }
          >
            {t('banks.deleteBank')}
          </button>
        </div>
      )}
      <FormError error={remove.error ?? download.error} />
    </div>
  );
}

/** One category in the list: its name and count, rename and delete. */
export function CategoryRow({ category }: { category: QuestionCategoryView }) {
  const { t } = useTranslation();
  const [renaming, setRenaming] = useState(false);
  const rename = useBankMutation((name: string) => renameCategory(category.id, name));
  const remove = useBankMutation(() => deleteCategory(category.id));
  if (renaming) {
    return (
      <li>
        <RenameForm
          id={`category-rename-${category.id}`}
          label={t('banks.categoryNewName', { name: category.name })}
          initial={category.name}
          maxLength={120}
          pending={rename.isPending}
          error={rename.error}
          onSave={(v) => rename.mutate(v, { onSuccess: () => setRenaming(false) })}
          onCancel={() => setRenaming(false)}
        />
      </li>
    );
  }
  return (
    <li className="category-row">
      <span>
        {category.name}{' '}
        <span className="muted">· {t('authoring.questionCount', { n: category.questions })}</span>
      </span>
      <span className="button-row">
        <button
          type="button"
          className="button button--small"
          aria-label={t('banks.renameCategory', { name: category.name })}
          onClick={() => setRenaming(true)}
        >
          {t('banks.rename')}
        </button>
        <button
          type="button"
          className="button button--small button--danger"
          aria-label={t('banks.deleteCategory', { name: category.name })}
          disabled={remove.isPending}
          onClick={() =>
            window.confirm(t('banks.confirmDeleteCategory', { name: category.name })) &&
            remove.mutate(undefined)
          }
        >
          {t('banks.delete')}
        </button>
      </span>
      <FormError error={remove.error} />
    </li>
  );
}
