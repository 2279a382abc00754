import type { ReactNode } from 'react';

/**
 * A wide table's own horizontal scroll area, so the page never scrolls sideways on a phone.
 * Focusable and named, so keyboard users can scroll it too.
 */
export function ScrollBox({ label, className = '', children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className={`relative overflow-x-auto ${className}`}>
      {children}
    </div>
  );
}
