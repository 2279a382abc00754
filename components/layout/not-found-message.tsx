import Link from 'next/link';
import { useTranslations } from 'next-intl';

/**
 * The 404 page's text: missing and out-of-scope look the same. Inside the portal it sits in the
 * frame's `main`; on its own (`standalone`) it is the page's main landmark.
 */
export function NotFoundMessage({ standalone = false }: { standalone?: boolean }) {
  const t = useTranslations('Errors');
  const Frame = standalone ? 'main' : 'div';
  return (
    <Frame className="mx-auto max-w-md p-8 text-center">
      <h1 className="text-2xl font-semibold">{t('notFoundTitle')}</h1>
      <p className="mt-2 text-slate-600">{t('notFoundText')}</p>
      <Link href="/" className="mt-4 inline-block text-brand-700 underline">
        {t('backToDashboard')}
      </Link>
    </Frame>
  );
}
