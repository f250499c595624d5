import type { LessonField, LessonFieldTexts } from '../lesson-form';

/** Attributes tying a control to the message under it, when there is one. */
export function errorProps(id: string, errors: LessonFieldTexts, field: LessonField) {
  return errors[field] ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` } : {};
}

/** The message of one lesson field, under the field, in the reader's language. */
export function LessonFieldError({
  id,
  errors,
  field,
}: {
  id: string;
  errors: LessonFieldTexts;
  field: LessonField;
}) {
  const text = errors[field];
  if (!text) return null;
  return (
    <p id={`${id}-error`} className="field__hint field__hint--error">
      {text}
    </p>
  );
}
