import Link from 'next/link';
import type { ReactNode } from 'react';

/** A page's title with its main action beside it (e.g. "New location"); wraps on a phone. */
export function PageHeader({ title, action }: { title: ReactNode; action?: { href: string; label: string } }) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-2">
      <h1 className="break-words text-2xl font-semibold">{title}</h1>
      {action && (
        <Link href={action.href} className="rounded bg-brand-700 px-3 py-1.5 text-white hover:bg-brand-600">
          {action.label}
        </Link>
      )}
    </div>
  );
}
