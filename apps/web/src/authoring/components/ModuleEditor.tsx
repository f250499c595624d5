import type { AuthoringModule } from '@dx/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../app/FormError';
import { InputField } from '../../app/FormField';
import { deleteModule, renameModule } from '../api';
import { useDraftMutation } from '../hooks/useCourseDraft';
import { AddLessonForm } from './AddLessonForm';
import { LessonEditor } from './LessonEditor';

export function ModuleEditor({
  courseId,
  module,
  index,
}: {
  courseId: string;
  module: AuthoringModule;
  index: number;
}) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(module.title);
  const rename = useDraftMutation(courseId, (value: string) => renameModule(module.id, value));
  const remove = useDraftMutation(courseId, () => deleteModule(module.id));
  const lessons = [...module.lessons].sort((a, b) => a.position - b.position);

  function onRename(event: FormEvent) {
    event.preventDefault();
    rename.mutate(title.trim());
  }

  function onDelete() {
    if (window.confirm(t('authoring.confirmDeleteModule', { title: module.title }))) {
      remove.mutate(undefined);
    }
  }

  return (
    <section
      className="card module-editor"
      aria-label={t('authoring.moduleLabel', { n: index + 1 })}
    >
      <form className="form form--inline" onSubmit={onRename}>
        <InputField
          id={`module-${module.id}-title`}
          label={t('authoring.moduleN', { n: index + 1 })}
          required
          maxLength={255}
          value={title}
          onValue={setTitle}
        />
        <div className="button-row">
          <button
            type="submit"
            className="button"
            disabled={rename.isPending || title.trim() === module.title}
          >
            {t('authoring.rename')}
          </button>
          <button
            type="button"
            className="button button--danger"
            onClick={onDelete}
            disabled={remove.isPending}
          >
            {t('authoring.deleteModule')}
          </button>
        </div>
      </form>
      <FormError error={rename.error ?? remove.error} />
      {lessons.length === 0 ? (
        <p className="muted">{t('authoring.noLessons')}</p>
      ) : (
        <div className="editor-list">
          {lessons.map((lesson) => (
            <LessonEditor key={lesson.id} courseId={courseId} lesson={lesson} />
          ))}
        </div>
      )}
      <AddLessonForm courseId={courseId} moduleId={module.id} />
    </section>
  );
}
