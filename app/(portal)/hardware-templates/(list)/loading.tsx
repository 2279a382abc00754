import { useTranslations } from 'next-intl';

export default function Loading() {
  const t = useTranslations('HardwareTemplates');
  return <p className="p-4 text-slate-500">{t('loading')}</p>;
}
