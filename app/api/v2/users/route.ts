import { createUserEndpoint, listUsersEndpoint } from '@/lib/api/users';
import { otherMethods } from '@/lib/http/route-fallbacks';

// GET /api/v2/users — list users
export const GET = listUsersEndpoint;
// POST /api/v2/users — invite a user
export const POST = createUserEndpoint;
// Any other method — 405 problem+json with Allow
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods(GET, POST);
