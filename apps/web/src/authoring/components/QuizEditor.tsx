import type { AuthoringQuiz } from '@dx/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../app/FormError';
import { DrawRulesEditor } from '../../banks/DrawRulesEditor';
import { addQuiz, deleteQuiz, updateQuiz, type QuizInput } from '../api';
import { useDraftMutation } from '../hooks/useCourseDraft';
import { QuestionEditor } from './QuestionEditor';
import { QuestionImportForm } from './QuestionImportForm';
import { QuizSettingsForm } from './QuizSettingsForm';

export function QuizEditor({ courseId, quiz }: { courseId: string; quiz: AuthoringQuiz }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const save = useDraftMutation(courseId, (input: QuizInput) => updateQuiz(quiz.id, input));
  const remove = useDraftMutation(courseId, () => deleteQuiz(quiz.id));
  const questions = [...quiz.questions].sort((a, b) => a.position - b.position);

  return (
    <section className="card quiz-editor" aria-label={quiz.title}>
      <details>
        <summary>
          <strong>{quiz.title}</strong>{' '}
          <span className="muted">
            · {t(`quizKind.${quiz.kind}`)} ·{' '}
            {t('authoring.questionCount', { n: quiz.questions.length })}
          </span>
        </summary>
        <QuizSettingsForm
          quiz={quiz}
          idPrefix={`quiz-${quiz.id}`}
          submitLabel={t('authoring.saveQuiz')}
          pending={save.isPending}
          error={save.error}
          onSubmit={(input) => save.mutate(input)}
        />
        <button
          type="button"
          className="button button--danger"
          disabled={remove.isPending}
          onClick={() =>
            window.confirm(t('authoring.confirmDeleteQuiz', { title: quiz.title })) &&
            remove.mutate(undefined)
          }
        >
          {t('authoring.deleteQuiz')}
        </button>
        <FormError error={remove.error} />
      </details>
      <h3>{t('authoring.questions')}</h3>
      {questions.length === 0 && <p className="muted">{t('authoring.noQuestions')}</p>}
      <div className="editor-list">
        {questions.map((q, i) => (
          <details key={q.id} className="editor-item">
            <summary>
              {t('quiz.questionNumber', { n: i + 1 })} {q.text}
            </summary>
            <QuestionEditor courseId={courseId} quizId={quiz.id} question={q} />
          </details>
        ))}
      </div>
      {adding ? (
        <QuestionEditor courseId={courseId} quizId={quiz.id} onDone={() => setAdding(false)} />
      ) : (
        <button type="button" className="button" onClick={() => setAdding(true)}>
          {t('authoring.newQuestion')}
        </button>
      )}
      <details>
        <summary>{t('banks.drawTitle')}</summary>
        <DrawRulesEditor courseId={courseId} quizId={quiz.id} />
      </details>
      <details>
        <summary>{t('authoring.import.title')}</summary>
        <QuestionImportForm courseId={courseId} quizId={quiz.id} />
      </details>
    </section>
  );
}

export function AddQuizForm({ courseId, onDone }: { courseId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const add = useDraftMutation(courseId, (input: QuizInput) => addQuiz(courseId, input));
  return (
    <section className="card" aria-label={t('authoring.newQuiz')}>
      <h3>{t('authoring.newQuiz')}</h3>
      <QuizSettingsForm
        idPrefix="new-quiz"
        submitLabel={t('authoring.addQuiz')}
        pending={add.isPending}
        error={add.error}
        onSubmit={(input) => add.mutate(input, { onSuccess: onDone })}
      />
      <button type="button" className="button" onClick={onDone}>
        {t('common.cancel')}
      </button>
    </section>
  );
}
