import { SEAL_IMAGE_MAX_BYTES, type CertificateIssuerSettings } from '@dx/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../app/FormError';
import { InputField } from '../app/FormField';
import { PageError, PageLoading } from '../app/PageStatus';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { OrgUnitPicker } from '../org-units/OrgUnitPicker';
import {
  deleteSealImage,
  fetchIssuerSettings,
  issuerKeys,
  saveIssuerSettings,
  uploadSealImage,
} from './api';

type Texts = Pick<
  CertificateIssuerSettings,
  'bodyName' | 'parentBodyName' | 'signerTitle' | 'signerName' | 'place'
>;

/**
 * How a unit signs the certificates it issues (sysadmin): agency block, place of the date
 * line, signer and an optional seal / signature image. New certificates use them.
 */
export default function IssuerSettingsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('issuers.title'));
  const [unitId, setUnitId] = useState<string | null>(null);
  const settings = useQuery({
    queryKey: issuerKeys.settings(unitId ?? ''),
    queryFn: ({ signal }) => fetchIssuerSettings(unitId as string, signal),
    enabled: !!unitId,
  });

  return (
    <>
      <h1>{t('issuers.title')}</h1>
      <p className="muted">{t('issuers.intro')}</p>
      <section className="card" aria-label={t('issuers.unit')}>
        <OrgUnitPicker
          label={t('issuers.unit')}
          value={unitId}
          onChange={(unit) => setUnitId(unit?.id ?? null)}
        />
      </section>
      {!unitId ? null : settings.isPending ? (
        <PageLoading />
      ) : settings.isError ? (
        <PageError error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <>
          <IssuerForm key={unitId} unitId={unitId} settings={settings.data} />
          <SealForm unitId={unitId} settings={settings.data} />
        </>
      )}
    </>
  );
}

function IssuerForm({ unitId, settings }: { unitId: string; settings: CertificateIssuerSettings }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const id = useId();
  const [texts, setTexts] = useState<Texts>(settings);
  useEffect(() => setTexts(settings), [settings]);
  const save = useMutation({
    mutationFn: () => saveIssuerSettings(unitId, texts),
    onSuccess: (saved) => queryClient.setQueryData(issuerKeys.settings(unitId), saved),
  });
  const set = (field: keyof Texts) => (value: string) => setTexts({ ...texts, [field]: value });

  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate();
  }

  return (
    <form className="card form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('issuers.texts')}</h2>
      {settings.updatedAt === null && <p className="muted">{t('issuers.defaults')}</p>}
      <InputField
        id={`${id}-parent`}
        label={t('issuers.parentBodyName')}
        hint={t('issuers.parentHint')}
        value={texts.parentBodyName ?? ''}
        maxLength={255}
        onValue={set('parentBodyName')}
      />
      <InputField
        id={`${id}-body`}
        label={t('issuers.bodyName')}
        value={texts.bodyName}
        maxLength={255}
        required
        onValue={set('bodyName')}
      />
      <div className="form-row">
        <InputField
          id={`${id}-title-field`}
          label={t('issuers.signerTitle')}
          hint={t('issuers.signerTitleHint')}
          value={texts.signerTitle}
          maxLength={128}
          required
          onValue={set('signerTitle')}
        />
        <InputField
          id={`${id}-signer`}
          label={t('issuers.signerName')}
          value={texts.signerName}
          maxLength={128}
          required
          onValue={set('signerName')}
        />
      </div>
      <InputField
        id={`${id}-place`}
        label={t('issuers.place')}
        hint={t('issuers.placeHint')}
        value={texts.place}
        maxLength={64}
        required
        onValue={set('place')}
      />
      <FormError error={save.error} />
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {t('issuers.save')}
        </button>
      </div>
      <p className="muted" role="status">
        {save.isSuccess ? t('issuers.saved') : ''}
      </p>
    </form>
  );
}

function SealForm({ unitId, settings }: { unitId: string; settings: CertificateIssuerSettings }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const refresh = (saved?: CertificateIssuerSettings) =>
    saved
      ? queryClient.setQueryData(issuerKeys.settings(unitId), saved)
      : queryClient.invalidateQueries({ queryKey: issuerKeys.settings(unitId) });
  const upload = useMutation({
    mutationFn: (f: File) => uploadSealImage(unitId, f),
    onSuccess: (saved) => {
      setFile(null);
      void refresh(saved);
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteSealImage(unitId),
    onSuccess: () => void refresh(),
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    if (file) upload.mutate(file);
  }

  return (
    <form className="card form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('issuers.seal')}</h2>
      <p role="status">{settings.hasSealImage ? t('issuers.sealStored') : t('issuers.noSeal')}</p>
      <div className="field">
        <label htmlFor={`${id}-file`}>{t('issuers.sealFile')}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept="image/png,image/jpeg"
          aria-describedby={`${id}-hint`}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        <p className="muted field__hint" id={`${id}-hint`}>
          {t('issuers.sealHint', { mb: SEAL_IMAGE_MAX_BYTES / 1024 / 1024 })}
        </p>
      </div>
      <FormError error={upload.error ?? remove.error} />
      <div className="button-row">
        <button type="submit" className="button" disabled={!file || upload.isPending}>
          {t('issuers.upload')}
        </button>
        {settings.hasSealImage && (
          <button
            type="button"
            className="button"
            disabled={remove.isPending}
            onClick={() => remove.mutate()}
          >
            {t('issuers.removeSeal')}
          </button>
        )}
      </div>
    </form>
  );
}
