import type { AuthoringLesson } from '@dx/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorTexts } from '../../api/error-text';
import { FormError } from '../../app/FormError';
import { deleteLesson, updateLesson, type LessonInput } from '../api';
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
import { LessonFileUpload } from './LessonFileUpload';

/** One lesson, folded; open it to edit its title, kind, duration and content. */
export function LessonEditor({ courseId, lesson }: { courseId: string; lesson: AuthoringLesson }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<LessonBody>({
    title: lesson.title,
    kind: lesson.kind,
    duration: String(lesson.durationMinutes),
    minMinutes: String(Math.round(lesson.minSeconds / 60)),
    content: lesson.content ?? '',
    videoUrl: lesson.videoUrl ?? '',
  });
  const [checked, setChecked] = useState<LessonFieldErrors>({});
  const { kind } = values;
  const save = useDraftMutation(courseId, (input: Partial<LessonInput>) =>
    updateLesson(lesson.id, input),
  );
  const remove = useDraftMutation(courseId, () => deleteLesson(lesson.id));
  const errors = lessonFieldTexts(fieldErrorTexts(t, save.error), checked, (k) =>
    t(k as 'authoring.lessonErrors.summary'),
  );
  const prefix = `lesson-${lesson.id}`;
  const change = (patch: Partial<LessonBody>) => {
    setValues((v) => ({ ...v, ...patch }));
    setChecked({});
  };

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const problems = lessonFormErrors(values);
    setChecked(problems);
    if (Object.keys(problems).length > 0) return;
    const input: Partial<LessonInput> = lessonFieldsInput(values);
    if (kind === 'text') input.content = values.content;
    // Only a video lesson may keep an address: switching away clears it.
    input.videoUrl = kind === 'video' ? values.videoUrl.trim() : null;
    save.mutate(input);
  }

  function onDelete() {
    if (window.confirm(t('authoring.confirmDeleteLesson', { title: lesson.title }))) {
      remove.mutate(undefined);
    }
  }

  const summaryShown = Object.keys(checked).length > 0 || allOnFields(save.error);
  return (
    <details className="editor-item">
      <summary>
        {lesson.title}{' '}
        <span className="muted">
          · {t(`lessonKind.${lesson.kind}`)} ·{' '}
          {t('course.minutes', { minutes: lesson.durationMinutes })}
        </span>
      </summary>
      <form className="form" onSubmit={onSubmit} noValidate>
        {summaryShown ? (
          <p className="alert alert--error" role="alert">
            {t('authoring.lessonErrors.summary')}
          </p>
        ) : (
          <FormError error={save.error ?? remove.error} />
        )}
        <LessonFields
          idPrefix={prefix}
          titleLabel={t('authoring.lessonTitle')}
          values={values}
          errors={errors}
          onChange={change}
        />
        <LessonBodyFields
          idPrefix={prefix}
          kind={kind}
          content={values.content}
          videoUrl={values.videoUrl}
          errors={errors}
          onContent={(content) => change({ content })}
          onVideoUrl={(videoUrl) => change({ videoUrl })}
        />
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={save.isPending}>
            {t('authoring.saveLesson')}
          </button>
          <button
            type="button"
            className="button button--danger"
            onClick={onDelete}
            disabled={remove.isPending}
          >
            {t('authoring.deleteLesson')}
          </button>
          {save.isSuccess && (
            <span role="status" className="muted">
              {t('authoring.saved')}
            </span>
          )}
        </div>
      </form>
      {kind === 'file' && lesson.kind === 'file' && (
        <LessonFileUpload courseId={courseId} lesson={lesson} />
      )}
      {kind === 'file' && lesson.kind !== 'file' && (
        <p className="muted">{t('authoring.saveBeforeUpload')}</p>
      )}
    </details>
  );
}
