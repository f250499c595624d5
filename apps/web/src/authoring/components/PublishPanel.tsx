import type { CourseDraft } from '@dx/contracts';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/api-error';
import { apiErrorText } from '../../api/error-text';
import { FormError } from '../../app/FormError';
import { publishCourse } from '../api';
import { useDraftMutation } from '../hooks/useCourseDraft';
import { publishProblems } from '../publish-problems';

/** Publish, and when the API refuses, every reason it gave, named in the reader's language. */
export function PublishPanel({ draft }: { draft: CourseDraft }) {
  const { t } = useTranslation();
  const publish = useDraftMutation(draft.id, () => publishCourse(draft.id));
  const error = publish.error;
  const refused = isApiError(error) && error.statusCode === 400;
  const nothingToPublish = isApiError(error) && error.statusCode === 409;
  const isDraft = draft.versionStatus === 'draft';

  return (
    <section className="card publish-panel" aria-labelledby="publish-title">
      <h2 id="publish-title">{t('authoring.publishTitle')}</h2>
      <p className="muted">
        {isDraft
          ? t('authoring.draftNote', { version: draft.versionNumber })
          : t('authoring.publishedNote', { version: draft.versionNumber })}
      </p>
      <button
        type="button"
        className="button button--primary"
        onClick={() => publish.mutate(undefined)}
        disabled={publish.isPending || !isDraft}
        aria-busy={publish.isPending}
      >
        {t('authoring.publish')}
      </button>
      <div aria-live="polite">
        {publish.isSuccess && (
          <p className="alert alert--success" role="status">
            {t('authoring.published', { version: publish.data.version })}
          </p>
        )}
        {refused && (
          <div className="alert alert--error" role="alert">
            <p>{t('authoring.cannotPublish')}</p>
            {error.errors.length > 0 ? (
              <ul>
                {publishProblems(error.errors, draft).map((p, i) => (
                  <li key={i}>{t(p.key, p.values)}</li>
                ))}
              </ul>
            ) : (
              <p>{apiErrorText(t, error)}</p>
            )}
          </div>
        )}
        {nothingToPublish && (
          <p className="alert alert--error" role="alert">
            {t('authoring.nothingToPublish')}
          </p>
        )}
        {error && !refused && !nothingToPublish && <FormError error={error} />}
      </div>
    </section>
  );
}
