import 'server-only';

export { listApiKeys } from './list-api-keys';
export { getApiKey } from './get-api-key';
export { createApiKey } from './create-api-key';
export { revokeApiKey } from './revoke-api-key';
