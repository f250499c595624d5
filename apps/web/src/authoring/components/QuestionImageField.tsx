import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../app/FormError';
import { QuestionImage } from '../../quizzes/components/QuestionImage';
import { uploadQuestionImage } from '../api';

export type ImageDraft = { key: string; alt: string } | null;

/**
 * A question's image, or option `n`'s: upload (checked by the API), preview, the required alt
 * text, remove. An option's labels name the option, so each field on the form has its own.
 */
export function QuestionImageField({
  prefix,
  value,
  onChange,
  n,
}: {
  prefix: string;
  value: ImageDraft;
  onChange: (value: ImageDraft) => void;
  n?: number;
}) {
  const { t } = useTranslation();
  const upload = useMutation({ mutationFn: uploadQuestionImage });
  const label = (key: 'image' | 'imageChoose' | 'imageReplace' | 'imageAlt') =>
    n === undefined ? t(`authoring.${key}`) : t(`authoring.option.${key}`, { n });
  return (
    <fieldset className="options-editor">
      <legend>{label('image')}</legend>
      <FormError error={upload.error} />
      {value && <QuestionImage image={{ key: value.key, alt: value.alt || label('image') }} />}
      <div className="field">
        <label htmlFor={`${prefix}-image-file`}>
          {label(value ? 'imageReplace' : 'imageChoose')}
        </label>
        <input
          id={`${prefix}-image-file`}
          type="file"
          accept="image/png,image/jpeg,image/gif,image/webp"
          disabled={upload.isPending}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) {
              upload.mutate(file, {
                onSuccess: (r) => onChange({ key: r.key, alt: value?.alt ?? '' }),
              });
            }
          }}
        />
        <p className="muted field__hint">{t('authoring.imageHint')}</p>
      </div>
      {value && (
        <>
          <div className="field">
            <label htmlFor={`${prefix}-image-alt`}>{label('imageAlt')}</label>
            <input
              id={`${prefix}-image-alt`}
              type="text"
              required
              maxLength={500}
              value={value.alt}
              onChange={(e) => onChange({ ...value, alt: e.target.value })}
            />
            <p className="muted field__hint">{t('authoring.imageAltHint')}</p>
          </div>
          <button type="button" className="button button--small" onClick={() => onChange(null)}>
            {t('authoring.imageRemove')}
          </button>
        </>
      )}
    </fieldset>
  );
}
