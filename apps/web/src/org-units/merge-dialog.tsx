import type { OrgUnitResponse } from '@dx/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error';
import { fieldErrorTexts } from '../api/error-text';
import { DialogForm } from '../app/DialogForm';
import { InputField } from '../app/FormField';
import { formatDate } from '../i18n/format';
import { fetchMergePreview, mergeOrgUnit, todayInVietnam } from './merge-api';
import { OrgUnitPicker, type PickedUnit } from './OrgUnitPicker';

/** Fields the dialog shows errors beside; others go to the dialog's error box. */
const OWN_FIELDS = ['targetId', 'effectiveDate', 'id'];

/** People named in the preview before "and N others". */
const NAMED_PEOPLE = 8;

/**
 * Merging `unit` into another (sysadmin): the receiving unit, the first day the unit no
 * longer exists (today or earlier applies at once; a later day schedules it, cancellable
 * until then), and a preview of who moves.
 */
export function MergeDialog({
  unit,
  open,
  onClose,
}: {
  unit: OrgUnitResponse;
  open: boolean;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const today = todayInVietnam();
  const [target, setTarget] = useState<PickedUnit | null>(null);
  const [effectiveDate, setEffectiveDate] = useState(today);
  const [missing, setMissing] = useState(false);
  const preview = useQuery({
    queryKey: ['org-units', 'merge-preview', unit.id],
    queryFn: ({ signal }) => fetchMergePreview(unit.id, signal),
    enabled: open,
  });
  const merge = useMutation({
    mutationFn: () => mergeOrgUnit(unit.id, { targetId: target?.id ?? '', effectiveDate }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['org-units'] });
      onClose();
    },
  });

  const fieldTexts = fieldErrorTexts(t, merge.error);
  const besideOnly =
    isApiError(merge.error) &&
    merge.error.errors.length > 0 &&
    merge.error.errors.every((e) => OWN_FIELDS.includes(e.field));
  const scheduled = effectiveDate > today;
  const date = effectiveDate ? formatDate(effectiveDate, i18n.language) : '';

  function onSubmit() {
    if (!target || !effectiveDate) {
      setMissing(true);
      return;
    }
    merge.mutate();
  }

  const direct = preview.data?.people.items.filter((p) => p.orgUnitId === unit.id) ?? [];
  return (
    <DialogForm
      open={open}
      title={t('orgUnitMerge.title', { name: unit.name })}
      intro={t('orgUnitMerge.intro', { name: unit.name })}
      confirmLabel={t(scheduled ? 'orgUnitMerge.schedule' : 'orgUnitMerge.confirm')}
      confirmClassName="button--danger-solid"
      pending={merge.isPending}
      error={besideOnly ? null : merge.error}
      onSubmit={onSubmit}
      onClose={onClose}
    >
      <OrgUnitPicker
        label={t('orgUnitMerge.target')}
        value={target?.id ?? null}
        onChange={setTarget}
      />
      {missing && !target && (
        <p className="field__hint field__hint--error">{t('orgUnitMerge.targetRequired')}</p>
      )}
      {fieldTexts.targetId && (
        <p className="field__hint field__hint--error" role="alert">
          {fieldTexts.targetId}
        </p>
      )}
      <InputField
        id={`${id}-date`}
        label={t('orgUnitMerge.effectiveDate')}
        type="date"
        short
        required
        value={effectiveDate}
        onValue={setEffectiveDate}
        aria-invalid={!!fieldTexts.effectiveDate || (missing && !effectiveDate)}
        hint={t(scheduled ? 'orgUnitMerge.scheduledHint' : 'orgUnitMerge.nowHint', { date })}
      >
        {fieldTexts.effectiveDate && (
          <p className="field__hint field__hint--error" role="alert">
            {fieldTexts.effectiveDate}
          </p>
        )}
      </InputField>
      {fieldTexts.id && (
        <p className="alert alert--error" role="alert">
          {fieldTexts.id}
        </p>
      )}
      <section
        className="merge-preview"
        aria-labelledby={`${id}-preview`}
        aria-busy={preview.isPending}
      >
        <h3 id={`${id}-preview`}>{t('orgUnitMerge.previewTitle')}</h3>
        {preview.isPending ? (
          <p className="muted">{t('common.loading')}</p>
        ) : preview.isError ? (
          <p className="muted">{t('orgUnitMerge.previewUnavailable')}</p>
        ) : (
          <>
            <p data-testid="merge-preview-people">
              {t('orgUnitMerge.previewPeople', {
                count: preview.data.people.total,
                target: target?.name ?? t('orgUnitMerge.theTarget'),
              })}
            </p>
            {direct.length > 0 && <p>{t('orgUnitMerge.directPeople')}</p>}
            {direct.length > 0 && (
              <ul className="merge-preview__list">
                {direct.slice(0, NAMED_PEOPLE).map((p) => (
                  <li key={p.id}>{p.fullName}</li>
                ))}
                {direct.length > NAMED_PEOPLE && (
                  <li className="muted">
                    {t('orgUnitMerge.andOthers', { count: direct.length - NAMED_PEOPLE })}
                  </li>
                )}
              </ul>
            )}
            <p>
              {t('orgUnitMerge.previewChildren', {
                count: preview.data.children.total,
                target: target?.name ?? t('orgUnitMerge.theTarget'),
              })}
            </p>
            {preview.data.children.items.length > 0 && (
              <ul className="merge-preview__list">
                {preview.data.children.items.map((c) => (
                  <li key={c.id}>{c.name}</li>
                ))}
              </ul>
            )}
            <p className="muted">{t('orgUnitMerge.previewHistory')}</p>
          </>
        )}
      </section>
    </DialogForm>
  );
}
