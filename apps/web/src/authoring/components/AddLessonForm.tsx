import type { LessonKind } from '@dx/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../app/FormError';
import { addLesson, type LessonInput } from '../api';
import { useDraftMutation } from '../hooks/useCourseDraft';

const KINDS: LessonKind[] = ['text', 'video', 'file'];

export function AddLessonForm({ courseId, moduleId }: { courseId: string; moduleId: string }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<LessonKind>('text');
  const [duration, setDuration] = useState('10');
  const add = useDraftMutation(courseId, (input: LessonInput) => addLesson(moduleId, input));
  const prefix = `add-lesson-${moduleId}`;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    add.mutate(
      {
        title: title.trim(),
        kind,
        durationMinutes: Math.max(0, Math.round(Number(duration) || 0)),
      },
      { onSuccess: () => setTitle('') },
    );
  }

  return (
    <form className="form add-form" onSubmit={onSubmit}>
      <FormError error={add.error} />
      <div className="form-row">
        <div className="field">
          <label htmlFor={`${prefix}-title`}>{t('authoring.newLessonTitle')}</label>
          <input
            id={`${prefix}-title`}
            type="text"
            required
            maxLength={255}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
        </div>
        <div className="field field--short">
          <label htmlFor={`${prefix}-kind`}>{t('authoring.lessonKind')}</label>
          <select
            id={`${prefix}-kind`}
            value={kind}
            onChange={(e) => setKind(e.target.value as LessonKind)}
          >
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`lessonKind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--short">
          <label htmlFor={`${prefix}-duration`}>{t('authoring.duration')}</label>
          <input
            id={`${prefix}-duration`}
            type="number"
            min={0}
            max={1440}
            value={duration}
            onChange={(e) => setDuration(e.target.value)}
          />
        </div>
      </div>
      <button type="submit" className="button" disabled={add.isPending}>
        {t('authoring.addLesson')}
      </button>
    </form>
  );
}
