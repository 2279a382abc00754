import {
  deleteHardwareTemplateEndpoint,
  getHardwareTemplateEndpoint,
  patchHardwareTemplateEndpoint,
  replaceHardwareTemplateEndpoint,
} from '@/lib/api/hardware-templates';
import { otherMethods } from '@/lib/http/route-fallbacks';

// GET /api/v2/hardware-templates/{id} — one hardware template
export const GET = getHardwareTemplateEndpoint;
// PUT /api/v2/hardware-templates/{id} — replace a hardware template
export const PUT = replaceHardwareTemplateEndpoint;
// PATCH /api/v2/hardware-templates/{id} — merge-patch a hardware template
export const PATCH = patchHardwareTemplateEndpoint;
// DELETE /api/v2/hardware-templates/{id} — soft-delete a hardware template
export const DELETE = deleteHardwareTemplateEndpoint;
// Any other method — 405 problem+json with Allow
export const { POST, OPTIONS } = otherMethods(GET, PUT, PATCH, DELETE);
