import { defineEndpoint, resourceResponse } from '@/lib/http/endpoint';
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
import { listEndpoint, resourceEndpoints } from './resource-endpoints';

const tag = 'Users';

const example: UserCreateInput = {
  email: 'anna@parkzicht.example',
  name: 'Anna de Vries',
  password: 'correct-horse-battery-staple',
  memberships: [{ tenant_id: '6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f', role: 'customer_admin' }],
};

export const listUsersEndpoint = listEndpoint({
  path: '/api/v2/users',
  tag,
  name: 'Users',
  noun: 'users',
  description:
    'Needs `user:manage`. CPO-wide callers see every user; others the users with a membership in a tenant they manage, and themselves. Keyset-paginated; default order `updated_at, id`.',
  query: userListQuerySchema,
  schema: userListSchema,
  run: listUsers,
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

export const {
  get: getUserEndpoint,
  patch: patchUserEndpoint,
  delete: deleteUserEndpoint,
} = resourceEndpoints({
  path: '/api/v2/users/{id}',
  tag,
  params: idParams,
  name: 'User',
  noun: 'a user',
  response: { schema: userSchema, description: 'The user', updated: 'The updated user' },
  get: { run: getUser },
  patch: {
    description:
      '`memberships` replaces the memberships in tenants where the caller holds `user:manage`; others stay. Changing another user’s e-mail, password or `disabled` needs `user:manage` and every permission the user holds in each of its tenants.',
    schema: userPatchSchema,
    example: { name: 'Anna de Vries-Jansen', disabled: false },
    errors: [409],
    run: updateUser,
  },
  delete: { description: 'Soft delete: the user can no longer sign in and the e-mail may be used again.', run: deleteUser },
});

export const usersEndpoints = [listUsersEndpoint, createUserEndpoint, getUserEndpoint, patchUserEndpoint, deleteUserEndpoint];
