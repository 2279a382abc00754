import { unknownApiPath } from '@/lib/http/route-fallbacks';

// Any /api/v2 path no route file serves — 404 problem+json
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = unknownApiPath;
