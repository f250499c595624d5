import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorTexts } from '../../api/error-text';
import { FormError } from '../../app/FormError';
import { InputField } from '../../app/FormField';
import { createOrgUnit } from '../api';
import { OrgUnitPicker, type PickedUnit } from '../OrgUnitPicker';

/** Sysadmins: a new unit under a chosen parent (none: a new top-level unit). */
export function CreateOrgUnitForm() {
  const { t } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [validFrom, setValidFrom] = useState('');
  const [parent, setParent] = useState<PickedUnit | null>(null);
  const create = useMutation({
    mutationFn: () =>
      createOrgUnit({
        code: code.trim(),
        name: name.trim(),
        parentId: parent?.id ?? null,
        ...(validFrom ? { validFrom } : {}),
      }),
    onSuccess: async () => {
      setCode('');
      setName('');
      setValidFrom('');
      await queryClient.invalidateQueries({ queryKey: ['org-units'] });
    },
  });
  const fieldErrors = fieldErrorTexts(t, create.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate();
  }

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('orgUnitAdmin.createTitle')}</h2>
      <form className="form" onSubmit={submit} noValidate>
        <OrgUnitPicker
          label={t('orgUnitAdmin.parent')}
          value={parent?.id ?? null}
          onChange={setParent}
          allowAll
        />
        {!parent && <p className="muted">{t('orgUnitAdmin.noParent')}</p>}
        <div className="form-row">
          <InputField
            id={`${id}-code`}
            label={t('orgUnitAdmin.code')}
            short
            value={code}
            onValue={setCode}
            required
            maxLength={64}
            autoComplete="off"
            hint={t('orgUnitAdmin.codeHint')}
            error={fieldErrors.code}
          />
          <InputField
            id={`${id}-valid-from`}
            label={t('orgUnitAdmin.validFrom')}
            short
            type="date"
            value={validFrom}
            onValue={setValidFrom}
            error={fieldErrors.validFrom}
          />
        </div>
        <InputField
          id={`${id}-name`}
          label={t('orgUnitAdmin.name')}
          value={name}
          onValue={setName}
          required
          maxLength={255}
          error={fieldErrors.name}
        />
        {create.isError && Object.keys(fieldErrors).length === 0 && (
          <FormError error={create.error} />
        )}
        {create.isSuccess && (
          <p className="alert alert--success" role="status">
            {t('orgUnitAdmin.created', { name: create.data.name })}
          </p>
        )}
        <div className="button-row">
          <button
            type="submit"
            className="button button--primary"
            disabled={create.isPending}
            aria-busy={create.isPending}
          >
            {t('orgUnitAdmin.create')}
          </button>
        </div>
      </form>
    </section>
  );
}
