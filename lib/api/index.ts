import { z } from 'zod';
import { defineEndpoint, type Endpoint } from '@/lib/http/endpoint';
import { buildOpenApiDocument } from '@/lib/openapi/document';
import { apiKeysEndpoints } from './api-keys';
import { auditEventsEndpoints } from './audit-events';
import { chargeStationsEndpoints, maintenanceWindowEndpoints } from './charge-stations';
import { hardwareTemplatesEndpoints } from './hardware-templates';
import { importsEndpoints } from './imports';
import { locationEndpoints } from './locations';
import { META_TAG, metaEndpoints } from './meta';
import { tariffsEndpoints } from './tariffs';
import { tenantsEndpoints } from './tenants';
import { usersEndpoints } from './users';
import { webhooksEndpoints } from './webhooks';

/**
 * The document describes every endpoint, itself included, so this endpoint sits beside the list
 * instead of in a module the list imports.
 */
export const openApiEndpoint = defineEndpoint({
  method: 'GET',
  path: '/api/v2/openapi.json',
  operationId: 'getOpenApiDocument',
  summary: 'This OpenAPI document',
  tag: META_TAG,
  public: true,
  success: { status: 200, description: 'OpenAPI 3.1 document', schema: z.record(z.string(), z.unknown()).meta({ id: 'OpenApiDocument' }) },
  handler: async () => Response.json(openApiDocument()),
});

/** Every /api operation; the OpenAPI document is generated from this list. */
export const ALL_ENDPOINTS: Endpoint[] = [
  ...metaEndpoints,
  openApiEndpoint,
  ...locationEndpoints,
  ...chargeStationsEndpoints,
  ...maintenanceWindowEndpoints,
  ...tariffsEndpoints,
  ...hardwareTemplatesEndpoints,
  ...tenantsEndpoints,
  ...usersEndpoints,
  ...apiKeysEndpoints,
  ...auditEventsEndpoints,
  ...webhooksEndpoints,
  ...importsEndpoints,
];

let cached: ReturnType<typeof buildOpenApiDocument> | undefined;

/** The document is the same for the life of the process: build it once. */
const openApiDocument = () => (cached ??= buildOpenApiDocument(ALL_ENDPOINTS));
