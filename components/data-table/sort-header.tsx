import Link from 'next/link';
import { useTranslations } from 'next-intl';

export type SortLink = { href: string; direction: 'asc' | 'desc' | null };

/** A column header that re-sorts through the URL, so the view can be bookmarked. */
export function SortHeader({ label, link }: { label: string; link: SortLink }) {
  const t = useTranslations('DataTable');
  const arrow = link.direction === 'asc' ? ' ▲' : link.direction === 'desc' ? ' ▼' : '';
  return (
    <Link href={link.href} className="hover:text-brand-700" aria-label={t('sortBy', { column: label })}>
      {label}
      {arrow}
    </Link>
  );
}

/** Hrefs for each sortable key: the same key again flips the direction. */
export function sortLinks<K extends string>(keys: readonly K[], current: string, query: URLSearchParams): Record<K, SortLink> {
  const active = current.replace(/^-/, '');
  const descending = current.startsWith('-');
  return Object.fromEntries(
    keys.map((key) => {
      const params = new URLSearchParams(query);
      params.delete('cursor');
      params.set('sort', key === active && !descending ? `-${key}` : key);
      const direction = key === active ? (descending ? 'desc' : 'asc') : null;
      return [key, { href: `?${params}`, direction }];
    }),
  ) as Record<K, SortLink>;
}
