import type { CourseDraft } from '@dx/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../app/FormError';
import { updateCourse } from '../api';
import { useDraftMutation } from '../hooks/useCourseDraft';

export function CourseInfoForm({ draft }: { draft: CourseDraft }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(draft.title);
  const [description, setDescription] = useState(draft.description);
  const [hours, setHours] = useState(String(draft.hours));
  const save = useDraftMutation(draft.id, () =>
    updateCourse(draft.id, {
      title: title.trim(),
      description: description.trim(),
      hours: Number(hours.replace(',', '.')),
    }),
  );

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    save.mutate(undefined);
  }

  return (
    <form className="form" onSubmit={onSubmit} aria-labelledby="course-info-title">
      <h2 id="course-info-title">{t('authoring.courseInfo')}</h2>
      <FormError error={save.error} />
      <div className="field">
        <label htmlFor="course-title">{t('authoring.courseTitle')}</label>
        <input
          id="course-title"
          type="text"
          required
          maxLength={255}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="course-description">{t('authoring.description')}</label>
        <textarea
          id="course-description"
          rows={4}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
      </div>
      <div className="field field--short">
        <label htmlFor="course-hours">{t('authoring.hours')}</label>
        <input
          id="course-hours"
          type="number"
          inputMode="decimal"
          min={0.25}
          max={1000}
          step={0.25}
          required
          value={hours}
          onChange={(e) => setHours(e.target.value)}
        />
      </div>
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {t('authoring.save')}
        </button>
        {save.isSuccess && (
          <span role="status" className="muted">
            {t('authoring.saved')}
          </span>
        )}
      </div>
    </form>
  );
}
