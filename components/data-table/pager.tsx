import Link from 'next/link';
import { useTranslations } from 'next-intl';

/** First / next page links of a keyset-paginated list; the state stays in the URL. */
export function Pager({ params, nextCursor }: { params: URLSearchParams; nextCursor: string | null }) {
  const t = useTranslations('DataTable');
  const first = new URLSearchParams(params);
  first.delete('cursor');
  const next = new URLSearchParams(params);
  if (nextCursor) next.set('cursor', nextCursor);
  return (
    <nav aria-label={t('pages')} className="flex gap-3 text-sm">
      {params.has('cursor') && (
        <Link href={`?${first}`} className="text-brand-700 underline">
          {t('firstPage')}
        </Link>
      )}
      {nextCursor && (
        <Link href={`?${next}`} className="text-brand-700 underline">
          {t('nextPage')}
        </Link>
      )}
    </nav>
  );
}
