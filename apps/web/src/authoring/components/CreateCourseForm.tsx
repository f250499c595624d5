import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { isApiError } from '../../api/api-error';
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

  // A taken code is the author's to fix: said beside the field, in the reader's language.
  const codeTaken =
    isApiError(create.error) &&
    create.error.statusCode === 409 &&
    !!create.error.fieldError('code');

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
      {!codeTaken && <FormError error={create.error} />}
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
        {...(codeTaken
          ? {
              'aria-invalid': true,
              'aria-describedby': 'new-course-code-error new-course-code-hint',
            }
          : {})}
      >
        {codeTaken && (
          <p id="new-course-code-error" className="field__hint field__hint--error" role="alert">
            {t('authoring.codeTaken', { code: code.trim().toUpperCase() })}
          </p>
        )}
      </InputField>
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
