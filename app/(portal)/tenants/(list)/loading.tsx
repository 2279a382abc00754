import { useTranslations } from 'next-intl';

export default function Loading() {
  const t = useTranslations('Tenants');
  return <p className="p-4 text-slate-500">{t('loading')}</p>;
}
