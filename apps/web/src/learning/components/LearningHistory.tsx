import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageError, PageLoading } from '../../app/PageStatus';
import { CertificateActions } from '../../certificates/components/CertificateActions';
import { useMyCertificates } from '../../certificates/hooks/useMyCertificates';
import { currentYear, formatDate, formatNumber } from '../../i18n/format';
import { useMyRequirements } from '../../requirements/useMyRequirements';
import { fetchMyTrainingRecords, trainingRecordKeys } from '../api';
import { historyByYear, type HistoryYear } from '../history-by-year';
import { useMyEnrollments } from '../hooks/useMyEnrollments';
import { MyEvidenceButton } from './MyEvidenceButton';

/** A calendar day (YYYY-MM-DD) as dd/mm/yyyy: noon in Vietnam, so no zone moves the day. */
const day = (date: string, lng?: string) => formatDate(`${date}T12:00:00+07:00`, lng);

/**
 * "Lịch sử học tập theo năm": per training year, the courses completed (with their
 * certificates), the training HR recorded, and the year's hours against its requirements.
 */
export function LearningHistory() {
  const enrollments = useMyEnrollments();
  const certificates = useMyCertificates();
  const records = useQuery({
    queryKey: trainingRecordKeys.mine,
    queryFn: ({ signal }) => fetchMyTrainingRecords(signal),
  });
  const queries = [enrollments, certificates, records];
  const failed = queries.find((q) => q.isError);
  if (failed) {
    return (
      <PageError error={failed.error} onRetry={() => queries.forEach((q) => void q.refetch())} />
    );
  }
  if (!enrollments.data || !certificates.data || !records.data) return <PageLoading />;
  const years = historyByYear(enrollments.data, certificates.data, records.data, currentYear());
  return (
    <>
      {years.map((entry) => (
        <HistoryYearSection key={entry.year} entry={entry} />
      ))}
    </>
  );
}

function HistoryYearSection({ entry }: { entry: HistoryYear }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.resolvedLanguage;
  const headingId = `history-${entry.year}`;
  const empty = !entry.courses.length && !entry.records.length && !entry.programmes.length;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('learning.history.year', { year: entry.year })}</h3>
      <p>
        <strong>{t('learning.history.hours', { hours: formatNumber(entry.hours, lng) })}</strong>
      </p>
      <YearRequirements year={entry.year} />
      {empty && <p className="muted">{t('learning.history.nothing')}</p>}
      {entry.courses.length > 0 && (
        <>
          <h4>{t('learning.history.courses')}</h4>
          <ul className="plain-list">
            {entry.courses.map(({ enrollment: e, certificate, counts }) => (
              <li key={e.enrollmentId}>
                <p>
                  <Link to={`/courses/${encodeURIComponent(e.courseId)}`}>{e.title}</Link>{' '}
                  <span className="muted">
                    {t('learning.history.courseLine', {
                      hours: formatNumber(e.hours, lng),
                      date: e.completedAt ? formatDate(e.completedAt, lng) : '—',
                    })}
                  </span>{' '}
                  {certificate && (
                    <span className={`chip chip--${certificate.status}`}>
                      {t(`certificates.status.${certificate.status}`)}
                    </span>
                  )}
                </p>
                {!counts && <p className="muted">{t('learning.history.notCounted')}</p>}
                {certificate && (
                  <CertificateActions
                    certificate={certificate}
                    canDownload={certificate.status === 'issued'}
                  />
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {entry.programmes.length > 0 && (
        <>
          <h4>{t('learning.history.programmes')}</h4>
          <ul className="plain-list">
            {entry.programmes.map((c) => (
              <li key={c.id}>
                <p>{c.courseTitle}</p>
                <CertificateActions certificate={c} canDownload={c.status === 'issued'} />
              </li>
            ))}
          </ul>
        </>
      )}
      {entry.records.length > 0 && (
        <>
          <h4 id={`${headingId}-records`}>{t('learning.history.records')}</h4>
          {/* Focusable: on a phone the table scrolls, and keyboards must scroll it too. */}
          <div
            className="table-wrap"
            tabIndex={0}
            role="region"
            aria-labelledby={`${headingId}-records`}
          >
            <table className="table" aria-labelledby={`${headingId}-records`}>
              <thead>
                <tr>
                  <th scope="col">{t('learning.history.recordTitle')}</th>
                  <th scope="col">{t('learning.history.provider')}</th>
                  <th scope="col" className="num">
                    {t('learning.history.recordHours')}
                  </th>
                  <th scope="col">{t('learning.history.completedOn')}</th>
                  <th scope="col">{t('learning.history.evidence')}</th>
                </tr>
              </thead>
              <tbody>
                {entry.records.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">{r.title}</th>
                    <td>{r.provider}</td>
                    <td className="num">{formatNumber(r.hours, lng)}</td>
                    <td>{day(r.completedOn, lng)}</td>
                    <td>
                      <MyEvidenceButton record={r} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

/** The year's requirements in one sentence each ("Năm 2026: cần 24 giờ, đã có 6 giờ, …"). */
function YearRequirements({ year }: { year: number }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.resolvedLanguage;
  // This year's are the home page's query (same cache entry).
  const query = useMyRequirements(year === currentYear() ? undefined : year);
  if (query.isPending) return null;
  if (query.isError) return <p className="muted">{t('learning.history.requirementsError')}</p>;
  if (!query.data.length) return <p className="muted">{t('learning.history.noRequirement')}</p>;
  return (
    <ul className="plain-list">
      {query.data.map((r) => (
        <li key={r.id}>
          {t('requirements.summary', {
            year: r.year,
            hours: formatNumber(r.hours, lng),
            earned: formatNumber(r.hoursEarned, lng),
            due: day(r.dueDate, lng),
          })}{' '}
          <strong className={`badge badge--${r.status}`}>
            {t(`requirements.status.${r.status}`)}
          </strong>
        </li>
      ))}
    </ul>
  );
}
