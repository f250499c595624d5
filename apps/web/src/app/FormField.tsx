import type {
  InputHTMLAttributes,
  ReactNode,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from 'react';
import { FieldErrorLine } from './FieldErrorLine';

/**
 * The app's `.field` row: a label tied to one control by `id`. `hint` is a muted line the
 * control points to with aria-describedby; `error` is the API's refusal of this field, already
 * translated: shown under it, read with it, and the control marked invalid; `children` go
 * under the control as they are (hints that screen readers need not repeat).
 */
interface FieldProps {
  id: string;
  label: ReactNode;
  /** `.field--short`: numbers and short pickers that sit side by side in a `.form-row`. */
  short?: boolean;
  hint?: ReactNode;
  error?: string;
  children?: ReactNode;
}

/** A control's own attributes, but `onValue(text)` in place of `onChange(event)`. */
type ControlProps<A> = FieldProps &
  Omit<A, 'id' | 'onChange' | 'children'> & { onValue: (value: string) => void };

function Field({
  id,
  label,
  short,
  hint,
  error,
  children,
  control,
}: FieldProps & { control: ReactNode }) {
  return (
    <div className={short ? 'field field--short' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {control}
      {hint && (
        <p className="muted field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldErrorLine id={id} text={error} />
      {children}
    </div>
  );
}

/** What a control is read with: its error and its hint, unless the caller names its own. */
function describedBy(id: string, hint: ReactNode, error: string | undefined, own?: string) {
  if (own) return own;
  // The refusal first: it is what the person must act on; the hint says how.
  const ids = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function InputField({
  id,
  label,
  short,
  hint,
  error,
  children,
  onValue,
  type = 'text',
  ...input
}: ControlProps<InputHTMLAttributes<HTMLInputElement>>) {
  const control = (
    <input
      id={id}
      type={type}
      {...input}
      aria-invalid={error ? true : input['aria-invalid']}
      aria-describedby={describedBy(id, hint, error, input['aria-describedby'])}
      onChange={(e) => onValue(e.target.value)}
    />
  );
  return <Field {...{ id, label, short, hint, error, children, control }} />;
}

export function TextareaField({
  id,
  label,
  short,
  hint,
  error,
  children,
  onValue,
  ...textarea
}: ControlProps<TextareaHTMLAttributes<HTMLTextAreaElement>>) {
  const control = (
    <textarea
      id={id}
      {...textarea}
      aria-invalid={error ? true : textarea['aria-invalid']}
      aria-describedby={describedBy(id, hint, error, textarea['aria-describedby'])}
      onChange={(e) => onValue(e.target.value)}
    />
  );
  return <Field {...{ id, label, short, hint, error, children, control }} />;
}

/** A `<select>`; its `<option>`s are given as `options`, in order. */
export function SelectField({
  id,
  label,
  short,
  hint,
  error,
  children,
  onValue,
  options,
  ...select
}: ControlProps<SelectHTMLAttributes<HTMLSelectElement>> & { options: ReactNode }) {
  const control = (
    <select
      id={id}
      {...select}
      aria-invalid={error ? true : select['aria-invalid']}
      aria-describedby={describedBy(id, hint, error, select['aria-describedby'])}
      onChange={(e) => onValue(e.target.value)}
    >
      {options}
    </select>
  );
  return <Field {...{ id, label, short, hint, error, children, control }} />;
}
