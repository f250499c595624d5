import { DX_ROLES, ROLES, type Role } from '@dx/contracts';
import { useTranslation } from 'react-i18next';
import { FieldErrorLine } from '../../app/FieldErrorLine';
import { InputField, SelectField } from '../../app/FormField';
import { useMe } from '../../auth/useMe';
import type { PersonDetails } from '../api';

/** Fields of PersonDetails, for showing the API's errors beside them. */
export const PERSON_DETAIL_FIELDS = [
  'fullName',
  'email',
  'jobTitle',
  'nationalId',
  'dxRole',
  'roles',
] as const;

/** Roles the caller may hand out: only a sysadmin makes another sysadmin. */
export function useGrantableRoles(): readonly Role[] {
  const me = useMe();
  const isSysadmin = me.data?.roles.includes('sysadmin') ?? false;
  return isSysadmin ? ROLES : ROLES.filter((r) => r !== 'sysadmin');
}

/**
 * Name, email, job title, national ID number, DX role and roles: what creating and editing
 * a person share (both are people managers' dialogs, the only ones who see the number).
 */
export function PersonDetailsFields({
  idPrefix,
  value,
  onChange,
  errors,
}: {
  idPrefix: string;
  value: PersonDetails;
  onChange: (next: PersonDetails) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const grantable = useGrantableRoles();
  const set = <K extends keyof PersonDetails>(key: K, v: PersonDetails[K]) =>
    onChange({ ...value, [key]: v });
  const id = (field: string) => `${idPrefix}-${field}`;

  return (
    <>
      <InputField
        id={id('fullName')}
        label={t('peopleAdmin.fullName')}
        value={value.fullName}
        required
        maxLength={255}
        autoComplete="off"
        onValue={(v) => set('fullName', v)}
        error={errors.fullName}
      />
      <InputField
        id={id('email')}
        label={t('peopleAdmin.form.email')}
        type="email"
        value={value.email}
        maxLength={255}
        autoComplete="off"
        onValue={(v) => set('email', v)}
        error={errors.email}
      />
      <InputField
        id={id('jobTitle')}
        label={t('peopleAdmin.form.jobTitle')}
        value={value.jobTitle}
        maxLength={255}
        onValue={(v) => set('jobTitle', v)}
        error={errors.jobTitle}
      />
      <InputField
        id={id('nationalId')}
        label={t('peopleAdmin.form.nationalId')}
        hint={t('peopleAdmin.form.nationalIdHint')}
        value={value.nationalId}
        inputMode="numeric"
        maxLength={20}
        autoComplete="off"
        onValue={(v) => set('nationalId', v)}
        error={errors.nationalId}
      />
      <SelectField
        id={id('dxRole')}
        label={t('peopleAdmin.form.dxRole')}
        value={value.dxRole}
        onValue={(v) => set('dxRole', v as PersonDetails['dxRole'])}
        options={DX_ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`dxRole.${r}`)}
          </option>
        ))}
        error={errors.dxRole}
      />
      <fieldset
        className="form-row"
        aria-describedby={errors.roles ? `${id('roles')}-error` : undefined}
      >
        <legend>{t('peopleAdmin.roles')}</legend>
        {grantable.map((role) => (
          <label key={role} className="option option--inline">
            <input
              type="checkbox"
              checked={value.roles.includes(role)}
              onChange={(e) =>
                set(
                  'roles',
                  e.target.checked
                    ? ROLES.filter((r) => r === role || value.roles.includes(r))
                    : value.roles.filter((r) => r !== role),
                )
              }
            />
            <span>{t(`roles.${role}`)}</span>
          </label>
        ))}
        <FieldErrorLine id={id('roles')} text={errors.roles} />
      </fieldset>
    </>
  );
}
