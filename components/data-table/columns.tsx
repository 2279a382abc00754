import type { ColumnHelper, RowData } from '@tanstack/react-table';
import { useLocale, useTranslations } from 'next-intl';
import { formatTimestamp } from '@/lib/format';
import type { ServerTableFeatures } from './features';
import { RowLink } from './row-link';
import { SortHeader, type SortLink } from './sort-header';

type Helper<T extends RowData> = ColumnHelper<ServerTableFeatures, T>;

/** The row's name, sorted through the URL, as the link to the row's page; it names the row, so it cannot be hidden. */
export function nameLinkColumn<T extends { id: string; name: string | null }>(
  col: Helper<T>,
  { sort, href, unnamed = '' }: { sort: SortLink; href: (id: string) => string; unnamed?: string },
) {
  return col.accessor((row) => row.name, {
    id: 'name',
    enableHiding: false,
    header: () => <LabelledSortHeader column="name" link={sort} />,
    cell: (info) => <RowLink href={href(info.row.original.id)}>{info.getValue() ?? unnamed}</RowLink>,
  });
}

/** When the row last changed, sorted through the URL. */
export function updatedAtColumn<T extends { updated_at: string }>(col: Helper<T>, sort: SortLink) {
  return col.accessor((row) => row.updated_at, {
    id: 'updated_at',
    header: () => <LabelledSortHeader column="updated" link={sort} />,
    cell: (info) => <Timestamp value={info.getValue()} />,
  });
}

function LabelledSortHeader({ column, link }: { column: 'name' | 'updated'; link: SortLink }) {
  const t = useTranslations('DataTable');
  return <SortHeader label={t(column)} link={link} />;
}

function Timestamp({ value }: { value: string }) {
  return formatTimestamp(value, useLocale());
}
