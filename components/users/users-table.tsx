'use client';

import { useMemo } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import { DataTable } from '@/components/data-table/data-table';
import type { ServerTableFeatures } from '@/components/data-table/features';
import { SortHeader, type SortLink } from '@/components/data-table/sort-header';
import type { User } from '@/lib/schemas/user';
import { formatTimestamp } from '@/lib/format';
import { RowLink } from '@/components/data-table/row-link';

const col = createColumnHelper<ServerTableFeatures, User>();

/** "VvE Parkzicht: customer_admin" per membership, or the CPO-wide role. */
export function rolesText(user: Pick<User, 'cpo_role' | 'memberships'>, tenants: Record<string, string>): string {
  if (user.cpo_role) return `All tenants: ${user.cpo_role}`;
  return user.memberships.map((m) => `${tenants[m.tenant_id] ?? m.tenant_id}: ${m.role}`).join('; ') || '—';
}

export function UsersTable({
  rows,
  tenants,
  sort,
}: {
  rows: User[];
  tenants: Record<string, string>;
  sort: Record<'name' | 'email' | 'updated_at', SortLink>;
}) {
  const columns = useMemo(
    () =>
      col.columns([
        col.accessor('name', {
          header: () => <SortHeader label="Name" link={sort.name} />,
          cell: (info) => <RowLink href={`/users/${info.row.original.id}`}>{info.getValue()}</RowLink>,
        }),
        col.accessor('email', { header: () => <SortHeader label="Email" link={sort.email} /> }),
        col.display({ id: 'roles', header: 'Roles', cell: (info) => rolesText(info.row.original, tenants) }),
        col.accessor('disabled', {
          header: 'Sign-in',
          cell: (info) =>
            info.getValue() ? <span className="text-red-800">Disabled</span> : <span className="text-emerald-800">Enabled</span>,
        }),
        col.accessor('updated_at', {
          header: () => <SortHeader label="Updated" link={sort.updated_at} />,
          cell: (info) => formatTimestamp(info.getValue()),
        }),
      ]),
    [sort, tenants],
  );
  return <DataTable caption="Users" columns={columns} data={rows} getRowId={(r) => r.id} emptyMessage="No users match." />;
}
