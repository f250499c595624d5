import type { MyTrainingRecord } from '@dx/contracts';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../app/FormError';
import { saveBlob } from '../../app/save-blob';
import { downloadMyTrainingEvidence } from '../api';

/**
 * The learner's copy of the evidence HR uploaded for one of their records. A button, not a
 * link: the file is fetched with the session's token, then saved under the server's name.
 */
export function MyEvidenceButton({ record }: { record: MyTrainingRecord }) {
  const { t } = useTranslation();
  const download = useMutation({
    mutationFn: () => downloadMyTrainingEvidence(record.id),
    onSuccess: (file) => saveBlob(file.blob, file.fileName ?? 'minh-chung'),
  });
  if (!record.hasEvidence) return <span className="muted">{t('learning.history.noEvidence')}</span>;
  return (
    <>
      <button
        type="button"
        className="link-button"
        aria-label={t('learning.history.evidenceOf', { title: record.title })}
        disabled={download.isPending}
        aria-busy={download.isPending}
        onClick={() => download.mutate()}
      >
        {t('learning.history.evidenceDownload')}
      </button>
      <FormError error={download.error} />
    </>
  );
}
