'use client';

import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { useFieldError } from './action-form';

type Common = {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  /** JSON pointer of the field's errors; defaults to `/name`. */
  path?: string;
};

const CONTROL = 'w-full rounded border border-slate-300 px-3 py-1.5 aria-[invalid=true]:border-red-600';

/** Label, control, hint and the field's own error. */
function FieldFrame({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}

/** Id, error and the aria wiring (aria-invalid, aria-describedby) of one field. */
function useField({ name, path, hint }: Omit<Common, 'label'>) {
  const id = useId();
  const error = useFieldError(path ?? `/${name}`);
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return { id, error, control: { id, name, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy } };
}

export function TextField({
  name,
  label,
  hint,
  path,
  className = '',
  ...input
}: Common & Omit<InputHTMLAttributes<HTMLInputElement>, 'name'>) {
  const { id, error, control } = useField({ name, hint, path });
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <input {...input} {...control} className={`${CONTROL} ${className}`} />
    </FieldFrame>
  );
}

export function TextAreaField({ name, label, hint, path, ...input }: Common & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name'>) {
  const { id, error, control } = useField({ name, hint, path });
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <textarea rows={3} {...input} {...control} className={CONTROL} />
    </FieldFrame>
  );
}

export function SelectField({
  name,
  label,
  hint,
  path,
  options,
  ...select
}: Common & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name'> & { options: readonly { value: string; label: string }[] }) {
  const { id, error, control } = useField({ name, hint, path });
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <select {...select} {...control} className={CONTROL}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** A group of checkboxes sent as `name[]` (an array in the action's input). */
export function CheckboxGroup({
  name,
  label,
  hint,
  path,
  options,
  checked,
}: Common & { options: readonly { value: string; label: string }[]; checked: readonly string[] }) {
  const id = useId();
  const error = useFieldError(path ?? `/${name}`);
  return (
    <fieldset aria-describedby={error ? `${id}-error` : undefined} className="space-y-1">
      <legend className="text-sm font-medium">{label}</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {options.map((option) => (
          <label key={option.value} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name={`${name}[]`} value={option.value} defaultChecked={checked.includes(option.value)} />
            {option.label}
          </label>
        ))}
      </div>
      {hint && <p className="text-xs text-slate-600">{hint}</p>}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-800">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** The error the API reports at `path` for a group of controls (e.g. "at least one price"); `fallback` words it for the form. */
export function FieldErrorAt({ path, fallback }: { path: string; fallback?: string }) {
  const error = useFieldError(path);
  if (!error) return null;
  return <p className="text-sm text-red-800">{fallback ?? error}</p>;
}
