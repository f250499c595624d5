import type { QuestionImportResult } from '@dx/contracts';
import type { UseMutationResult } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/api-error';
import { fieldErrorText } from '../../api/error-text';
import { FormError } from '../../app/FormError';
import { importQuestions } from '../api';
import { useDraftMutation } from '../hooks/useCourseDraft';

/** `rows.7.correct` → row 7, column "correct"; null for a file-level error. */
export function rowOf(field: string): { row: number; column: string } | null {
  const m = /^rows\.(\d+)\.(.+)$/.exec(field);
  return m ? { row: Number(m[1]), column: m[2] } : null;
}

/** Adds questions from an XLSX (template) or GIFT file; a refused file lists its bad rows. */
export function QuestionImportForm({ courseId, quizId }: { courseId: string; quizId: string }) {
  const run = useDraftMutation(courseId, (f: File) => importQuestions(quizId, f));
  return <ImportFileForm inputId={`import-${quizId}`} run={run} />;
}

/** The file field, the outcome and the bad rows of an import `run` (a quiz's or a bank's). */
export function ImportFileForm({
  inputId,
  run,
  hint,
  children,
}: {
  inputId: string;
  run: UseMutationResult<QuestionImportResult, Error, File>;
  hint?: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const rowErrors =
    isApiError(run.error) && run.error.errors.some((e) => rowOf(e.field ?? ''))
      ? run.error.errors
      : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (file) run.mutate(file);
  }

  return (
    <form className="form" onSubmit={submit}>
      <div className="field">
        <label htmlFor={inputId}>{t('authoring.import.file')}</label>
        <input
          id={inputId}
          type="file"
          accept=".xlsx,.gift,.txt"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        <p className="muted field__hint">{hint ?? t('authoring.import.hint')}</p>
      </div>
      {children}
      <button type="submit" className="button" disabled={!file || run.isPending}>
        {t('authoring.import.submit')}
      </button>
      {run.isSuccess && (
        <p role="status" className="alert alert--success">
          {t('authoring.import.done', { ...run.data })}
        </p>
      )}
      {rowErrors ? (
        <div className="alert alert--error" role="alert">
          <p>{t('authoring.import.refused')}</p>
          <ul>
            {rowErrors.map((e, i) => {
              const at = rowOf(e.field ?? '');
              const message = fieldErrorText(t, e);
              return (
                <li key={i}>{at ? t('authoring.import.rowError', { ...at, message }) : message}</li>
              );
            })}
          </ul>
        </div>
      ) : (
        <FormError error={run.error} />
      )}
    </form>
  );
}
