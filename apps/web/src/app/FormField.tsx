import type {
  InputHTMLAttributes,
  ReactNode,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from 'react';

/**
 * The app's `.field` row: a label tied to one control by `id`. `hint` is a muted line the
 * control points to with aria-describedby; `children` go under the control as they are
 * (error messages, hints that screen readers need not repeat).
 */
interface FieldProps {
  id: string;
  label: ReactNode;
  /** `.field--short`: numbers and short pickers that sit side by side in a `.form-row`. */
  short?: boolean;
  hint?: ReactNode;
  children?: ReactNode;
}

/** A control's own attributes, but `onValue(text)` in place of `onChange(event)`. */
type ControlProps<A> = FieldProps &
  Omit<A, 'id' | 'onChange' | 'children'> & { onValue: (value: string) => void };

function Field({ id, label, short, hint, children, control }: FieldProps & { control: ReactNode }) {
  return (
    <div className={short ? 'field field--short' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {control}
      {hint && (
        <p className="muted field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children}
    </div>
  );
}

/** `aria-describedby` of a control with a hint, unless the caller names its own. */
const describedBy = (id: string, hint: ReactNode, own: string | undefined) =>
  own ?? (hint ? `${id}-hint` : undefined);

export function InputField({
  id,
  label,
  short,
  hint,
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
      aria-describedby={describedBy(id, hint, input['aria-describedby'])}
      onChange={(e) => onValue(e.target.value)}
    />
  );
  return <Field {...{ id, label, short, hint, children, control }} />;
}

export function TextareaField({
  id,
  label,
  short,
  hint,
  children,
  onValue,
  ...textarea
}: ControlProps<TextareaHTMLAttributes<HTMLTextAreaElement>>) {
  const control = (
    <textarea
      id={id}
      {...textarea}
      aria-describedby={describedBy(id, hint, textarea['aria-describedby'])}
      onChange={(e) => onValue(e.target.value)}
    />
  );
  return <Field {...{ id, label, short, hint, children, control }} />;
}

/** A `<select>`; its `<option>`s are given as `options`, in order. */
export function SelectField({
  id,
  label,
  short,
  hint,
  children,
  onValue,
  options,
  ...select
}: ControlProps<SelectHTMLAttributes<HTMLSelectElement>> & { options: ReactNode }) {
  const control = (
    <select
      id={id}
      {...select}
      aria-describedby={describedBy(id, hint, select['aria-describedby'])}
      onChange={(e) => onValue(e.target.value)}
    >
      {options}
    </select>
  );
  return <Field {...{ id, label, short, hint, children, control }} />;
}
