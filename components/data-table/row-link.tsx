import Link from 'next/link';
import type { ReactNode } from 'react';

/** A table row's main cell: a real link to the object's page. */
export function RowLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} className="font-medium text-brand-700 hover:underline">
      {children}
    </Link>
  );
}
