/** Attributes tying a control to its error line (the hint, when any, is replaced). */
export function fieldErrorProps(id: string, text: string | undefined) {
  return text ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` } : {};
}

/** The API's refusal of one field, under it, already translated (`fieldErrorTexts`). */
export function FieldErrorLine({ id, text }: { id: string; text: string | undefined }) {
  if (!text) return null;
  return (
    <p id={`${id}-error`} className="field__hint field__hint--error">
      {text}
    </p>
  );
}
