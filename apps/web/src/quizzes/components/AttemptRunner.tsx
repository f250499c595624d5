import type { OpenAttemptResponse } from '@dx/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { isApiError } from '../../api/api-error';
import { PageError } from '../../app/PageStatus';
import { PHONE_QUERY, useMediaQuery } from '../../app/useMediaQuery';
import { isAnswered, toAnswerValue, type AttemptAnswers } from '../api';
import { useAttemptAnswers, useSubmitAttempt } from '../hooks/useAttemptSession';
import { useCountdown } from '../hooks/useCountdown';
import { quizReviewPath, quizStartPath } from '../quiz-paths';
import { QuestionPalette } from './QuestionPalette';
import { QuestionView } from './QuestionView';
import { QuizTimer } from './QuizTimer';
import { SubmitDialog } from './SubmitDialog';

export interface RunningAttempt extends OpenAttemptResponse {
  /** The server's clock minus ours, in ms. */
  offsetMs: number;
  savedAnswers: AttemptAnswers;
}

/** One attempt under way: questions, palette, countdown, saving, submit. */
export function AttemptRunner({
  attempt,
  quizId,
  courseId,
  title,
}: {
  attempt: RunningAttempt;
  quizId: string;
  courseId: string | null;
  title: string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const phone = useMediaQuery(PHONE_QUERY);
  const { attemptId, questions } = attempt;
  const { answers, answersRef, choose, saveState, cancelSaves } = useAttemptAnswers(
    attemptId,
    quizId,
    courseId,
    questions,
    attempt.savedAnswers,
  );
  const submit = useSubmitAttempt(attemptId, quizId, courseId);
  const remaining = useCountdown(attempt.expiresAt, attempt.offsetMs);
  const [current, setCurrent] = useState(0);
  const [confirming, setConfirming] = useState(false);
  const [timedOut, setTimedOut] = useState(false);
  const submitStarted = useRef(false);

  const doSubmit = useCallback(() => {
    if (submitStarted.current) return;
    submitStarted.current = true;
    cancelSaves();
    submit.mutate(answersRef.current, {
      onSuccess: () => navigate(quizReviewPath(quizId, attemptId, courseId), { replace: true }),
      onError: () => {
        submitStarted.current = false;
        setConfirming(false);
      },
    });
  }, [answersRef, attemptId, cancelSaves, courseId, navigate, quizId, submit]);

  useEffect(() => {
    if (remaining === 0 && !timedOut) {
      setTimedOut(true);
      doSubmit();
    }
  }, [remaining, timedOut, doSubmit]);

  const closed = isApiError(submit.error) && submit.error.statusCode === 409;
  if (closed) {
    return (
      <section className="card" role="alert">
        <h1>{title}</h1>
        <p className="alert alert--error">{t('quiz.closed')}</p>
        <Link className="button" to={quizStartPath(quizId, courseId)}>
          {t('quiz.backToQuiz')}
        </Link>
      </section>
    );
  }

  const unanswered = questions.filter((q) => !isAnswered(answers[q.id])).length;
  const shown = phone ? questions.slice(current, current + 1) : questions;

  function select(index: number) {
    setCurrent(index);
    if (!phone) {
      const el = document.getElementById(`q-${questions[index]?.id}`);
      el?.scrollIntoView({ behavior: 'smooth', block: 'start' });
      el?.querySelector<HTMLElement>('input, select, button')?.focus({ preventScroll: true });
    }
  }

  return (
    <div className="attempt">
      <header className="attempt__bar">
        <h1 className="attempt__title">{title}</h1>
        {remaining !== null && <QuizTimer remainingMs={remaining} />}
        <p className="muted attempt__save" role="status" aria-live="polite">
          {saveState === 'saving' && t('quiz.saving')}
          {saveState === 'saved' && t('quiz.saved')}
          {saveState === 'error' && t('quiz.saveError')}
        </p>
      </header>
      {timedOut && <p className="alert alert--error">{t('quiz.timeUp')}</p>}
      {submit.isError && <PageError error={submit.error} />}
      <QuestionPalette
        questions={questions}
        answers={answers}
        current={phone ? current : null}
        onSelect={select}
      />
      <form
        className="attempt__questions"
        onSubmit={(e) => {
          e.preventDefault();
          setConfirming(true);
        }}
      >
        {shown.map((q) => {
          const index = questions.indexOf(q);
          return (
            <QuestionView
              key={q.id}
              question={q}
              index={index}
              answer={toAnswerValue(answers[q.id])}
              onChange={(value) => choose(q.id, value)}
              disabled={submit.isPending}
            />
          );
        })}
        {phone && (
          <div className="button-row button-row--split">
            <button
              type="button"
              className="button"
              disabled={current === 0}
              onClick={() => setCurrent((c) => c - 1)}
            >
              ← {t('quiz.previousQuestion')}
            </button>
            <button
              type="button"
              className="button"
              disabled={current >= questions.length - 1}
              onClick={() => setCurrent((c) => c + 1)}
            >
              {t('quiz.nextQuestion')} →
            </button>
          </div>
        )}
        <button type="submit" className="button button--primary" disabled={submit.isPending}>
          {t('quiz.submit')}
        </button>
      </form>
      <SubmitDialog
        open={confirming && !timedOut}
        unanswered={unanswered}
        busy={submit.isPending}
        onConfirm={doSubmit}
        onCancel={() => setConfirming(false)}
      />
    </div>
  );
}
