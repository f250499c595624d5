import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../app/FormError';
import { InputField } from '../../app/FormField';
import { addModule } from '../api';
import { useDraftMutation } from '../hooks/useCourseDraft';

export function AddModuleForm({ courseId }: { courseId: string }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const add = useDraftMutation(courseId, (value: string) => addModule(courseId, value));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    add.mutate(title.trim(), { onSuccess: () => setTitle('') });
  }

  return (
    <form className="form form--inline card" onSubmit={onSubmit}>
      <FormError error={add.error} />
      <InputField
        id="new-module-title"
        label={t('authoring.newModuleTitle')}
        required
        maxLength={255}
        value={title}
        onValue={setTitle}
      />
      <button type="submit" className="button" disabled={add.isPending}>
        {t('authoring.addModule')}
      </button>
    </form>
  );
}
