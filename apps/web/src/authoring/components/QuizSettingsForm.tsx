import type { AuthoringQuiz, QuizKind } from '@dx/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../app/FormError';
import type { QuizInput } from '../api';

const KINDS: QuizKind[] = ['final', 'practice'];
const optionalInt = (value: string): number | null => {
  const n = Math.round(Number(value));
  return value.trim() && Number.isFinite(n) && n > 0 ? n : null;
};

/** Title, kind, pass mark and limits of a quiz; empty limits mean "none". */
export function QuizSettingsForm({
  quiz,
  idPrefix,
  submitLabel,
  pending,
  error,
  onSubmit,
}: {
  quiz?: AuthoringQuiz;
  idPrefix: string;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (input: QuizInput) => void;
}) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(quiz?.title ?? t('authoring.defaultQuizTitle'));
  const [kind, setKind] = useState<QuizKind>(quiz?.kind ?? 'final');
  const [passingScore, setPassingScore] = useState(String(quiz?.passingScore ?? 50));
  const [minutes, setMinutes] = useState(
    quiz?.timeLimitSeconds ? String(Math.round(quiz.timeLimitSeconds / 60)) : '',
  );
  const [maxAttempts, setMaxAttempts] = useState(quiz?.maxAttempts ? String(quiz.maxAttempts) : '');
  const [perAttempt, setPerAttempt] = useState(
    quiz?.questionsPerAttempt ? String(quiz.questionsPerAttempt) : '',
  );
  const [shuffle, setShuffle] = useState(quiz?.shuffle ?? true);

  function submit(event: FormEvent) {
    event.preventDefault();
    const limit = optionalInt(minutes);
    onSubmit({
      title: title.trim(),
      kind,
      passingScore: Math.min(100, Math.max(0, Math.round(Number(passingScore) || 0))),
      timeLimitSeconds: limit === null ? null : limit * 60,
      maxAttempts: optionalInt(maxAttempts),
      questionsPerAttempt: optionalInt(perAttempt),
      shuffle,
    });
  }

  const field = (name: string) => `${idPrefix}-${name}`;
  return (
    <form className="form" onSubmit={submit}>
      <FormError error={error} />
      <div className="field">
        <label htmlFor={field('title')}>{t('authoring.quizTitle')}</label>
        <input
          id={field('title')}
          type="text"
          required
          maxLength={255}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
      </div>
      <div className="form-row">
        <div className="field">
          <label htmlFor={field('kind')}>{t('authoring.quizKind')}</label>
          <select
            id={field('kind')}
            value={kind}
            onChange={(e) => setKind(e.target.value as QuizKind)}
          >
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`quizKind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--short">
          <label htmlFor={field('pass')}>{t('authoring.passingScore')}</label>
          <input
            id={field('pass')}
            type="number"
            min={0}
            max={100}
            required
            value={passingScore}
            onChange={(e) => setPassingScore(e.target.value)}
          />
        </div>
        <div className="field field--short">
          <label htmlFor={field('minutes')}>{t('authoring.timeLimitMinutes')}</label>
          <input
            id={field('minutes')}
            type="number"
            min={1}
            max={1440}
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
          />
        </div>
        <div className="field field--short">
          <label htmlFor={field('attempts')}>{t('authoring.maxAttempts')}</label>
          <input
            id={field('attempts')}
            type="number"
            min={1}
            max={100}
            value={maxAttempts}
            onChange={(e) => setMaxAttempts(e.target.value)}
          />
        </div>
        <div className="field field--short">
          <label htmlFor={field('per')}>{t('authoring.questionsPerAttempt')}</label>
          <input
            id={field('per')}
            type="number"
            min={1}
            max={500}
            value={perAttempt}
            onChange={(e) => setPerAttempt(e.target.value)}
          />
        </div>
      </div>
      <p className="muted field__hint">{t('authoring.limitsHint')}</p>
      <label className="option option--inline">
        <input type="checkbox" checked={shuffle} onChange={(e) => setShuffle(e.target.checked)} />
        <span>{t('authoring.shuffle')}</span>
      </label>
      <div>
        <button type="submit" className="button button--primary" disabled={pending}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
