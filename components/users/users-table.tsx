'use client';

import { useMemo } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import { nameLinkColumn, updatedAtColumn } from '@/components/data-table/columns';
import { DataTable } from '@/components/data-table/data-table';
import type { ServerTableFeatures } from '@/components/data-table/features';
import { SortHeader, type SortLink } from '@/components/data-table/sort-header';
import type { User } from '@/lib/schemas/user';

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
        nameLinkColumn(col, { sort: sort.name, href: (id) => `/users/${id}` }),
        col.accessor('email', { header: () => <SortHeader label="Email" link={sort.email} /> }),
        col.display({ id: 'roles', header: 'Roles', cell: (info) => rolesText(info.row.original, tenants) }),
        col.accessor('disabled', {
          header: 'Sign-in',
          cell: (info) =>
            info.getValue() ? <span className="text-red-800">Disabled</span> : <span className="text-emerald-800">Enabled</span>,
        }),
        updatedAtColumn(col, sort.updated_at),
      ]),
    [sort, tenants],
  );
  return <DataTable caption="Users" columns={columns} data={rows} emptyMessage="No users match." />;
}
