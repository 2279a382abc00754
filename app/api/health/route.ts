import { healthEndpoint } from '@/lib/api/meta';

// GET /api/health — public: 200 once migrations and bootstrap ran and the database answers
export const GET = healthEndpoint;
