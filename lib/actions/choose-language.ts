'use server';

import { redirect } from 'next/navigation';
import { sessionContext } from '@/lib/auth/request-context';
import { localPath } from '@/lib/http/local-path';
import { rememberLocale } from '@/lib/i18n/locale-cookie';
import { isPortalLocale } from '@/lib/i18n/locales';
import { updateUser } from '@/lib/services/users';

/**
 * The language switch (header and sign-in page): a signed-in user's choice is saved on the user
 * (audited like any change of the user, and it follows them to other browsers at sign-in); the
 * cookie makes this browser speak it at once. Shows the same page again.
 */
export async function chooseLanguage(form: FormData): Promise<void> {
  const locale = form.get('locale');
  const returnTo = localPath(String(form.get('return_to') ?? '/'));
  if (!isPortalLocale(locale)) redirect(returnTo);
  const ctx = await sessionContext();
  if (ctx?.actor.kind === 'user') await updateUser({ ctx, id: ctx.actor.id, body: { locale } });
  await rememberLocale(locale);
  redirect(returnTo);
}
