import { createHardwareTemplateEndpoint, listHardwareTemplatesEndpoint } from '@/lib/api/hardware-templates';
import { otherMethods } from '@/lib/http/route-fallbacks';

// GET /api/v2/hardware-templates — list hardware templates
export const GET = listHardwareTemplatesEndpoint;
// POST /api/v2/hardware-templates — create a hardware template
export const POST = createHardwareTemplateEndpoint;
// Any other method — 405 problem+json with Allow
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods(GET, POST);
