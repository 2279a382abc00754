import 'server-only';

export { listUsers } from './list-users';
export { getUser } from './get-user';
export { createUser } from './create-user';
export { updateUser } from './update-user';
export { deleteUser } from './delete-user';
export { listGrantableRoles } from './list-grantable-roles';
