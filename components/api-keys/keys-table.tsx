'use client';

import { useMemo } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { createColumnHelper } from '@tanstack/react-table';
import { DataTable } from '@/components/data-table/data-table';
import type { ServerTableFeatures } from '@/components/data-table/features';
import { SortHeader, type SortLink } from '@/components/data-table/sort-header';
import type { FormAction } from '@/lib/actions/define-action';
import type { KeyStatus } from '@/lib/view/api-keys';
import type { ApiKey } from '@/lib/schemas/api-key';
import { StatusBadge } from '@/components/status/status-badge';
import { RevokeKeyForm } from './revoke-key-form';
import { formatTimestamp } from '@/lib/format';
import { roleName } from '@/components/users/role-name';

export type KeyRow = ApiKey & { status: KeyStatus };

const col = createColumnHelper<ServerTableFeatures, KeyRow>();

type Props = {
  rows: KeyRow[];
  tenants: Record<string, string>;
  sort: Record<'name' | 'created_at', SortLink>;
  /** Present only for callers who may revoke (each row is checked again on the server). */
  revoke?: FormAction;
};

export function KeysTable({ rows, tenants, sort, revoke }: Props) {
  const t = useTranslations('ApiKeys');
  const tRoles = useTranslations('Roles');
  const locale = useLocale();
  const columns = useMemo(
    () =>
      col.columns([
        col.accessor('name', {
          header: () => <SortHeader label={t('name')} link={sort.name} />,
          cell: (info) => <span className="font-medium">{info.getValue()}</span>,
        }),
        col.accessor('prefix', { header: t('prefix'), cell: (info) => <code className="font-mono">{info.getValue()}…</code> }),
        col.accessor('tenant_id', {
          header: t('tenant'),
          cell: (info) => (info.getValue() ? (tenants[info.getValue()!] ?? info.getValue()) : tRoles('cpoWide')),
        }),
        col.accessor('role', { header: t('role'), cell: (info) => roleName(tRoles, info.getValue()) }),
        col.accessor('created_at', {
          header: () => <SortHeader label={t('created')} link={sort.created_at} />,
          cell: (info) => formatTimestamp(info.getValue(), locale),
        }),
        col.accessor('last_used_at', { header: t('lastUsed'), cell: (info) => formatTimestamp(info.getValue(), locale, t('never')) }),
        col.accessor('expires_at', { header: t('expires'), cell: (info) => formatTimestamp(info.getValue(), locale, t('never')) }),
        col.display({
          id: 'status',
          header: t('status'),
          cell: (info) => {
            const key = info.row.original;
            return (
              <span className="inline-flex flex-wrap items-center gap-x-2">
                <StatusBadge status={{ kind: 'apiKey', value: key.status }} />
                {key.revoked_at && <span className="text-xs text-slate-600">{formatTimestamp(key.revoked_at, locale)}</span>}
              </span>
            );
          },
        }),
        ...(revoke
          ? [
              col.display({
                id: 'actions',
                header: t('actions'),
                cell: (info) => {
                  const key = info.row.original;
                  return key.revoked_at ? null : <RevokeKeyForm action={revoke} id={key.id} version={key.version} name={key.name} />;
                },
              }),
            ]
          : []),
      ]),
    [sort, tenants, revoke, t, tRoles, locale],
  );
  return <DataTable caption={t('title')} columns={columns} data={rows} emptyMessage={t('empty')} />;
}
