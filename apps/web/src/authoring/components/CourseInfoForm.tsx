import type { CourseDraft } from '@dx/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../app/FormError';
import { updateCourse } from '../api';
import { useDraftMutation } from '../hooks/useCourseDraft';
import { CourseFields, parseHours, type CourseFieldValues } from './CourseFields';

export function CourseInfoForm({ draft }: { draft: CourseDraft }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<CourseFieldValues>({
    title: draft.title,
    description: draft.description,
    hours: String(draft.hours),
  });
  const [sequential, setSequential] = useState(draft.sequentialLessons);
  const save = useDraftMutation(draft.id, () =>
    updateCourse(draft.id, {
      title: values.title.trim(),
      // An empty description is sent as '' so that saving clears it.
      description: values.description.trim(),
      hours: parseHours(values.hours),
      sequentialLessons: sequential,
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
      <CourseFields
        idPrefix="course"
        values={values}
        onChange={(patch) => setValues((v) => ({ ...v, ...patch }))}
        descriptionRows={4}
      />
      <label className="option option--inline">
        <input
          type="checkbox"
          checked={sequential}
          onChange={(e) => setSequential(e.target.checked)}
        />
        <span>{t('authoring.sequentialLessons')}</span>
      </label>
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
