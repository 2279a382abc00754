'use client';

import { useCallback, useMemo } from 'react';
import { useTranslations } from 'next-intl';
import { createColumnHelper } from '@tanstack/react-table';
import { nameLinkColumn, updatedAtColumn } from '@/components/data-table/columns';
import { DataTable } from '@/components/data-table/data-table';
import type { ServerTableFeatures } from '@/components/data-table/features';
import { SortHeader, type SortLink } from '@/components/data-table/sort-header';
import type { User } from '@/lib/schemas/user';
import { roleName } from './role-name';

const col = createColumnHelper<ServerTableFeatures, User>();

/** "VvE Parkzicht: Customer admin" per membership, or the CPO-wide role, in the user's language. */
function useRolesText(tenants: Record<string, string>) {
  const t = useTranslations('Users');
  const tRoles = useTranslations('Roles');
  return useCallback(
    (user: Pick<User, 'cpo_role' | 'memberships'>): string => {
      if (user.cpo_role) return t('allTenantsRole', { role: roleName(tRoles, user.cpo_role) });
      const memberships = user.memberships.map((m) =>
        t('membership', { tenant: tenants[m.tenant_id] ?? m.tenant_id, role: roleName(tRoles, m.role) }),
      );
      return memberships.join('; ') || '—';
    },
    [t, tRoles, tenants],
  );
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
  const t = useTranslations('Users');
  const rolesText = useRolesText(tenants);
  const columns = useMemo(
    () =>
      col.columns([
        nameLinkColumn(col, { sort: sort.name, href: (id) => `/users/${id}` }),
        col.accessor('email', { header: () => <SortHeader label={t('email')} link={sort.email} /> }),
        col.display({ id: 'roles', header: t('roles'), cell: (info) => rolesText(info.row.original) }),
        col.accessor('disabled', {
          header: t('signIn'),
          cell: (info) =>
            info.getValue() ? (
              <span className="text-red-800">{t('disabled')}</span>
            ) : (
              <span className="text-emerald-800">{t('enabled')}</span>
            ),
        }),
        updatedAtColumn(col, sort.updated_at),
      ]),
    [sort, t, rolesText],
  );
  return <DataTable caption={t('title')} columns={columns} data={rows} emptyMessage={t('empty')} />;
}
