import type { TrainingRecord } from '@dx/contracts';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormError } from '../app/FormError';
import { saveBlob } from '../app/save-blob';
import { deleteTrainingEvidence, downloadTrainingEvidence } from '../requirements/admin-api';

/**
 * "Minh chứng": downloads the record's evidence file (fetched with the session's token, so
 * not a plain link), and a button that takes the file off the record.
 */
export function EvidenceLink({
  record,
  onRemoved,
}: {
  record: TrainingRecord;
  onRemoved: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const download = useMutation({
    mutationFn: () => downloadTrainingEvidence(record.id),
    onSuccess: (file) => saveBlob(file.blob, file.fileName ?? 'minh-chung'),
  });
  const remove = useMutation({
    mutationFn: () => deleteTrainingEvidence(record.id),
    onSuccess: onRemoved,
  });
  return (
    <>
      <div className="button-row">
        <button
          type="button"
          className="link-button"
          aria-label={t('trainingRecords.evidenceOf', { title: record.title })}
          disabled={download.isPending}
          aria-busy={download.isPending}
          onClick={() => download.mutate()}
        >
          {t('trainingRecords.evidence')}
        </button>
        <button
          type="button"
          className="button button--small"
          aria-label={t('trainingRecords.evidenceRemoveOf', { title: record.title })}
          disabled={remove.isPending}
          onClick={() => {
            if (window.confirm(t('trainingRecords.confirmRemoveEvidence', { title: record.title })))
              remove.mutate();
          }}
        >
          {t('trainingRecords.evidenceRemove')}
        </button>
      </div>
      <FormError error={download.error ?? remove.error} />
    </>
  );
}
