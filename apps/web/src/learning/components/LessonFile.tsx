import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, toApiPath } from '../../api/client';
import { saveBlob } from '../../app/save-blob';

/** A lesson's attachment: API files need the token, so they are fetched then saved. */
export function LessonFile({ url, fileName }: { url: string; fileName: string | null }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'busy' | 'error'>('idle');
  const name = fileName ?? t('lesson.file');
  const path = toApiPath(url);
  const isApi = path !== url;

  if (!isApi) {
    return url.startsWith('https://') ? (
      <a className="button" href={url} target="_blank" rel="noopener noreferrer">
        {t('lesson.download', { name })}
      </a>
    ) : null;
  }

  async function download() {
    setState('busy');
    try {
      saveBlob(await api.blobAt(url), name);
      setState('idle');
    } catch {
      setState('error');
    }
  }

  return (
    <div>
      <button
        type="button"
        className="button"
        onClick={() => void download()}
        disabled={state === 'busy'}
        aria-busy={state === 'busy'}
      >
        {t('lesson.download', { name })}
      </button>
      {state === 'error' && (
        <p className="alert alert--error" role="alert">
          {t('lesson.downloadError')}
        </p>
      )}
    </div>
  );
}
