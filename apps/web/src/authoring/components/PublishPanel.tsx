import type { CourseDraft } from '@dx/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { isApiError } from '../../api/api-error';
import { apiErrorText } from '../../api/error-text';
import { DialogForm } from '../../app/DialogForm';
import { FormError } from '../../app/FormError';
import { discardDraft, publishCourse } from '../api';
import { useDraftMutation } from '../hooks/useCourseDraft';
import { publishProblems } from '../publish-problems';
import { PublishSummary } from './PublishSummary';

/**
 * Publish after a confirmation that lists what learners will see; when the API refuses,
 * every reason it gave, named in the reader's language. Also: preview, discard the draft.
 */
export function PublishPanel({ draft }: { draft: CourseDraft }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const publish = useDraftMutation(draft.id, () => publishCourse(draft.id));
  const discard = useDraftMutation(draft.id, () => discardDraft(draft.id));
  const error = publish.error;
  const refused = isApiError(error) && error.statusCode === 400;
  const nothingToPublish = isApiError(error) && error.statusCode === 409;
  const isDraft = draft.versionStatus === 'draft';
  // Only while the page still shows the version just published: an edit opens a new draft.
  const justPublished =
    publish.isSuccess && !isDraft && publish.data.version === draft.versionNumber;
  const canDiscard = isDraft && draft.status !== 'draft';

  function onDiscard() {
    if (window.confirm(t('authoring.confirmDiscard', { version: draft.versionNumber }))) {
      publish.reset();
      discard.mutate(undefined);
    }
  }

  return (
    <section className="card publish-panel" aria-labelledby="publish-title">
      <h2 id="publish-title">{t('authoring.publishTitle')}</h2>
      <p className="muted">
        {isDraft
          ? t('authoring.draftNote', { version: draft.versionNumber })
          : t('authoring.publishedNote', { version: draft.versionNumber })}
      </p>
      <div className="button-row">
        <button
          type="button"
          className="button button--primary"
          onClick={() => {
            publish.reset();
            setConfirming(true);
          }}
          disabled={publish.isPending || !isDraft}
        >
          {t('authoring.publish')}
        </button>
        <Link className="button" to={`/authoring/courses/${encodeURIComponent(draft.id)}/preview`}>
          {t('authoring.previewAsLearner')}
        </Link>
        {canDiscard && (
          <button
            type="button"
            className="button button--danger"
            onClick={onDiscard}
            disabled={discard.isPending}
            aria-busy={discard.isPending}
          >
            {t('authoring.discardDraft')}
          </button>
        )}
      </div>
      <DialogForm
        open={confirming}
        title={t('authoring.confirmPublishTitle', { version: draft.versionNumber })}
        intro={t('authoring.confirmPublishIntro')}
        confirmLabel={t('authoring.publish')}
        confirmClassName="button--primary"
        pending={publish.isPending}
        error={null}
        onSubmit={() => publish.mutate(undefined, { onSettled: () => setConfirming(false) })}
        onClose={() => setConfirming(false)}
      >
        <PublishSummary draft={draft} />
      </DialogForm>
      <div aria-live="polite">
        {justPublished && (
          <p className="alert alert--success" role="status">
            {t('authoring.published', { version: publish.data.version })}
          </p>
        )}
        {discard.isSuccess && !isDraft && (
          <p className="alert alert--success" role="status">
            {t('authoring.discarded', { version: draft.versionNumber })}
          </p>
        )}
        <FormError error={discard.error} />
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
