import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { ScrollBox } from '@/components/layout/scroll-box';
import { StatusBadge } from '@/components/status/status-badge';
import { EVSE_STATUSES, type EvseStatus } from '@/lib/domain/vocabulary';
import { formatNumber } from '@/lib/format';

type TenantRow = { tenantId: string | null; tenantName: string | null; total: number; counts: Partial<Record<EvseStatus, number>> };

/**
 * Tenant rows × status columns (only the statuses that occur). A tenant's counts open the stations
 * list filtered on that tenant and status; the pool's are plain numbers (the list has no pool-only filter).
 */
export function TenantStatusTable({ rows, tenantCount }: { rows: TenantRow[]; tenantCount: number }) {
  const t = useTranslations('Dashboard');
  const tStatus = useTranslations('Status');
  const locale = useLocale();
  const statuses = EVSE_STATUSES.filter((status) => rows.some((row) => row.counts[status]));
  if (!rows.length) return <p className="text-sm text-slate-600">{t('noStations')}</p>;
  const count = (row: TenantRow, n: number, label: string, filter: string) =>
    row.tenantId ? (
      <Link href={`/charge-stations?tenant=${row.tenantId}${filter}`} className="text-brand-700 underline" aria-label={label}>
        {formatNumber(n, locale)}
      </Link>
    ) : (
      formatNumber(n, locale)
    );
  return (
    <div className="space-y-2">
      {rows.length < tenantCount && (
        <p className="text-xs text-slate-600">{t('byTenantSome', { shown: rows.length, total: tenantCount })}</p>
      )}
      <ScrollBox label={t('byTenant')}>
        <table className="w-full text-sm" data-testid="tenant-status-table">
          <caption className="sr-only">{t('byTenantCaption')}</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left">
              <th scope="col" className="py-1 pr-3 font-medium">
                {t('customer')}
              </th>
              {statuses.map((status) => (
                <th key={status} scope="col" className="px-2 py-1 text-right font-medium">
                  <StatusBadge status={{ kind: 'station', value: status }} />
                </th>
              ))}
              <th scope="col" className="py-1 pl-2 text-right font-medium">
                {t('total')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const name = row.tenantId ? (row.tenantName ?? t('unknownTenant')) : t('pool');
              return (
                <tr key={row.tenantId ?? 'pool'} className="border-b border-slate-100">
                  <th scope="row" className="max-w-[12rem] truncate py-1 pr-3 text-left font-normal" title={name}>
                    {name}
                  </th>
                  {statuses.map((status) => {
                    const n = row.counts[status] ?? 0;
                    return (
                      <td key={status} className="px-2 py-1 text-right tabular-nums">
                        {n ? (
                          count(
                            row,
                            n,
                            t('countLink', { count: n, tenant: name, status: tStatus(`station.${status}`) }),
                            `&status=${status}`,
                          )
                        ) : (
                          <span className="text-slate-500">{formatNumber(0, locale)}</span>
                        )}
                      </td>
                    );
                  })}
                  <td className="py-1 pl-2 text-right font-medium tabular-nums">
                    {count(row, row.total, t('totalLink', { count: row.total, tenant: name }), '')}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollBox>
    </div>
  );
}
