import { NextIntlClientProvider } from 'next-intl';
import type { ReactNode } from 'react';

/** This section's client components translate in the browser: they get the messages here (docs/PORTAL.md). */
export default function Layout({ children }: { children: ReactNode }) {
  return <NextIntlClientProvider>{children}</NextIntlClientProvider>;
}
