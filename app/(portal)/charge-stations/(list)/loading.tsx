import { useTranslations } from 'next-intl';

export default function Loading() {
  return <p className="p-4 text-slate-500">{useTranslations('StationList')('loading')}</p>;
}
