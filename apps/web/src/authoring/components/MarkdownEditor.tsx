import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextareaField } from '../../app/FormField';
import { previewMarkdown } from '../api';
import type { LessonFieldTexts } from '../lesson-form';
import { errorProps, LessonFieldError } from './LessonFieldError';

/**
 * The Markdown of a reading lesson, with a preview rendered by the server: the same
 * renderer and sanitiser the learner's page uses, so what the author sees is what they get.
 */
export function MarkdownEditor({
  id,
  value,
  onValue,
  errors,
}: {
  id: string;
  value: string;
  onValue: (value: string) => void;
  errors: LessonFieldTexts;
}) {
  const { t } = useTranslation();
  const [previewing, setPreviewing] = useState(false);
  const preview = useMutation({ mutationFn: previewMarkdown });

  function togglePreview() {
    if (!previewing) preview.mutate(value);
    setPreviewing((v) => !v);
  }

  return (
    <div className="markdown-editor">
      <div hidden={previewing}>
        <TextareaField
          id={id}
          label={t('authoring.content')}
          hint={t('authoring.markdownHint')}
          className="mono"
          rows={10}
          value={value}
          onValue={onValue}
          {...errorProps(id, errors, 'content')}
        >
          <LessonFieldError id={id} errors={errors} field="content" />
        </TextareaField>
      </div>
      {previewing && (
        <section className="markdown-preview" aria-label={t('authoring.previewLabel')}>
          <p className="muted">{t('authoring.previewLabel')}</p>
          {preview.isPending && <p className="muted">{t('common.loading')}</p>}
          {preview.isError && (
            <p className="alert alert--error" role="alert">
              {t('common.error')}
            </p>
          )}
          {preview.data && (
            // Sanitised by the server, exactly as LessonContent.contentHtml.
            <div
              className="lesson-content"
              dangerouslySetInnerHTML={{ __html: preview.data.html }}
            />
          )}
        </section>
      )}
      <button
        type="button"
        className="button button--small"
        aria-pressed={previewing}
        onClick={togglePreview}
      >
        {previewing ? t('authoring.backToWriting') : t('authoring.preview')}
      </button>
    </div>
  );
}
