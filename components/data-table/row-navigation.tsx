'use client';

import type { KeyboardEvent, ReactNode } from 'react';

const KEYS = new Set(['ArrowDown', 'ArrowUp', 'Home', 'End']);

/**
 * Arrow keys move the focus from row to row (to each row's link, `data-row-link`), Home and End
 * to the first and last row; Enter then opens the row as any link does. Rows hidden by the layout
 * (the table on a phone, the cards on a desktop) are skipped.
 */
export function RowNavigation({ children, className }: { children: ReactNode; className?: string }) {
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!KEYS.has(event.key) || event.altKey || event.ctrlKey || event.metaKey) return;
    const current = (event.target as HTMLElement).closest('[data-row]');
    if (!current || (event.target as HTMLElement).matches('input, select, textarea')) return;
    const links = [...event.currentTarget.querySelectorAll<HTMLAnchorElement>('a[data-row-link]')].filter(
      (link) => link.getClientRects().length > 0,
    );
    const at = links.findIndex((link) => current.contains(link));
    const next = event.key === 'Home' ? 0 : event.key === 'End' ? links.length - 1 : at + (event.key === 'ArrowDown' ? 1 : -1);
    const target = links[Math.max(0, Math.min(links.length - 1, next))];
    if (!target) return;
    event.preventDefault();
    target.focus();
    target.closest('[data-row]')?.scrollIntoView({ block: 'nearest' });
  };
  return (
    // Keys bubble here from the links inside; the rows themselves are reached with Tab.
    <div onKeyDown={onKeyDown} className={className}>
      {children}
    </div>
  );
}
