import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { FormError } from '../../app/FormError';
import { InputField } from '../../app/FormField';
import { authoringKeys, createCourse } from '../api';
import { CourseFields, parseHours, type CourseFieldValues } from './CourseFields';

export function CreateCourseForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const [values, setValues] = useState<CourseFieldValues>({
    title: '',
    description: '',
    hours: '4',
  });
  const create = useMutation({
    mutationFn: createCourse,
    onSuccess: (course) => {
      void queryClient.invalidateQueries({ queryKey: authoringKeys.all });
      navigate(`/authoring/courses/${encodeURIComponent(course.id)}`);
    },
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    create.mutate({
      code: code.trim(),
      title: values.title.trim(),
      description: values.description.trim() || undefined,
      hours: parseHours(values.hours),
    });
  }

  return (
    <form className="form" onSubmit={onSubmit}>
      <FormError error={create.error} />
      <InputField
        id="new-course-code"
        label={t('authoring.code')}
        hint={t('authoring.codeHint')}
        required
        maxLength={64}
        autoCapitalize="characters"
        spellCheck={false}
        value={code}
        onValue={setCode}
      />
      <CourseFields
        idPrefix="new-course"
        values={values}
        onChange={(patch) => setValues((v) => ({ ...v, ...patch }))}
        descriptionRows={3}
      />
      <button
        type="submit"
        className="button button--primary"
        disabled={create.isPending}
        aria-busy={create.isPending}
      >
        {t('authoring.create')}
      </button>
    </form>
  );
}
