'use client';

import { useMemo } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import { DataTable } from '@/components/data-table/data-table';
import type { ServerTableFeatures } from '@/components/data-table/features';
import { SortHeader, type SortLink } from '@/components/data-table/sort-header';
import type { FormAction } from '@/lib/actions/define-action';
import type { KeyStatus } from '@/lib/view/api-keys';
import type { ApiKey } from '@/lib/schemas/api-key';
import { RevokeKeyForm } from './revoke-key-form';
import { formatTimestamp } from '@/lib/format';

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
  const columns = useMemo(
    () =>
      col.columns([
        col.accessor('name', {
          header: () => <SortHeader label="Name" link={sort.name} />,
          cell: (info) => <span className="font-medium">{info.getValue()}</span>,
        }),
        col.accessor('prefix', { header: 'Prefix', cell: (info) => <code className="font-mono">{info.getValue()}…</code> }),
        col.accessor('tenant_id', {
          header: 'Tenant',
          cell: (info) => (info.getValue() ? (tenants[info.getValue()!] ?? info.getValue()) : 'All tenants (CPO-wide)'),
        }),
        col.accessor('role', { header: 'Role' }),
        col.accessor('created_at', {
          header: () => <SortHeader label="Created" link={sort.created_at} />,
          cell: (info) => formatTimestamp(info.getValue()),
        }),
        col.accessor('last_used_at', { header: 'Last used', cell: (info) => formatTimestamp(info.getValue(), undefined, 'Never') }),
        col.accessor('expires_at', { header: 'Expires', cell: (info) => formatTimestamp(info.getValue(), undefined, 'Never') }),
        col.display({
          id: 'status',
          header: 'Status',
          cell: (info) => {
            const key = info.row.original;
            const text = key.status;
            return (
              <span className={text === 'Active' ? 'text-emerald-800' : 'text-slate-500'}>
                {text}
                {key.revoked_at ? ` ${formatTimestamp(key.revoked_at)}` : ''}
              </span>
            );
          },
        }),
        ...(revoke
          ? [
              col.display({
                id: 'actions',
                header: 'Actions',
                cell: (info) => {
                  const key = info.row.original;
                  return key.revoked_at ? null : <RevokeKeyForm action={revoke} id={key.id} version={key.version} name={key.name} />;
                },
              }),
            ]
          : []),
      ]),
    [sort, tenants, revoke],
  );
  return <DataTable caption="API keys" columns={columns} data={rows} emptyMessage="No API keys match." />;
}
