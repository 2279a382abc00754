import { NextIntlClientProvider } from 'next-intl';
import type { ReactNode } from 'react';
import { requirePagePermission } from '@/lib/auth/page-context';

/**
 * Checked here, above the page's loading state, so a refused visit answers HTTP 404. The section's
 * client components translate in the browser: they get the messages here (docs/PORTAL.md).
 */
export default async function Layout({ children }: { children: ReactNode }) {
  await requirePagePermission(['location:write', 'station:write']);
  return <NextIntlClientProvider>{children}</NextIntlClientProvider>;
}
