import type { OrgUnitResponse } from '@dx/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorText } from '../api/error-text';
import { formatDate } from '../i18n/format';
import { cancelOrgUnitMerge } from './merge-api';
import { MergeDialog } from './merge-dialog';
import './merge.css';

/**
 * A unit's merge controls in the tree (sysadmin): its scheduled merge with a cancel
 * button, or "merge…" opening the dialog. Nothing for a unit already closed.
 */
export function MergeUnitActions({ unit }: { unit: OrgUnitResponse }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const cancel = useMutation({
    mutationFn: () => cancelOrgUnitMerge(unit.id),
    onSuccess: async () => {
      setConfirming(false);
      await queryClient.invalidateQueries({ queryKey: ['org-units'] });
    },
  });
  if (unit.validTo) return null;

  const pending = unit.pendingMerge;
  if (pending) {
    return (
      <span className="merge-actions">
        <span className="tag merge-actions__pending" data-testid="pending-merge">
          {t('orgUnitMerge.pending', {
            target: pending.targetName,
            date: formatDate(pending.effectiveDate, i18n.language),
          })}
        </span>
        {confirming ? (
          <>
            <button
              type="button"
              className="button button--small button--danger-solid"
              disabled={cancel.isPending}
              aria-busy={cancel.isPending}
              onClick={() => cancel.mutate()}
            >
              {t('orgUnitMerge.cancelConfirm')}
            </button>
            <button
              type="button"
              className="button button--small"
              disabled={cancel.isPending}
              onClick={() => setConfirming(false)}
            >
              {t('orgUnitMerge.keep')}
            </button>
          </>
        ) : (
          <button
            type="button"
            className="button button--small"
            aria-label={t('orgUnitMerge.cancelNamed', { name: unit.name })}
            onClick={() => setConfirming(true)}
          >
            {t('orgUnitMerge.cancel')}
          </button>
        )}
        {cancel.error ? (
          <span className="field__hint field__hint--error" role="alert">
            {apiErrorText(t, cancel.error)}
          </span>
        ) : null}
      </span>
    );
  }
  return (
    <>
      <button
        type="button"
        className="button button--small"
        aria-label={t('orgUnitMerge.openNamed', { name: unit.name })}
        onClick={() => setOpen(true)}
      >
        {t('orgUnitMerge.open')}
      </button>
      {open && <MergeDialog unit={unit} open={open} onClose={() => setOpen(false)} />}
    </>
  );
}
