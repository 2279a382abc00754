import Link from 'next/link';
import type { ReactNode } from 'react';

/** A table row's main cell: a real link to the object's page, and where the arrow keys move the focus (RowNavigation). */
export function RowLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} data-row-link className="font-medium text-brand-700 hover:underline focus-visible:underline">
      {children}
    </Link>
  );
}
