import Link from 'next/link';
import type { ReactNode } from 'react';

/** The way back up from a detail or form page to the page it belongs to. */
export function BackLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <p className="text-sm">
      <Link href={href} className="text-brand-700 underline">
        {children}
      </Link>
    </p>
  );
}
