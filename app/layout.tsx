import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Common');
  return {
    title: { default: t('appName'), template: `%s · ${t('appName')}` },
    description: 'Locations and charge stations of a charge point operator',
  };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: Next.js puts that request's CSP nonce (set by proxy.ts) on its
  // scripts, and a page prerendered at build time would carry none and be blocked.
  await connection();
  const locale = await getLocale();
  return (
    <html lang={locale}>
      {/* No message provider here: sections whose client components translate add one (see docs/PORTAL.md). */}
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">{children}</body>
    </html>
  );
}
