import type { CourseDraft } from '@dx/contracts';
import { useTranslation } from 'react-i18next';

/** What learners will see once this draft is published: title, hours, chapters, quizzes. */
export function PublishSummary({ draft }: { draft: CourseDraft }) {
  const { t } = useTranslation();
  const modules = [...draft.modules].sort((a, b) => a.position - b.position);
  return (
    <div className="publish-summary">
      <p>
        <strong>{draft.title}</strong> · {t('authoring.summaryHours', { hours: draft.hours })} ·{' '}
        {t('authoring.summaryMinutes', { minutes: draft.totalMinutes })}
      </p>
      <ol>
        {modules.map((m) => (
          <li key={m.id}>
            {m.title}{' '}
            <span className="muted">
              ({t('authoring.summaryLessons', { n: m.lessons.length })})
            </span>
          </li>
        ))}
      </ol>
      {draft.quizzes.length > 0 && (
        <ul>
          {draft.quizzes.map((q) => (
            <li key={q.id}>
              {q.title}{' '}
              <span className="muted">
                ({t(`quizKind.${q.kind}`)},{' '}
                {t('authoring.questionCount', { n: q.questions.length })})
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
