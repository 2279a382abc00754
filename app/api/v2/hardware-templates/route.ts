import { createHardwareTemplateEndpoint, listHardwareTemplatesEndpoint } from '@/lib/api/hardware-templates';

// GET /api/v2/hardware-templates — list hardware templates
export const GET = listHardwareTemplatesEndpoint;
// POST /api/v2/hardware-templates — create a hardware template
export const POST = createHardwareTemplateEndpoint;
