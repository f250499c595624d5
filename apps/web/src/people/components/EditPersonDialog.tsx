import type { UserResponse } from '@dx/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogForm } from '../../app/DialogForm';
import { updatePerson, type PersonDetails } from '../api';
import { PERSON_DETAIL_FIELDS, PersonDetailsFields } from './PersonDetailsFields';
import { usePersonFormErrors } from './usePersonFormErrors';

/**
 * "Sửa thông tin": name, email, job title, national ID number, DX role and the roles the
 * caller may give.
 */
export function EditPersonDialog({
  person,
  onClose,
}: {
  person: UserResponse;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const [details, setDetails] = useState<PersonDetails>({
    fullName: person.fullName,
    email: person.email ?? '',
    jobTitle: person.jobTitle ?? '',
    nationalId: person.nationalId ?? '',
    dxRole: person.dxRole,
    roles: person.roles,
  });
  const save = useMutation({
    mutationFn: () => updatePerson(person.id, details),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['people'] });
      onClose();
    },
  });
  const { texts, boxError } = usePersonFormErrors(save.error, PERSON_DETAIL_FIELDS);

  return (
    <DialogForm
      open
      title={t('peopleAdmin.edit.title', { name: person.fullName })}
      intro={t('peopleAdmin.edit.intro', { username: person.username })}
      confirmLabel={t('peopleAdmin.edit.confirm')}
      confirmClassName="button--primary"
      pending={save.isPending}
      error={boxError}
      onSubmit={() => save.mutate()}
      onClose={onClose}
    >
      <PersonDetailsFields idPrefix={id} value={details} onChange={setDetails} errors={texts} />
    </DialogForm>
  );
}
