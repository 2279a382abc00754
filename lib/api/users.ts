import { defineEndpoint, ifMatchVersion, noContent, resourceResponse } from '@/lib/http/endpoint';
import { idParams } from '@/lib/schemas/common';
import {
  userCreatedSchema,
  userCreateSchema,
  userListQuerySchema,
  userListSchema,
  userPatchSchema,
  userSchema,
  type UserCreateInput,
} from '@/lib/schemas/user';
import { createUser, deleteUser, getUser, listUsers, updateUser } from '@/lib/services/users';

const tag = 'Users';

const example: UserCreateInput = {
  email: 'anna@parkzicht.example',
  name: 'Anna de Vries',
  password: 'correct-horse-battery-staple',
  memberships: [{ tenant_id: '6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f', role: 'customer_admin' }],
};

export const listUsersEndpoint = defineEndpoint({
  method: 'GET',
  path: '/api/v2/users',
  operationId: 'listUsers',
  summary: 'List users',
  description:
    'Needs `user:manage`. CPO-wide callers see every user; others the users with a membership in a tenant they manage, and themselves. Keyset-paginated; default order `updated_at, id`.',
  tag,
  query: userListQuerySchema,
  success: { status: 200, description: 'A page of users', schema: userListSchema },
  handler: async ({ ctx, query }) => Response.json(await listUsers({ ctx, query })),
});

export const createUserEndpoint = defineEndpoint({
  method: 'POST',
  path: '/api/v2/users',
  operationId: 'createUser',
  secretFields: ['initial_password'],
  summary: 'Invite a user',
  description:
    'Creates a user with an initial password; without `password` one is generated and returned once as `initial_password`. Needs `user:manage` in every tenant named, and every permission a granted role carries (403). 409 with `existing_id` when the e-mail is taken.',
  tag,
  body: { schema: userCreateSchema, validate: true, example },
  success: { status: 201, description: 'The created user', schema: userCreatedSchema, headers: ['ETag', 'Location'] },
  handler: async ({ ctx, body }) => resourceResponse(await createUser({ ctx, input: body }), { created: 'users' }),
});

export const getUserEndpoint = defineEndpoint({
  method: 'GET',
  path: '/api/v2/users/{id}',
  operationId: 'getUser',
  summary: 'Get a user',
  tag,
  params: idParams,
  success: { status: 200, description: 'The user', schema: userSchema, headers: ['ETag'] },
  handler: async ({ ctx, params }) => resourceResponse(await getUser({ ctx, id: params.id })),
});

export const patchUserEndpoint = defineEndpoint({
  method: 'PATCH',
  path: '/api/v2/users/{id}',
  operationId: 'patchUser',
  summary: 'Update a user (JSON merge patch)',
  description:
    '`memberships` replaces the memberships in tenants where the caller holds `user:manage`; others stay. Changing another user’s e-mail, password or `disabled` needs `user:manage` and every permission the user holds in each of its tenants.',
  tag,
  params: idParams,
  body: {
    schema: userPatchSchema,
    validate: false,
    example: { name: 'Anna de Vries-Jansen', disabled: false },
    mergePatch: true,
  },
  success: { status: 200, description: 'The updated user', schema: userSchema, headers: ['ETag'] },
  errors: [409],
  handler: async ({ request, ctx, params, body }) =>
    resourceResponse(await updateUser({ ctx, id: params.id, body, expectedVersion: ifMatchVersion(request) })),
});

export const deleteUserEndpoint = defineEndpoint({
  method: 'DELETE',
  path: '/api/v2/users/{id}',
  operationId: 'deleteUser',
  summary: 'Delete a user',
  description: 'Soft delete: the user can no longer sign in and the e-mail may be used again.',
  tag,
  params: idParams,
  success: { status: 204, description: 'Deleted' },
  handler: async ({ request, ctx, params }) => {
    await deleteUser({ ctx, id: params.id, expectedVersion: ifMatchVersion(request) });
    return noContent();
  },
});

export const usersEndpoints = [listUsersEndpoint, createUserEndpoint, getUserEndpoint, patchUserEndpoint, deleteUserEndpoint];
