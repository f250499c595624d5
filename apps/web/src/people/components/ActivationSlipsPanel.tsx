import type { ActivationSlipsStatus } from '@dx/contracts';
import { useTranslation } from 'react-i18next';
import { apiErrorText } from '../../api/error-text';
import { ProgressBar } from '../../app/ProgressBar';
import { useFileJobFiles } from '../../app/useFileJob';
import { formatDate } from '../../i18n/format';
import {
  downloadSlipsFile,
  fetchActivationSlips,
  peopleKeys,
  requestActivationSlips,
} from '../api';

/**
 * "In phiếu kích hoạt" for a unit: the worker issues a code to everyone of the subtree who
 * has not activated yet and prints the slips (PDF to cut) and a list (XLSX). This follows
 * its progress and offers both files, saved when asked for (one job, two files); their
 * codes replace any given before.
 */
export function ActivationSlipsPanel({ orgUnitId }: { orgUnitId: string | null }) {
  const { t, i18n } = useTranslation();
  const slips = useFileJobFiles<void, ActivationSlipsStatus>({
    request: () => requestActivationSlips(orgUnitId as string),
    statusKey: peopleKeys.slips,
    fetchStatus: fetchActivationSlips,
    download: downloadSlipsFile,
  });
  const { job, state, busy, save } = slips;

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
        onClick={() => slips.start()}
      >
        {t('peopleAdmin.slips.print')}
      </button>
      {slips.requestError && (
        <p className="alert alert--error" role="alert">
          {apiErrorText(t, slips.requestError)}
        </p>
      )}
      {job && (
        <div aria-live="polite">
          <ProgressBar value={state?.progress ?? 0} label={t('peopleAdmin.slips.progress')} />
          {slips.failed ? (
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
          {slips.saveError && (
            <p className="alert alert--error" role="alert">
              {t('peopleAdmin.slips.saveError')}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
