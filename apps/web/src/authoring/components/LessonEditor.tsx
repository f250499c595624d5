import type { AuthoringLesson, UpdateLessonBody } from '@dx/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../app/FormError';
import { InputField, TextareaField } from '../../app/FormField';
import { deleteLesson, updateLesson } from '../api';
import { useDraftMutation } from '../hooks/useCourseDraft';
import { LessonFields, lessonFieldsInput, type LessonFieldValues } from './LessonFields';
import { LessonFileUpload } from './LessonFileUpload';

/** One lesson, folded; open it to edit its title, kind, duration and content. */
export function LessonEditor({ courseId, lesson }: { courseId: string; lesson: AuthoringLesson }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<LessonFieldValues>({
    title: lesson.title,
    kind: lesson.kind,
    duration: String(lesson.durationMinutes),
  });
  const { kind } = values;
  const [content, setContent] = useState(lesson.content ?? '');
  const [videoUrl, setVideoUrl] = useState(lesson.videoUrl ?? '');
  const save = useDraftMutation(courseId, (input: UpdateLessonBody) =>
    updateLesson(lesson.id, input),
  );
  const remove = useDraftMutation(courseId, () => deleteLesson(lesson.id));
  const prefix = `lesson-${lesson.id}`;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const input: UpdateLessonBody = lessonFieldsInput(values);
    if (kind === 'text') input.content = content;
    if (kind === 'video') input.videoUrl = videoUrl.trim() || null;
    save.mutate(input);
  }

  function onDelete() {
    if (window.confirm(t('authoring.confirmDeleteLesson', { title: lesson.title }))) {
      remove.mutate(undefined);
    }
  }

  return (
    <details className="editor-item">
      <summary>
        {lesson.title}{' '}
        <span className="muted">
          · {t(`lessonKind.${lesson.kind}`)} ·{' '}
          {t('course.minutes', { minutes: lesson.durationMinutes })}
        </span>
      </summary>
      <form className="form" onSubmit={onSubmit}>
        <FormError error={save.error ?? remove.error} />
        <LessonFields
          idPrefix={prefix}
          titleLabel={t('authoring.lessonTitle')}
          values={values}
          onChange={(patch) => setValues((v) => ({ ...v, ...patch }))}
        />
        {kind === 'text' && (
          <TextareaField
            id={`${prefix}-content`}
            label={t('authoring.content')}
            hint={t('authoring.markdownHint')}
            className="mono"
            rows={12}
            value={content}
            onValue={setContent}
          />
        )}
        {kind === 'video' && (
          <InputField
            id={`${prefix}-video`}
            label={t('authoring.videoUrl')}
            type="url"
            inputMode="url"
            placeholder="https://www.youtube.com/watch?v=…"
            value={videoUrl}
            onValue={setVideoUrl}
          />
        )}
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
