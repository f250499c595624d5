import { REQUIREMENT_DX_ROLES, type Requirement, type RequirementDxRole } from '@dx/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorTexts } from '../../api/error-text';
import { FieldErrorLine } from '../../app/FieldErrorLine';
import { FormError } from '../../app/FormError';
import { InputField, TextareaField } from '../../app/FormField';
import { useMe } from '../../auth/useMe';
import { OrgUnitPicker } from '../../org-units/OrgUnitPicker';
import { parseHoursText, parseJobTitles, type RequirementInput } from '../admin-api';

export interface RequirementFormValues extends RequirementInput {
  orgUnitId: string | null;
}

/**
 * One requirement's fields: for a new one also its unit (the year is the page's); an
 * existing one keeps its unit and year. The server's refusals show under each field.
 */
export function RequirementForm({
  idPrefix,
  year,
  requirement,
  pending,
  error,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  idPrefix: string;
  year: number;
  requirement?: Requirement;
  pending: boolean;
  error: unknown;
  submitLabel: string;
  onSubmit: (values: RequirementFormValues) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  // A new requirement starts on the caller's own unit (HR's subtree top).
  const [picked, setUnitId] = useState<string | null>(null);
  const unitId = picked ?? me.data?.orgUnitId ?? null;
  const [roles, setRoles] = useState<RequirementDxRole[]>(
    (requirement?.dxRoles as RequirementDxRole[] | undefined) ?? ['full_time', 'part_time'],
  );
  const [titles, setTitles] = useState((requirement?.jobTitles ?? []).join('\n'));
  const [hours, setHours] = useState(requirement ? String(requirement.hours) : '');
  const [dueDate, setDueDate] = useState(requirement?.dueDate ?? `${year}-12-31`);
  const errors = fieldErrorTexts(t, error);
  const id = (name: string) => `${idPrefix}-${name}`;

  function toggle(role: RequirementDxRole, on: boolean) {
    setRoles((r) => (on ? [...r, role] : r.filter((x) => x !== role)));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit({
      orgUnitId: unitId,
      dxRoles: REQUIREMENT_DX_ROLES.filter((r) => roles.includes(r)),
      jobTitles: parseJobTitles(titles),
      hours: parseHoursText(hours),
      dueDate,
    });
  }

  const shown = new Set(['orgUnitId', 'dxRoles', 'jobTitles', 'hours', 'dueDate']);
  const elsewhere = Object.keys(errors).some((f) => !shown.has(f.split('.')[0]));
  return (
    <form className="form" onSubmit={submit} noValidate>
      {!requirement && (
        <>
          <OrgUnitPicker
            label={t('requirementsAdmin.unit')}
            value={unitId}
            onChange={(unit) => setUnitId(unit?.id ?? null)}
          />
          <FieldErrorLine id={id('unit')} text={errors.orgUnitId} />
        </>
      )}
      <fieldset
        className="form-row"
        aria-describedby={errors.dxRoles ? `${id('roles')}-error` : undefined}
      >
        <legend>{t('requirementsAdmin.dxRoles')}</legend>
        {REQUIREMENT_DX_ROLES.map((role) => (
          <label key={role} className="option option--inline">
            <input
              type="checkbox"
              checked={roles.includes(role)}
              onChange={(e) => toggle(role, e.target.checked)}
            />
            <span>{t(`dxRole.${role}`)}</span>
          </label>
        ))}
        <FieldErrorLine id={id('roles')} text={errors.dxRoles} />
      </fieldset>
      <div className="form-row">
        <InputField
          id={id('hours')}
          label={t('requirementsAdmin.hours')}
          short
          inputMode="decimal"
          required
          value={hours}
          onValue={setHours}
          error={errors.hours}
        />
        <InputField
          id={id('due')}
          label={t('requirementsAdmin.dueDate')}
          short
          type="date"
          min={`${year}-01-01`}
          max={`${year}-12-31`}
          required
          value={dueDate}
          onValue={setDueDate}
          error={errors.dueDate}
        />
      </div>
      <TextareaField
        id={id('titles')}
        label={t('requirementsAdmin.jobTitles')}
        hint={t('requirementsAdmin.jobTitlesHint')}
        rows={2}
        value={titles}
        onValue={setTitles}
      />
      {error != null && (Object.keys(errors).length === 0 || elsewhere) && (
        <FormError error={error} />
      )}
      <div className="button-row">
        <button
          type="submit"
          className="button button--primary"
          disabled={pending}
          aria-busy={pending}
        >
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
