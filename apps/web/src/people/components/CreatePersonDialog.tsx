import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogForm } from '../../app/DialogForm';
import { FieldErrorLine } from '../../app/FieldErrorLine';
import { InputField } from '../../app/FormField';
import { OrgUnitPicker } from '../../org-units/OrgUnitPicker';
import { createPerson, type PersonDetails } from '../api';
import { PERSON_DETAIL_FIELDS, PersonDetailsFields } from './PersonDetailsFields';
import { usePersonFormErrors } from './usePersonFormErrors';

const OWN_FIELDS = [...PERSON_DETAIL_FIELDS, 'username', 'password', 'orgUnitId'];

const EMPTY: PersonDetails = {
  fullName: '',
  email: '',
  jobTitle: '',
  nationalId: '',
  dxRole: 'none',
  roles: ['learner'],
};

/**
 * "Thêm người dùng": a person of a unit in the caller's scope, with a first password the
 * person changes (or an activation code given later from the list). Starts in `unitId`.
 */
export function CreatePersonDialog({
  unitId,
  onClose,
}: {
  unitId: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const [details, setDetails] = useState(EMPTY);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [orgUnitId, setOrgUnitId] = useState(unitId);
  const create = useMutation({
    mutationFn: () => createPerson({ ...details, username, password, orgUnitId: orgUnitId ?? '' }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['people'] });
      onClose();
    },
  });
  const { texts, boxError } = usePersonFormErrors(create.error, OWN_FIELDS);

  return (
    <DialogForm
      open
      title={t('peopleAdmin.create.title')}
      intro={t('peopleAdmin.create.intro')}
      confirmLabel={t('peopleAdmin.create.confirm')}
      confirmClassName="button--primary"
      pending={create.isPending}
      error={boxError}
      onSubmit={() => create.mutate()}
      onClose={onClose}
    >
      <PersonDetailsFields idPrefix={id} value={details} onChange={setDetails} errors={texts} />
      <InputField
        id={`${id}-username`}
        label={t('peopleAdmin.username')}
        value={username}
        required
        autoComplete="off"
        hint={t('peopleAdmin.create.usernameHint')}
        onValue={setUsername}
        error={texts.username}
      />
      <InputField
        id={`${id}-password`}
        label={t('peopleAdmin.create.password')}
        type="password"
        value={password}
        required
        autoComplete="new-password"
        hint={t('peopleAdmin.create.passwordHint')}
        onValue={setPassword}
        error={texts.password}
      />
      <OrgUnitPicker
        label={t('peopleAdmin.unit')}
        value={orgUnitId}
        onChange={(unit) => setOrgUnitId(unit?.id ?? null)}
      />
      <FieldErrorLine id={`${id}-unit`} text={texts.orgUnitId} />
    </DialogForm>
  );
}
