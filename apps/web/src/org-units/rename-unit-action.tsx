import type { OrgUnitResponse } from '@dx/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogForm } from '../app/DialogForm';
import { InputField } from '../app/FormField';
import { renameOrgUnit } from './api';

/**
 * "Đổi tên" beside an open unit in the tree (hr in scope, sysadmin): today's name changes;
 * certificates and reports made before keep the name they were made with.
 */
export function RenameUnitAction({ unit }: { unit: OrgUnitResponse }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const nameId = useId();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(unit.name);
  const rename = useMutation({
    mutationFn: () => renameOrgUnit(unit.id, name),
    onSuccess: async () => {
      setOpen(false);
      await queryClient.invalidateQueries({ queryKey: ['org-units'] });
    },
  });
  if (unit.validTo) return null;
  return (
    <>
      <button
        type="button"
        className="button button--small"
        aria-label={t('orgUnitRename.openNamed', { name: unit.name })}
        onClick={() => {
          setName(unit.name);
          rename.reset();
          setOpen(true);
        }}
      >
        {t('orgUnitRename.open')}
      </button>
      {open && (
        <DialogForm
          open={open}
          title={t('orgUnitRename.title', { name: unit.name })}
          intro={t('orgUnitRename.intro')}
          confirmLabel={t('orgUnitRename.confirm')}
          confirmClassName="button--primary"
          pending={rename.isPending}
          error={rename.error}
          onSubmit={() => rename.mutate()}
          onClose={() => setOpen(false)}
        >
          <InputField
            id={nameId}
            label={t('orgUnitRename.name')}
            value={name}
            required
            minLength={2}
            maxLength={255}
            onValue={setName}
          />
        </DialogForm>
      )}
    </>
  );
}
