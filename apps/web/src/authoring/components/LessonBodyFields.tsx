import type { LessonKind } from '@dx/contracts';
import { useTranslation } from 'react-i18next';
import { InputField } from '../../app/FormField';
import { LESSON_FILE_ACCEPT } from '../api';
import type { LessonFieldTexts } from '../lesson-form';
import { errorProps, LessonFieldError } from './LessonFieldError';
import { MarkdownEditor } from './MarkdownEditor';

/**
 * What a lesson of the chosen kind is made of: Markdown for reading, an https address for
 * video, and (when adding) the file of a document lesson.
 */
export function LessonBodyFields({
  idPrefix,
  kind,
  content,
  videoUrl,
  errors,
  onContent,
  onVideoUrl,
  onFile,
}: {
  idPrefix: string;
  kind: LessonKind;
  content: string;
  videoUrl: string;
  errors: LessonFieldTexts;
  onContent: (value: string) => void;
  onVideoUrl: (value: string) => void;
  /** Without it, the document's file is uploaded by its own form (LessonFileUpload). */
  onFile?: (file: File | null) => void;
}) {
  const { t } = useTranslation();
  if (kind === 'text') {
    return (
      <MarkdownEditor
        id={`${idPrefix}-content`}
        value={content}
        onValue={onContent}
        errors={errors}
      />
    );
  }
  if (kind === 'video') {
    const id = `${idPrefix}-video`;
    return (
      <InputField
        id={id}
        label={t('authoring.videoUrl')}
        type="url"
        inputMode="url"
        placeholder="https://www.youtube.com/watch?v=…"
        value={videoUrl}
        onValue={onVideoUrl}
        {...errorProps(id, errors, 'videoUrl')}
      >
        <LessonFieldError id={id} errors={errors} field="videoUrl" />
      </InputField>
    );
  }
  if (!onFile) return null;
  const id = `${idPrefix}-file`;
  return (
    <div className="field">
      <label htmlFor={id}>{t('authoring.chooseFile')}</label>
      <input
        id={id}
        type="file"
        accept={LESSON_FILE_ACCEPT}
        onChange={(e) => onFile(e.target.files?.[0] ?? null)}
        {...(errors.file
          ? { 'aria-invalid': true, 'aria-describedby': `${id}-error ${id}-hint` }
          : { 'aria-describedby': `${id}-hint` })}
      />
      <p className="muted field__hint" id={`${id}-hint`}>
        {t('authoring.fileHint')}
      </p>
      <LessonFieldError id={id} errors={errors} field="file" />
    </div>
  );
}
