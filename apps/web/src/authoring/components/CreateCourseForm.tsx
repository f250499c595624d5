import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { FormError } from '../../app/FormError';
import { authoringKeys, createCourse } from '../api';

export function CreateCourseForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [hours, setHours] = useState('4');
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
      title: title.trim(),
      description: description.trim() || undefined,
      hours: Number(hours.replace(',', '.')),
    });
  }

  return (
    <form className="form" onSubmit={onSubmit}>
      <FormError error={create.error} />
      <div className="field">
        <label htmlFor="new-course-code">{t('authoring.code')}</label>
        <input
          id="new-course-code"
          type="text"
          required
          maxLength={64}
          autoCapitalize="characters"
          spellCheck={false}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          aria-describedby="new-course-code-hint"
        />
        <p className="muted field__hint" id="new-course-code-hint">
          {t('authoring.codeHint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor="new-course-title">{t('authoring.courseTitle')}</label>
        <input
          id="new-course-title"
          type="text"
          required
          maxLength={255}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="new-course-description">{t('authoring.description')}</label>
        <textarea
          id="new-course-description"
          rows={3}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
      </div>
      <div className="field field--short">
        <label htmlFor="new-course-hours">{t('authoring.hours')}</label>
        <input
          id="new-course-hours"
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
