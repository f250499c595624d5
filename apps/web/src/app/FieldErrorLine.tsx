/**
 * The API's refusal of one field, under it, already translated (`fieldErrorTexts`). Form
 * fields show it through their `error` prop; groups (fieldsets, pickers) place it themselves.
 */
export function FieldErrorLine({ id, text }: { id: string; text: string | undefined }) {
  if (!text) return null;
  return (
    <p id={`${id}-error`} className="field__hint field__hint--error">
      {text}
    </p>
  );
}
