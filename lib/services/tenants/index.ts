import 'server-only';

export { listTenants } from './list-tenants';
export { getTenant } from './get-tenant';
export { createTenant } from './create-tenant';
export { updateTenant } from './update-tenant';
export { deleteTenant } from './delete-tenant';
