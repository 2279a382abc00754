import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from 'react';
import { LabeledControl } from '@/components/forms/labeled-control';
import { HIDDEN_COLUMNS_PARAM } from '@/lib/view/hidden-columns';

// At most the width of the page, so a long tenant name does not widen a phone's layout.
const CONTROL = 'max-w-full rounded border border-slate-300 px-3 py-1.5';

/**
 * A list's filters as a GET form: the filtered view is a URL that can be bookmarked and shared.
 * The current sort, and the hidden columns of a table that has a column chooser, carry over.
 */
export function FilterForm({
  sort,
  hidden,
  submitLabel,
  children,
}: {
  sort: string;
  hidden?: string[];
  submitLabel: string;
  children: ReactNode;
}) {
  return (
    <form className="flex flex-wrap items-end gap-2" role="search">
      {children}
      <input type="hidden" name="sort" value={sort} />
      {hidden && <input type="hidden" name={HIDDEN_COLUMNS_PARAM} value={hidden.join(',')} disabled={hidden.length === 0} />}
      <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 text-white">
        {submitLabel}
      </button>
    </form>
  );
}

type Frame = {
  name: string;
  label: ReactNode;
  /** Defaults to the name. */
  id?: string;
  /** Fills its cell of a grid of filters instead of taking the width of its content. */
  fill?: boolean;
};

const controlClass = (fill: boolean | undefined, extra: string | undefined) => [fill && 'w-full', CONTROL, extra].filter(Boolean).join(' ');

export function FilterInput({
  name,
  label,
  id = name,
  fill,
  className,
  ...input
}: Frame & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'id'>) {
  return (
    <LabeledControl id={id} label={label} className={fill ? 'min-w-0' : undefined}>
      <input id={id} name={name} {...input} className={controlClass(fill, className)} />
    </LabeledControl>
  );
}

/** A filter select; with `anyLabel` its first option (empty value) leaves the filter off. */
export function FilterSelect({
  name,
  label,
  id = name,
  fill,
  className,
  options,
  anyLabel,
  ...select
}: Frame &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name' | 'id'> & {
    options: readonly { value: string; label: string }[];
    anyLabel?: string;
  }) {
  return (
    <LabeledControl id={id} label={label} className={fill ? 'min-w-0' : undefined}>
      <select id={id} name={name} {...select} className={controlClass(fill, className)}>
        {anyLabel !== undefined && <option value="">{anyLabel}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </LabeledControl>
  );
}
