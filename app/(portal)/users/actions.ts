'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { defineAction } from '@/lib/actions/define-action';
import { formInput, optionalText, type FormFields } from '@/lib/actions/form-input';
import { versionedRef, versionedTarget } from '@/lib/actions/versioned-target';
import { userCreateSchema, userPatchSchema, type Membership } from '@/lib/schemas/user';
import { createUser, deleteUser, updateUser } from '@/lib/services/users';
import { unfocused } from '@/lib/auth/context';

/** A password is taken as typed (spaces count); empty means "not given". */
const password = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

export const inviteUser = defineAction({
  schema: formInput(userCreateSchema, (form) => {
    const tenant = optionalText(form.tenant_id);
    const role = optionalText(form.role) ?? '';
    return {
      email: optionalText(form.email) ?? '',
      name: optionalText(form.name) ?? '',
      password: password(form.password),
      ...(tenant ? { memberships: [{ tenant_id: tenant, role }] } : { cpo_role: role || null }),
    };
  }),
  run: async ({ ctx, input }) => {
    const created = await createUser({ ctx, input });
    revalidatePath('/users');
    return created;
  },
  success: (t) => t('Done.userInvited'),
  data: (created) => ({ id: created.id, email: created.email, initial_password: created.initial_password ?? '' }),
});

// Edits act on the whole account in the caller's real scope, like the user page (not the switcher's view).
export const updateProfile = defineAction({
  schema: versionedTarget(
    formInput(userPatchSchema, (form) => ({
      name: optionalText(form.name) ?? '',
      email: optionalText(form.email) ?? '',
      disabled: form.disabled === 'on',
      password: password(form.password),
    })),
  ),
  run: async ({ ctx, input: { id, version, ...body } }) => {
    await updateUser({ ctx: unfocused(ctx), id, body, expectedVersion: version });
    revalidatePath(`/users/${id}`);
  },
  success: (t) => t('Done.userSaved'),
});

/** The access form: `role:<tenant id>` per listed membership ('' removes it), plus an optional new one. */
function memberships(form: FormFields): Membership[] {
  const kept = Object.entries(form)
    .filter(([key, role]) => key.startsWith('role:') && typeof role === 'string' && role !== '')
    .map(([key, role]) => ({ tenant_id: key.slice('role:'.length), role: String(role) }));
  const tenant = optionalText(form.add_tenant);
  return tenant ? [...kept, { tenant_id: tenant, role: optionalText(form.add_role) ?? '' }] : kept;
}

export const updateAccess = defineAction({
  schema: versionedTarget(formInput(userPatchSchema, (form) => ({ memberships: memberships(form) }))),
  run: async ({ ctx, input: { id, version, ...body } }) => {
    await updateUser({ ctx: unfocused(ctx), id, body, expectedVersion: version });
    revalidatePath(`/users/${id}`);
  },
  success: (t) => t('Done.accessSaved'),
});

export const removeUser = defineAction({
  schema: versionedRef,
  run: async ({ ctx, input }) => {
    await deleteUser({ ctx: unfocused(ctx), id: input.id, expectedVersion: input.version });
    revalidatePath('/users');
    redirect('/users');
  },
  success: (t) => t('Done.userDeleted'),
});
