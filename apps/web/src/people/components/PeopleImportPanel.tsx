import { type UserImportResult, userImportTemplateCsv } from '@dx/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorText } from '../../api/error-text';
import { FormError } from '../../app/FormError';
import { importPeople } from '../api';

/**
 * Import of a staff list (CSV or XLSX, the columns of the API's import): valid rows are
 * saved at once, the others come back as a table of row, column and reason to fix and
 * import again (the same file twice changes nothing).
 */
export function PeopleImportPanel() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: (f: File) => importPeople(f),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['people'] }),
  });
  const result: UserImportResult | undefined = upload.data;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (file) upload.mutate(file);
  }

  return (
    <section className="card" aria-labelledby="people-import-title">
      <h2 id="people-import-title">{t('peopleAdmin.import.title')}</h2>
      <p className="muted">{t('peopleAdmin.import.intro')}</p>
      <p>
        {/* Built from the contract's column list, the same one the import's header check uses. */}
        <a
          href={`data:text/csv;charset=utf-8,${encodeURIComponent(userImportTemplateCsv())}`}
          download="mau-nhap-nguoi-dung.csv"
        >
          {t('peopleAdmin.import.template')}
        </a>
      </p>
      <form onSubmit={submit} className="form-row">
        <div className="field">
          <label htmlFor={fileId}>{t('peopleAdmin.import.file')}</label>
          <input
            id={fileId}
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <button
          type="submit"
          className="button button--primary"
          disabled={!file || upload.isPending}
          aria-busy={upload.isPending}
        >
          {t('peopleAdmin.import.submit')}
        </button>
      </form>
      {/* A refused file (empty, unreadable, a wrong header) names each problem. */}
      <FormError error={upload.error} />
      {result && (
        <div aria-live="polite">
          <p role="status">
            {t('peopleAdmin.import.result', {
              created: result.created,
              updated: result.updated,
              errors: result.errors.length,
            })}
          </p>
          {result.errors.length > 0 && (
            <table className="table">
              <caption>{t('peopleAdmin.import.errorsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('peopleAdmin.import.row')}</th>
                  <th scope="col">{t('peopleAdmin.import.field')}</th>
                  <th scope="col">{t('peopleAdmin.import.message')}</th>
                </tr>
              </thead>
              <tbody>
                {result.errors.map((e) => (
                  <tr key={`${e.row}-${e.field}`}>
                    <td>{e.row}</td>
                    <td>{e.field}</td>
                    <td>{fieldErrorText(t, e)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </section>
  );
}
