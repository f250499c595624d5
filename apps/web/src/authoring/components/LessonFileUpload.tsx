import type { AuthoringLesson } from '@dx/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../app/FormError';
import { LESSON_FILE_ACCEPT, LESSON_FILE_MAX_BYTES, uploadLessonFile } from '../api';
import { useDraftMutation } from '../hooks/useCourseDraft';

/** Multipart upload of a file lesson's attachment (checked for size before sending). */
export function LessonFileUpload({
  courseId,
  lesson,
}: {
  courseId: string;
  lesson: AuthoringLesson;
}) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [tooBig, setTooBig] = useState(false);
  const upload = useDraftMutation(courseId, (f: File) => uploadLessonFile(lesson.id, f));
  const inputId = `lesson-${lesson.id}-file`;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    if (file.size > LESSON_FILE_MAX_BYTES) return setTooBig(true);
    upload.mutate(file);
  }

  return (
    <form className="form upload" onSubmit={onSubmit}>
      <p>
        {lesson.hasFile
          ? t('authoring.currentFile', { name: lesson.fileName ?? '' })
          : t('authoring.noFile')}
      </p>
      {tooBig && (
        <p className="alert alert--error" role="alert">
          {t('authoring.fileTooBig')}
        </p>
      )}
      <FormError error={upload.error} />
      <div className="field">
        <label htmlFor={inputId}>{t('authoring.chooseFile')}</label>
        <input
          id={inputId}
          type="file"
          accept={LESSON_FILE_ACCEPT}
          onChange={(e) => {
            setTooBig(false);
            setFile(e.target.files?.[0] ?? null);
          }}
        />
        <p className="muted field__hint">{t('authoring.fileHint')}</p>
      </div>
      <div className="button-row">
        <button
          type="submit"
          className="button"
          disabled={!file || upload.isPending}
          aria-busy={upload.isPending}
        >
          {t('authoring.upload')}
        </button>
        {upload.isSuccess && (
          <span role="status" className="muted">
            {t('authoring.uploaded')}
          </span>
        )}
      </div>
    </form>
  );
}
