import type { ActivationSlipsStatus } from '@dx/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/api-error';
import { apiErrorText } from '../../api/error-text';
import { ProgressBar } from '../../app/ProgressBar';
import { saveBlob } from '../../app/save-blob';
import { formatDate } from '../../i18n/format';
import {
  downloadSlipsFile,
  fetchActivationSlips,
  peopleKeys,
  requestActivationSlips,
} from '../api';

const POLL_MS = 1_000;
const finished = (s: ActivationSlipsStatus | undefined) =>
  s?.state === 'completed' || s?.state === 'failed';

/**
 * "In phiếu kích hoạt" for a unit: the worker issues a code to everyone of the subtree who
 * has not activated yet and prints the slips (PDF to cut) and a list (XLSX). This follows
 * its progress and offers both files; their codes replace any given before.
 */
export function ActivationSlipsPanel({ orgUnitId }: { orgUnitId: string | null }) {
  const { t, i18n } = useTranslation();
  const [jobId, setJobId] = useState<string | null>(null);
  const [saveError, setSaveError] = useState(false);
  const request = useMutation({
    mutationFn: () => requestActivationSlips(orgUnitId as string),
    onSuccess: ({ jobId }) => {
      setSaveError(false);
      setJobId(jobId);
    },
  });
  const status = useQuery({
    queryKey: peopleKeys.slips(jobId ?? ''),
    queryFn: ({ signal }) => fetchActivationSlips(jobId as string, signal),
    enabled: !!jobId,
    refetchInterval: (query) => {
      if (finished(query.state.data)) return false;
      const error = query.state.error;
      if (isApiError(error) && error.statusCode >= 400 && error.statusCode < 500) return false;
      return POLL_MS;
    },
    staleTime: 0,
  });
  const state = status.data;
  const busy = request.isPending || (!!jobId && !finished(state) && !status.isError);

  async function save(url: string, fallback: string) {
    try {
      const file = await downloadSlipsFile(url);
      if (!file) window.location.assign(url);
      else saveBlob(file.blob, file.fileName ?? fallback);
    } catch {
      setSaveError(true);
    }
  }

  return (
    <section className="card" aria-labelledby="slips-title">
      <h2 id="slips-title">{t('peopleAdmin.slips.title')}</h2>
      <p className="muted">{t('peopleAdmin.slips.intro')}</p>
      {!orgUnitId && <p className="muted">{t('peopleAdmin.slips.pickUnit')}</p>}
      <button
        type="button"
        className="button"
        disabled={!orgUnitId || busy}
        aria-busy={busy}
        onClick={() => request.mutate()}
      >
        {t('peopleAdmin.slips.print')}
      </button>
      {request.isError && (
        <p className="alert alert--error" role="alert">
          {apiErrorText(t, request.error)}
        </p>
      )}
      {jobId && (
        <div aria-live="polite">
          <ProgressBar value={state?.progress ?? 0} label={t('peopleAdmin.slips.progress')} />
          {state?.state === 'failed' || status.isError ? (
            <p className="alert alert--error" role="alert">
              {t('peopleAdmin.slips.failed')}
            </p>
          ) : state?.state === 'completed' ? (
            <>
              <p className="muted" role="status">
                {t('peopleAdmin.slips.done', {
                  n: state.count ?? 0,
                  date: state.expiresAt ? formatDate(state.expiresAt, i18n.language) : '',
                })}
              </p>
              <div className="button-row">
                {state.pdfUrl && (
                  <button
                    type="button"
                    className="button button--primary"
                    onClick={() => void save(state.pdfUrl as string, 'phieu-kich-hoat.pdf')}
                  >
                    {t('peopleAdmin.slips.pdf')}
                  </button>
                )}
                {state.xlsxUrl && (
                  <button
                    type="button"
                    className="button"
                    onClick={() => void save(state.xlsxUrl as string, 'phieu-kich-hoat.xlsx')}
                  >
                    {t('peopleAdmin.slips.xlsx')}
                  </button>
                )}
              </div>
            </>
          ) : (
            <p className="muted" role="status">
              {t(`peopleAdmin.slips.state.${state?.state ?? 'waiting'}`)}
            </p>
          )}
          {saveError && (
            <p className="alert alert--error" role="alert">
              {t('peopleAdmin.slips.saveError')}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
