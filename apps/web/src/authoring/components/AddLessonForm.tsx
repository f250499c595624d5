import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorTexts } from '../../api/error-text';
import { FormError } from '../../app/FormError';
import { addLesson, uploadLessonFile, type LessonInput } from '../api';
import { useDraftMutation } from '../hooks/useCourseDraft';
import {
  allOnFields,
  lessonFormErrors,
  lessonFieldTexts,
  type LessonBody,
  type LessonFieldErrors,
} from '../lesson-form';
import { LessonBodyFields } from './LessonBodyFields';
import { LessonFields, lessonFieldsInput } from './LessonFields';

const EMPTY: LessonBody = { title: '', kind: 'text', duration: '10', content: '', videoUrl: '' };

/**
 * Adds a lesson under a module with everything its kind needs in one go: the Markdown of a
 * reading lesson, the address of a video, the file of a document (uploaded right after).
 */
export function AddLessonForm({ courseId, moduleId }: { courseId: string; moduleId: string }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<LessonBody>(EMPTY);
  const [checked, setChecked] = useState<LessonFieldErrors>({});
  // A new round after each lesson added: remounts the body fields, so the file input empties.
  const [round, setRound] = useState(0);
  const add = useDraftMutation(courseId, async (input: LessonInput & { file?: File | null }) => {
    const { file, ...lesson } = input;
    const created = await addLesson(moduleId, lesson);
    if (file) await uploadLessonFile(created.id, file);
    return created;
  });
  const errors = lessonFieldTexts(fieldErrorTexts(t, add.error), checked, (k) =>
    t(k as 'authoring.lessonErrors.summary'),
  );
  const prefix = `add-lesson-${moduleId}`;
  const change = (patch: Partial<LessonBody>) => {
    setValues((v) => ({ ...v, ...patch }));
    setChecked({});
  };

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const problems = lessonFormErrors(values, { requireFile: true });
    setChecked(problems);
    if (Object.keys(problems).length > 0) return;
    const input: LessonInput & { file?: File | null } = lessonFieldsInput(values);
    if (values.kind === 'text') input.content = values.content;
    if (values.kind === 'video') input.videoUrl = values.videoUrl.trim();
    if (values.kind === 'file') input.file = values.file;
    // Kind and duration carry over to the next lesson; what belonged to this one is cleared.
    add.mutate(input, {
      onSuccess: () => {
        setValues((v) => ({ ...EMPTY, kind: v.kind, duration: v.duration }));
        setRound((r) => r + 1);
      },
    });
  }

  return (
    <form className="form add-form" onSubmit={onSubmit} noValidate>
      <h3 className="add-form__title">{t('authoring.addLesson')}</h3>
      {Object.keys(checked).length > 0 && (
        <p className="alert alert--error" role="alert">
          {t('authoring.lessonErrors.summary')}
        </p>
      )}
      {allOnFields(add.error) ? (
        <p className="alert alert--error" role="alert">
          {t('authoring.lessonErrors.summary')}
        </p>
      ) : (
        <FormError error={add.error} />
      )}
      <LessonFields
        idPrefix={prefix}
        titleLabel={t('authoring.newLessonTitle')}
        inline
        values={values}
        errors={errors}
        onChange={change}
      />
      <LessonBodyFields
        key={`${values.kind}-${round}`}
        idPrefix={prefix}
        kind={values.kind}
        content={values.content}
        videoUrl={values.videoUrl}
        errors={errors}
        onContent={(content) => change({ content })}
        onVideoUrl={(videoUrl) => change({ videoUrl })}
        onFile={(file) => change({ file })}
      />
      <button type="submit" className="button" disabled={add.isPending} aria-busy={add.isPending}>
        {t('authoring.addLesson')}
      </button>
      {add.isSuccess && (
        <span role="status" className="muted">
          {t('authoring.lessonAdded')}
        </span>
      )}
    </form>
  );
}
