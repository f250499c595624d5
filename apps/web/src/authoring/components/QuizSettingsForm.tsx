import {
  type AuthoringQuiz,
  defaultReviewPolicy,
  type QuizKind,
  REVIEW_POLICIES,
  type ReviewPolicy,
} from '@dx/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../app/FormError';
import { InputField, SelectField } from '../../app/FormField';
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
  const [reviewPolicy, setReviewPolicy] = useState<ReviewPolicy>(
    quiz?.reviewPolicy ?? defaultReviewPolicy(kind),
  );

  /** A new kind brings its own safe default (a final must not show answers at once). */
  function changeKind(next: QuizKind) {
    setKind(next);
    if (next !== kind) setReviewPolicy(defaultReviewPolicy(next));
  }

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
      reviewPolicy,
    });
  }

  const field = (name: string) => `${idPrefix}-${name}`;
  return (
    <form className="form" onSubmit={submit}>
      <FormError error={error} />
      <InputField
        id={field('title')}
        label={t('authoring.quizTitle')}
        required
        maxLength={255}
        value={title}
        onValue={setTitle}
      />
      <div className="form-row">
        <SelectField
          id={field('kind')}
          label={t('authoring.quizKind')}
          value={kind}
          onValue={(value) => changeKind(value as QuizKind)}
          options={KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`quizKind.${k}`)}
            </option>
          ))}
        />
        <InputField
          id={field('pass')}
          label={t('authoring.passingScore')}
          short
          type="number"
          min={0}
          max={100}
          required
          value={passingScore}
          onValue={setPassingScore}
        />
        <InputField
          id={field('minutes')}
          label={t('authoring.timeLimitMinutes')}
          short
          type="number"
          min={1}
          max={1440}
          value={minutes}
          onValue={setMinutes}
        />
        <InputField
          id={field('attempts')}
          label={t('authoring.maxAttempts')}
          short
          type="number"
          min={1}
          max={100}
          value={maxAttempts}
          onValue={setMaxAttempts}
        />
        <InputField
          id={field('per')}
          label={t('authoring.questionsPerAttempt')}
          short
          type="number"
          min={1}
          max={500}
          value={perAttempt}
          onValue={setPerAttempt}
        />
      </div>
      <p className="muted field__hint">{t('authoring.limitsHint')}</p>
      <SelectField
        id={field('review')}
        label={t('authoring.reviewPolicy')}
        value={reviewPolicy}
        onValue={(value) => setReviewPolicy(value as ReviewPolicy)}
        options={REVIEW_POLICIES.map((p) => (
          <option key={p} value={p}>
            {t(`reviewPolicy.${p}`)}
          </option>
        ))}
      />
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
