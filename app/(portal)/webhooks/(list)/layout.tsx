import type { ReactNode } from 'react';
import { requirePagePermission } from '@/lib/auth/page-context';

/** Checked here, above the list's loading state, so a refused visit answers HTTP 404. */
export default async function Layout({ children }: { children: ReactNode }) {
  await requirePagePermission('webhook:manage');
  return children;
}
