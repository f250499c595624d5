import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../app/FormError';
import { addLesson, type LessonInput } from '../api';
import { useDraftMutation } from '../hooks/useCourseDraft';
import { LessonFields, lessonFieldsInput, type LessonFieldValues } from './LessonFields';

export function AddLessonForm({ courseId, moduleId }: { courseId: string; moduleId: string }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<LessonFieldValues>({
    title: '',
    kind: 'text',
    duration: '10',
  });
  const add = useDraftMutation(courseId, (input: LessonInput) => addLesson(moduleId, input));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    // Only the title is cleared: kind and duration carry over to the next lesson.
    add.mutate(lessonFieldsInput(values), {
      onSuccess: () => setValues((v) => ({ ...v, title: '' })),
    });
  }

  return (
    <form className="form add-form" onSubmit={onSubmit}>
      <FormError error={add.error} />
      <LessonFields
        idPrefix={`add-lesson-${moduleId}`}
        titleLabel={t('authoring.newLessonTitle')}
        inline
        values={values}
        onChange={(patch) => setValues((v) => ({ ...v, ...patch }))}
      />
      <button type="submit" className="button" disabled={add.isPending}>
        {t('authoring.addLesson')}
      </button>
    </form>
  );
}
