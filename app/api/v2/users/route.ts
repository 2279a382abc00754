import { createUserEndpoint, listUsersEndpoint } from '@/lib/api/users';

// GET /api/v2/users — list users
export const GET = listUsersEndpoint;
// POST /api/v2/users — invite a user
export const POST = createUserEndpoint;
