'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { mayFocus, unfocused } from '@/lib/auth/context';
import { requirePageContext } from '@/lib/auth/page-context';
import { FOCUS_TENANT_COOKIE } from '@/lib/auth/request-context';
import { localPath } from '@/lib/http/local-path';
import { isUuid } from '@/lib/domain/ids';

/** The tenant switcher: remember the chosen tenant (or all) and show the same page again. */
export async function switchTenant(form: FormData) {
  const ctx = unfocused(await requirePageContext());
  const tenantId = String(form.get('tenant') ?? '');
  const returnTo = String(form.get('return_to') ?? '/');
  const jar = await cookies();
  if (tenantId && isUuid(tenantId) && mayFocus(ctx, tenantId)) {
    jar.set(FOCUS_TENANT_COOKIE, tenantId, { httpOnly: true, sameSite: 'lax', path: '/' });
  } else {
    jar.delete(FOCUS_TENANT_COOKIE);
  }
  // A detail page of the previous tenant simply answers 404.
  redirect(localPath(returnTo));
}
