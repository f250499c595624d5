import type { UserResponse } from '@dx/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogForm } from '../../app/DialogForm';
import { FieldErrorLine } from '../../app/FieldErrorLine';
import { InputField } from '../../app/FormField';
import { todayInVietnam } from '../../org-units/merge-api';
import { OrgUnitPicker, type PickedUnit } from '../../org-units/OrgUnitPicker';
import { transferPerson } from '../api';
import { usePersonFormErrors } from './usePersonFormErrors';

const OWN_FIELDS = ['orgUnitId', 'effectiveDate'];

/**
 * "Điều chuyển": the person works in another unit of the caller's scope from a day (today
 * or earlier, not before they joined their current unit); earlier reports keep the old unit.
 */
export function TransferPersonDialog({
  person,
  onClose,
}: {
  person: UserResponse;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const today = todayInVietnam();
  const [target, setTarget] = useState<PickedUnit | null>(null);
  const [effectiveDate, setEffectiveDate] = useState(today);
  const [missing, setMissing] = useState(false);
  const transfer = useMutation({
    mutationFn: () => transferPerson(person.id, { orgUnitId: target?.id ?? '', effectiveDate }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['people'] });
      onClose();
    },
  });
  const { texts, boxError } = usePersonFormErrors(transfer.error, OWN_FIELDS);
  const unitText =
    texts.orgUnitId ?? (missing && !target ? t('peopleAdmin.transfer.unitRequired') : undefined);

  return (
    <DialogForm
      open
      title={t('peopleAdmin.transfer.title', { name: person.fullName })}
      intro={t('peopleAdmin.transfer.intro')}
      confirmLabel={t('peopleAdmin.transfer.confirm')}
      confirmClassName="button--primary"
      pending={transfer.isPending}
      error={boxError}
      onSubmit={() => {
        if (!target) return setMissing(true);
        transfer.mutate();
      }}
      onClose={onClose}
    >
      <OrgUnitPicker
        label={t('peopleAdmin.transfer.unit')}
        value={target?.id ?? null}
        onChange={setTarget}
      />
      <FieldErrorLine id={`${id}-unit`} text={unitText} />
      <InputField
        id={`${id}-date`}
        label={t('peopleAdmin.transfer.effectiveDate')}
        type="date"
        short
        required
        max={today}
        value={effectiveDate}
        onValue={setEffectiveDate}
        error={texts.effectiveDate}
      />
    </DialogForm>
  );
}
