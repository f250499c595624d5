import type { CurriculumDetail } from '@dx/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorTexts } from '../../api/error-text';
import { FormError } from '../../app/FormError';
import { InputField, TextareaField } from '../../app/FormField';
import { curriculumKeys, updateCurriculum } from '../api';

/** One job title per line: what the API's `jobTitles` array holds. */
const linesOf = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** Title, description, audience, job titles and yearly hours of a curriculum. */
export function CurriculumFieldsForm({ curriculum }: { curriculum: CurriculumDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState(curriculum.title);
  const [description, setDescription] = useState(curriculum.description);
  const [audience, setAudience] = useState(curriculum.audience);
  const [jobTitles, setJobTitles] = useState(curriculum.jobTitles.join('\n'));
  const [hours, setHours] = useState(String(curriculum.hoursPerYear));
  const save = useMutation({
    mutationFn: () =>
      updateCurriculum(curriculum.id, {
        title: title.trim(),
        description: description.trim(),
        audience: audience.trim(),
        jobTitles: linesOf(jobTitles),
        hoursPerYear: hours.trim() === '' ? Number.NaN : Number(hours.replace(',', '.')),
      }),
    onSuccess: (saved) => queryClient.setQueryData(curriculumKeys.detail(saved.id), saved),
  });
  const errors = fieldErrorTexts(t, save.error);
  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }
  return (
    <form className="form" onSubmit={submit} noValidate>
      <InputField
        id="cur-title"
        label={t('curriculumAdmin.titleField')}
        value={title}
        onValue={setTitle}
        required
        error={errors.title}
      />
      <TextareaField
        id="cur-description"
        label={t('curriculumAdmin.description')}
        value={description}
        onValue={setDescription}
        rows={3}
        error={errors.description}
      />
      <InputField
        id="cur-audience"
        label={t('curriculumAdmin.audience')}
        value={audience}
        onValue={setAudience}
        error={errors.audience}
      />
      <TextareaField
        id="cur-job-titles"
        label={t('curriculumAdmin.jobTitles')}
        hint={t('curriculumAdmin.jobTitlesHint')}
        value={jobTitles}
        onValue={setJobTitles}
        rows={3}
        error={errors.jobTitles}
      />
      <InputField
        id="cur-hours"
        label={t('curriculumAdmin.hoursPerYear')}
        short
        inputMode="decimal"
        value={hours}
        onValue={setHours}
        error={errors.hoursPerYear}
      />
      {save.isError && Object.keys(errors).length === 0 && <FormError error={save.error} />}
      {save.isSuccess && (
        <p className="alert alert--success" role="status">
          {t('curriculumAdmin.saved')}
        </p>
      )}
      <div className="button-row">
        <button
          type="submit"
          className="button button--primary"
          disabled={save.isPending}
          aria-busy={save.isPending}
        >
          {t('curriculumAdmin.save')}
        </button>
      </div>
    </form>
  );
}
