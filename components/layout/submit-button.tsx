'use client';

import type { ReactNode } from 'react';
import { useFormStatus } from 'react-dom';

/** A form's submit button that shows a pending state while the server action runs. */
export function SubmitButton({ children, pendingLabel }: { children: ReactNode; pendingLabel: string }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      className="w-full rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-600 disabled:opacity-60"
    >
      {pending ? pendingLabel : children}
    </button>
  );
}
