'use client';

import type { ReactNode } from 'react';
import { useFormStatus } from 'react-dom';
import { useActionPending } from './action-form';

const STYLES = {
  primary: 'rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-600 disabled:opacity-60',
  secondary: 'rounded border border-slate-300 bg-white px-4 py-2 hover:bg-slate-100 disabled:opacity-60',
  danger: 'rounded border border-red-300 bg-white px-4 py-2 text-red-800 hover:bg-red-50 disabled:opacity-60',
};

/** A form's submit button: disabled with a pending label while the server action runs. */
export function SubmitButton({
  children,
  pendingLabel,
  variant = 'primary',
  className = '',
  disabled = false,
}: {
  children: ReactNode;
  pendingLabel: string;
  variant?: keyof typeof STYLES;
  className?: string;
  disabled?: boolean;
}) {
  // A plain `<form action>` reports through useFormStatus; an ActionForm through its context.
  const formStatus = useFormStatus();
  const actionPending = useActionPending();
  const pending = formStatus.pending || actionPending;
  return (
    <button type="submit" disabled={pending || disabled} className={`${STYLES[variant]} ${className}`}>
      {pending ? pendingLabel : children}
    </button>
  );
}
