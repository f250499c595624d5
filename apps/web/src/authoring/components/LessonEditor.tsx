import type { AuthoringLesson, LessonKind } from '@dx/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../app/FormError';
import { deleteLesson, updateLesson, type LessonInput } from '../api';
import { useDraftMutation } from '../hooks/useCourseDraft';
import { LessonFileUpload } from './LessonFileUpload';

const KINDS: LessonKind[] = ['text', 'video', 'file'];

/** One lesson, folded; open it to edit its title, kind, duration and content. */
export function LessonEditor({ courseId, lesson }: { courseId: string; lesson: AuthoringLesson }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(lesson.title);
  const [kind, setKind] = useState<LessonKind>(lesson.kind);
  const [duration, setDuration] = useState(String(lesson.durationMinutes));
  const [content, setContent] = useState(lesson.content ?? '');
  const [videoUrl, setVideoUrl] = useState(lesson.videoUrl ?? '');
  const save = useDraftMutation(courseId, (input: Partial<LessonInput>) =>
    updateLesson(lesson.id, input),
  );
  const remove = useDraftMutation(courseId, () => deleteLesson(lesson.id));
  const prefix = `lesson-${lesson.id}`;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const input: Partial<LessonInput> = {
      title: title.trim(),
      kind,
      durationMinutes: Math.max(0, Math.round(Number(duration) || 0)),
    };
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
        <div className="field">
          <label htmlFor={`${prefix}-title`}>{t('authoring.lessonTitle')}</label>
          <input
            id={`${prefix}-title`}
            type="text"
            required
            maxLength={255}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
        </div>
        <div className="form-row">
          <div className="field">
            <label htmlFor={`${prefix}-kind`}>{t('authoring.lessonKind')}</label>
            <select
              id={`${prefix}-kind`}
              value={kind}
              onChange={(e) => setKind(e.target.value as LessonKind)}
            >
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`lessonKind.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field field--short">
            <label htmlFor={`${prefix}-duration`}>{t('authoring.duration')}</label>
            <input
              id={`${prefix}-duration`}
              type="number"
              min={0}
              max={1440}
              value={duration}
              onChange={(e) => setDuration(e.target.value)}
            />
          </div>
        </div>
        {kind === 'text' && (
          <div className="field">
            <label htmlFor={`${prefix}-content`}>{t('authoring.content')}</label>
            <textarea
              id={`${prefix}-content`}
              className="mono"
              rows={12}
              value={content}
              onChange={(e) => setContent(e.target.value)}
              aria-describedby={`${prefix}-content-hint`}
            />
            <p className="muted field__hint" id={`${prefix}-content-hint`}>
              {t('authoring.markdownHint')}
            </p>
          </div>
        )}
        {kind === 'video' && (
          <div className="field">
            <label htmlFor={`${prefix}-video`}>{t('authoring.videoUrl')}</label>
            <input
              id={`${prefix}-video`}
              type="url"
              inputMode="url"
              placeholder="https://www.youtube.com/watch?v=…"
              value={videoUrl}
              onChange={(e) => setVideoUrl(e.target.value)}
            />
          </div>
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
