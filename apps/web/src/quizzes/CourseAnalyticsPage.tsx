import { useQuery } from '@tanstack/react-query';
import type { QuizAnalytics } from '@dx/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { PageError, PageLoading } from '../app/PageStatus';
import { saveBlob } from '../app/save-blob';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { formatNumber, formatPercent } from '../i18n/format';
import {
  analyticsKey,
  downloadAnalyticsCsv,
  fetchCourseAnalytics,
  monthLabel,
} from './analytics-api';

/** Trainer analytics of one course: enrolment and completion figures, then every quiz's questions. */
export default function CourseAnalyticsPage() {
  const { t, i18n } = useTranslation();
  const courseId = useParams().courseId ?? '';
  const analytics = useQuery({
    queryKey: analyticsKey(courseId),
    queryFn: ({ signal }) => fetchCourseAnalytics(courseId, signal),
  });
  useDocumentTitle(t('analytics.title'));
  if (analytics.isPending) return <PageLoading />;
  if (analytics.isError) {
    return <PageError error={analytics.error} onRetry={() => void analytics.refetch()} />;
  }
  const a = analytics.data;
  const lang = i18n.language;

  async function exportCsv() {
    const file = await downloadAnalyticsCsv(courseId);
    saveBlob(file.blob, file.fileName ?? 'thong-ke-khoa-hoc.csv');
  }

  return (
    <>
      <p>
        <Link to={`/authoring/courses/${encodeURIComponent(courseId)}`}>
          ← {t('analytics.backToCourse')}
        </Link>
      </p>
      <h1>{t('analytics.title')}</h1>
      <section className="card">
        <dl className="details">
          <div>
            <dt>{t('analytics.enrolments')}</dt>
            <dd data-testid="analytics-enrolments">{formatNumber(a.enrolments, lang)}</dd>
          </div>
          <div>
            <dt>{t('analytics.completions')}</dt>
            <dd>{formatNumber(a.completions, lang)}</dd>
          </div>
          <div>
            <dt>{t('analytics.completionRate')}</dt>
            <dd>{formatPercent(a.completionRate, lang)}</dd>
          </div>
          <div>
            <dt>{t('analytics.medianDays')}</dt>
            <dd>
              {a.medianDaysToComplete === null
                ? '—'
                : t('analytics.days', { days: formatNumber(a.medianDaysToComplete, lang) })}
            </dd>
          </div>
        </dl>
        {a.completionsByMonth.length > 0 && (
          <table className="table">
            <caption>{t('analytics.byMonth')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('analytics.month')}</th>
                <th scope="col">{t('analytics.completions')}</th>
              </tr>
            </thead>
            <tbody>
              {a.completionsByMonth.map((m) => (
                <tr key={m.month}>
                  <td>{monthLabel(m.month)}</td>
                  <td>{formatNumber(m.completions, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <button type="button" className="button" onClick={() => void exportCsv()}>
          {t('analytics.exportCsv')}
        </button>
      </section>
      {a.quizzes.map((quiz) => (
        <QuizQuestionsTable key={quiz.quizId} quiz={quiz} />
      ))}
    </>
  );
}

function QuizQuestionsTable({ quiz }: { quiz: QuizAnalytics }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <section className="card" aria-labelledby={`quiz-${quiz.quizId}`}>
      <h2 id={`quiz-${quiz.quizId}`}>
        {quiz.title}{' '}
        <span className="muted">{t('analytics.version', { version: quiz.version })}</span>
      </h2>
      <p className="muted">
        {t('analytics.quizSummary', {
          attempts: formatNumber(quiz.attempts, lang),
          mean: quiz.meanScore === null ? '—' : formatNumber(quiz.meanScore, lang),
          passRate: quiz.passRate === null ? '—' : formatPercent(quiz.passRate, lang),
        })}
      </p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('analytics.question')}</th>
            <th scope="col">{t('analytics.answered')}</th>
            <th scope="col">{t('analytics.difficulty')}</th>
            <th scope="col">{t('analytics.discrimination')}</th>
            <th scope="col">{t('analytics.flags')}</th>
          </tr>
        </thead>
        <tbody>
          {quiz.questions.map((q) => (
            <tr key={q.questionId}>
              <td>{q.text}</td>
              <td>{formatNumber(q.answered, lang)}</td>
              <td>{q.difficulty === null ? '—' : formatPercent(q.difficulty, lang)}</td>
              <td>{q.discrimination === null ? '—' : formatNumber(q.discrimination, lang)}</td>
              <td>{q.flags.map((f) => t(`analytics.flag.${f}`)).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
