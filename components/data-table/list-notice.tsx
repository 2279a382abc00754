import { useTranslations } from 'next-intl';
import type { ListNoticeKind } from '@/lib/portal/list-page';

/** Why a list shows other rows than its address asked for (ignored filters, an expired page link). */
export function ListNotice({ notice }: { notice: ListNoticeKind | undefined }) {
  const t = useTranslations('DataTable');
  return notice ? <p className="rounded bg-amber-50 p-2 text-sm text-amber-900">{t(notice)}</p> : null;
}
