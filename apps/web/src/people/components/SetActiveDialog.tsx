import type { UserResponse } from '@dx/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DialogForm } from '../../app/DialogForm';
import { setPersonActive } from '../api';

/** Deactivating (sign-in and tokens end; history and certificates stay) or reactivating. */
export function SetActiveDialog({
  person,
  onClose,
}: {
  person: UserResponse;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const deactivating = person.active;
  const toggle = useMutation({
    mutationFn: () => setPersonActive(person.id, !person.active),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['people'] });
      onClose();
    },
  });
  const key = deactivating ? 'peopleAdmin.deactivate' : 'peopleAdmin.reactivate';
  return (
    <DialogForm
      open
      title={t(`${key}.title`, { name: person.fullName })}
      intro={t(`${key}.intro`)}
      confirmLabel={t(`${key}.confirm`)}
      confirmClassName={deactivating ? 'button--danger-solid' : 'button--primary'}
      pending={toggle.isPending}
      error={toggle.error}
      onSubmit={() => toggle.mutate()}
      onClose={onClose}
    >
      {null}
    </DialogForm>
  );
}
