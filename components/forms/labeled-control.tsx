import type { ReactNode } from 'react';

/**
 * A label above one plain control (list filters, the bulk bar, sign-in). Fields of an ActionForm
 * use TextField and its siblings instead, which also show the field's error.
 */
export function LabeledControl({
  id,
  label,
  className,
  children,
}: {
  id: string;
  label: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children}
    </div>
  );
}
