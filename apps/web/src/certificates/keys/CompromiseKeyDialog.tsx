import type { PublicSigningKey } from '@dx/contracts';
import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogForm } from '../../app/DialogForm';
import { InputField, TextareaField } from '../../app/FormField';
import { fieldErrorTexts } from '../../api/error-text';
import { formatDate } from '../../i18n/format';
import {
  markKeyCompromised,
  signingKeyStatus,
  startOfVietnamDay,
  todayInVietnam,
} from './signing-keys-api';

const NOTE_MAX_LENGTH = 1000;

/**
 * "Đánh dấu bị lộ từ ngày…": the day is asked, then the dialog says in full what follows:
 * what the key signed from that day on fails verification, what it signed before stays
 * valid, and a key still in use is replaced at once.
 */
export function CompromiseKeyDialog({
  signingKey,
  onClose,
  onDone,
}: {
  signingKey: PublicSigningKey;
  onClose: () => void;
  onDone: (key: PublicSigningKey) => void;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.resolvedLanguage;
  const id = useId();
  const today = todayInVietnam();
  const [day, setDay] = useState('');
  const [note, setNote] = useState('');
  const [checked, setChecked] = useState(false);
  const mark = useMutation({
    mutationFn: () =>
      markKeyCompromised(signingKey.kid, {
        from: startOfVietnamDay(day),
        ...(note.trim() ? { note: note.trim() } : {}),
      }),
    onSuccess: onDone,
  });
  const dayProblem = !day
    ? t('signingKeys.compromise.dayRequired')
    : day > today
      ? t('signingKeys.compromise.dayInFuture')
      : '';
  const fromApi = fieldErrorTexts(t, mark.error);
  const shownDay = day ? formatDate(startOfVietnamDay(day), lng) : '';

  function onSubmit() {
    setChecked(true);
    if (!dayProblem) mark.mutate();
  }

  return (
    <DialogForm
      open
      title={t('signingKeys.compromise.title', { kid: signingKey.kid })}
      intro={t('signingKeys.compromise.intro')}
      confirmLabel={t('signingKeys.compromise.confirm')}
      confirmClassName="button--danger-solid"
      pending={mark.isPending}
      error={mark.error}
      onSubmit={onSubmit}
      onClose={onClose}
    >
      <InputField
        id={`${id}-day`}
        label={t('signingKeys.compromise.day')}
        type="date"
        max={today}
        required
        value={day}
        onValue={setDay}
        error={(checked && dayProblem) || fromApi.from}
      />
      <TextareaField
        id={`${id}-note`}
        label={t('signingKeys.compromise.note')}
        rows={3}
        maxLength={NOTE_MAX_LENGTH}
        value={note}
        onValue={setNote}
        error={fromApi.note}
      />
      <div className="alert alert--error" aria-live="polite">
        <p>
          {shownDay
            ? t('signingKeys.compromise.effect', { kid: signingKey.kid, date: shownDay })
            : t('signingKeys.compromise.effectNoDay', { kid: signingKey.kid })}
        </p>
        {signingKeyStatus(signingKey) === 'active' && <p>{t('signingKeys.compromise.replaced')}</p>}
      </div>
    </DialogForm>
  );
}
