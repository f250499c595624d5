import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormError } from '../app/FormError';
import { saveBlob } from '../app/save-blob';
import { downloadMyData } from './api';

/** The data subject's right of access (Law 91/2025): one JSON file of everything held. */
export function MyDataExport() {
  const { t } = useTranslation();
  const download = useMutation({
    mutationFn: downloadMyData,
    onSuccess: ({ blob, fileName }) =>
      saveBlob(blob, fileName ?? 'dx-academy-du-lieu-ca-nhan.json'),
  });
  return (
    <section className="card" aria-labelledby="my-data-title">
      <h2 id="my-data-title">{t('privacy.myDataTitle')}</h2>
      <p>{t('privacy.myDataIntro')}</p>
      <FormError error={download.error} />
      <button
        type="button"
        className="button"
        disabled={download.isPending}
        aria-busy={download.isPending}
        onClick={() => download.mutate()}
      >
        {t('privacy.download')}
      </button>
    </section>
  );
}
