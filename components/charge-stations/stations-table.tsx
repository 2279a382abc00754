import type { ReactNode } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import { EmptyList } from '@/components/data-table/empty-list';
import { RowLink } from '@/components/data-table/row-link';
import { RowNavigation } from '@/components/data-table/row-navigation';
import { PageCheckbox, RowCheckbox, RowSelection } from '@/components/data-table/selection';
import { SortHeader, type SortLink } from '@/components/data-table/sort-header';
import { HEADER_CELL, TableFrame } from '@/components/data-table/table-frame';
import { ViewMenu, type SaveTableView } from '@/components/data-table/view-menu';
import { StatusBadge } from '@/components/status/status-badge';
import type { FormAction } from '@/lib/actions/define-action';
import type { TableDensity } from '@/lib/domain/table-view';
import { formatTimestamp } from '@/lib/format';
import type { ChargeStation } from '@/lib/schemas/charge-station';
import { connectionOf } from '@/lib/view/stations';
import { BulkBar, type BulkChoice, type BulkPermissions, type BulkWords } from './bulk-bar';

export type StationRowView = Pick<
  ChargeStation,
  | 'id'
  | 'name'
  | 'ocpp_id'
  | 'status'
  | 'connected'
  | 'last_heartbeat_at'
  | 'availability'
  | 'availability_sync'
  | 'charger_type'
  | 'location_id'
  | 'custom_groups'
  | 'updated_at'
>;

/** The stations table's name in the user's saved table preferences. */
export const STATIONS_TABLE = 'charge_stations';

const COLUMN_IDS = [
  'name',
  'ocpp_id',
  'connected',
  'last_heartbeat_at',
  'status',
  'availability',
  'charger_type',
  'location_id',
  'custom_groups',
  'updated_at',
] as const;
type ColumnId = (typeof COLUMN_IDS)[number];

type Sorts = Record<'name' | 'ocpp_id' | 'updated_at', SortLink>;
type Bulk = { action: FormAction; permissions: BulkPermissions; tariffs: BulkChoice[]; maxIds: number };
type View = { hidden: string[]; density: TableDensity; pageSize: number; save: SaveTableView };

type Props = {
  rows: StationRowView[];
  sort: Sorts;
  view: View;
  bulk?: Bulk;
  /** When the page was rendered: connection states and "last heard" are as of then (the page refreshes live). */
  now: number;
};

/**
 * The charge stations table, rendered on the server: name and OCPP id first, the two ways people
 * tell a station apart (a name is optional; the OCPP id is what the charger reports), then the
 * statuses as badges. Each row links to its station. Only the row checkboxes with the bulk bar,
 * the arrow keys and the view menu run in the browser. On a phone the rows are cards with what
 * matters there: name, status and availability.
 */
export async function StationsTable({ rows, sort, view, bulk, now }: Props) {
  const [t, tAll, tStatus, tLive, tCommon, locale] = await Promise.all([
    getTranslations('StationList'),
    getTranslations(),
    getTranslations('Status'),
    getTranslations('Live'),
    getTranslations('Common'),
    getLocale(),
  ]);
  const nameOf = (row: StationRowView) => row.name ?? t('unnamed');
  const href = (row: StationRowView) => `/charge-stations/${row.id}`;
  const heard = (at: string | null): ReactNode => {
    if (!at) return <span className="text-slate-600">{tCommon('never')}</span>;
    return (
      <time dateTime={at} title={formatTimestamp(at, locale)}>
        {relativeWords(tLive, now - Date.parse(at))}
      </time>
    );
  };
  const sortable = (label: string, link: SortLink) => <SortHeader label={label} link={link} />;
  const columns: Record<ColumnId, { header: ReactNode; cell: (row: StationRowView) => ReactNode }> = {
    name: { header: sortable(t('columns.name'), sort.name), cell: (row) => <RowLink href={href(row)}>{nameOf(row)}</RowLink> },
    ocpp_id: { header: sortable(t('columns.ocpp_id'), sort.ocpp_id), cell: (row) => row.ocpp_id },
    connected: {
      header: t('columns.connected'),
      cell: (row) => <StatusBadge status={{ kind: 'connection', value: connectionOf(row, now) }} testId="connection-state" />,
    },
    last_heartbeat_at: { header: t('columns.last_heartbeat_at'), cell: (row) => heard(row.last_heartbeat_at) },
    status: { header: t('columns.status'), cell: (row) => <StatusBadge status={{ kind: 'station', value: row.status }} /> },
    availability: {
      header: t('columns.availability'),
      cell: (row) => <StatusBadge status={{ kind: 'availability', value: row.availability, sync: row.availability_sync }} />,
    },
    charger_type: { header: t('columns.charger_type'), cell: (row) => row.charger_type },
    location_id: { header: t('columns.location_id'), cell: (row) => (row.location_id ? t('linked') : t('unlinked')) },
    custom_groups: { header: t('columns.custom_groups'), cell: (row) => row.custom_groups.join(', ') },
    updated_at: { header: sortable(t('columns.updated_at'), sort.updated_at), cell: (row) => formatTimestamp(row.updated_at, locale) },
  };
  // The name names the row, so it cannot be hidden.
  const visible = COLUMN_IDS.filter((id) => id === 'name' || !view.hidden.includes(id));
  const selectLabel = (row: StationRowView) => t('selectRow', { station: `${nameOf(row)} (${row.ocpp_id})` });

  const table = (
    <TableFrame
      caption={t('caption')}
      rowCount={rows.length}
      columnCount={visible.length + (bulk ? 1 : 0)}
      emptyMessage={t('empty')}
      density={view.density}
      head={
        <tr>
          {bulk && (
            <th scope="col" className={`w-8 ${HEADER_CELL}`}>
              <PageCheckbox label={t('selectPage')} rowCount={rows.length} />
            </th>
          )}
          {visible.map((id) => (
            <th key={id} scope="col" className={HEADER_CELL}>
              {columns[id].header}
            </th>
          ))}
        </tr>
      }
    >
      {rows.map((row) => (
        <tr key={row.id} data-row className="hover:bg-slate-50 focus-within:bg-slate-50 has-[:checked]:bg-brand-50">
          {bulk && (
            <td className="px-3">
              <RowCheckbox id={row.id} label={selectLabel(row)} />
            </td>
          )}
          {visible.map((id) => (
            <td key={id} className="whitespace-nowrap px-3">
              {columns[id].cell(row)}
            </td>
          ))}
        </tr>
      ))}
    </TableFrame>
  );

  const cards = rows.length ? (
    <RowNavigation className="space-y-2">
      {bulk && (
        <label className="flex items-center gap-2 px-3 text-sm">
          <PageCheckbox rowCount={rows.length} />
          {t('selectAllCards')}
        </label>
      )}
      <ul aria-label={t('caption')} className="space-y-2" data-testid="station-cards">
        {rows.map((row) => (
          <li
            key={row.id}
            data-row
            className={`flex items-start gap-3 rounded-lg border border-slate-200 bg-white px-3 has-[:checked]:bg-brand-50 ${view.density === 'compact' ? 'py-1.5' : 'py-3'}`}
          >
            {bulk && (
              <span className="pt-0.5">
                <RowCheckbox id={row.id} label={selectLabel(row)} />
              </span>
            )}
            <div className="min-w-0 flex-1 space-y-1">
              <p className="break-words">
                <RowLink href={href(row)}>{nameOf(row)}</RowLink>
                <span className="ml-2 break-all text-xs text-slate-600">{row.ocpp_id}</span>
              </p>
              <p className="flex flex-wrap gap-1">
                <StatusBadge status={{ kind: 'station', value: row.status }} />
                <StatusBadge status={{ kind: 'availability', value: row.availability, sync: row.availability_sync }} />
              </p>
            </div>
          </li>
        ))}
      </ul>
    </RowNavigation>
  ) : (
    <EmptyList>{t('empty')}</EmptyList>
  );

  const body = (
    <div className="space-y-3">
      {bulk && <BulkBar {...bulk} words={bulkWords(tAll, tStatus, locale)} />}
      <ViewMenu
        table={STATIONS_TABLE}
        columns={COLUMN_IDS.filter((id) => id !== 'name').map((id) => ({ id, label: t(`columns.${id}`) }))}
        hidden={view.hidden}
        density={view.density}
        pageSize={view.pageSize}
        save={view.save}
        words={{
          columns: t('view.columns'),
          shownColumns: t('view.shownColumns'),
          density: t('view.density'),
          densities: { comfortable: t('view.comfortable'), compact: t('view.compact') },
          pageSize: t('view.pageSize'),
        }}
      />
      <div className="hidden sm:block">{table}</div>
      <div className="sm:hidden">{cards}</div>
    </div>
  );
  if (!bulk) return body;
  return <RowSelection rows={rows.map((row) => ({ id: row.id, label: `${nameOf(row)} (${row.ocpp_id})` }))}>{body}</RowSelection>;
}

type Translator<N extends 'Status' | 'Live'> = Awaited<ReturnType<typeof getTranslations<N>>>;

/** "12 s ago", "5 min ago", … in the user's language. */
function relativeWords(t: Translator<'Live'>, ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 5) return t('justNow');
  if (seconds < 60) return t('secondsAgo', { count: seconds });
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return t('minutesAgo', { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t('hoursAgo', { count: hours });
  return t('daysAgo', { count: Math.floor(hours / 24) });
}

/** The bulk bar's templates (filled in the browser, which ships no message formatter). */
function bulkWords(t: Awaited<ReturnType<typeof getTranslations<never>>>, tStatus: Translator<'Status'>, locale: string): BulkWords {
  return {
    // The namespace as written (templates, plural pairs), not formatted.
    ...((t.raw as (key: string) => unknown)('BulkActions') as Omit<BulkWords, 'availabilities' | 'locale'>),
    availabilities: { OPERATIVE: tStatus('availability.OPERATIVE'), INOPERATIVE: tStatus('availability.INOPERATIVE') },
    locale,
  };
}
