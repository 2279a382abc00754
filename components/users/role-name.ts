import type { useTranslations } from 'next-intl';

type RoleWords = ReturnType<typeof useTranslations<'Roles'>>;

/** A role id in the user's language; a role the portal has no words for keeps the API's name (or id). */
export function roleName(t: RoleWords, id: string, fallback = id): string {
  const key = id as Parameters<RoleWords>[0];
  return t.has(key) ? t(key) : fallback;
}

/** A role as a select shows it: its words and its id. */
export function roleOption(t: RoleWords, role: { id: string; name: string }): string {
  return t('option', { name: roleName(t, role.id, role.name), id: role.id });
}
