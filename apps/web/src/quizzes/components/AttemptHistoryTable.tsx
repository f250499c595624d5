import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../i18n/format';
import type { AttemptSummary } from '../api';

export function AttemptHistoryTable({
  attempts,
  reviewPath,
}: {
  attempts: AttemptSummary[];
  reviewPath: (attemptId: string) => string;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.resolvedLanguage;
  if (attempts.length === 0) return <p className="muted">{t('quiz.noAttempts')}</p>;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{t('quiz.history')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('quiz.attemptNumber')}</th>
            <th scope="col">{t('quiz.startedAt')}</th>
            <th scope="col">{t('quiz.scoreColumn')}</th>
            <th scope="col">{t('quiz.resultColumn')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('quiz.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {attempts.map((a) => (
            <tr key={a.attemptId}>
              <td>{a.number}</td>
              <td>{a.startedAt ? formatDateTime(a.startedAt, lng) : '—'}</td>
              <td>{a.score ?? '—'}</td>
              <td>
                {a.status === 'open'
                  ? t('quiz.statusOpen')
                  : a.passed === null
                    ? t(`quiz.status.${a.status}`)
                    : a.passed
                      ? t('quiz.passed')
                      : t('quiz.failed')}
              </td>
              <td>
                {a.status !== 'open' && (
                  <Link to={reviewPath(a.attemptId)}>{t('quiz.viewReview')}</Link>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
