import type { Endpoint } from '@/lib/http/endpoint';
import { apiKeysEndpoints } from './api-keys';
import { auditEventsEndpoints } from './audit-events';
import { chargeStationsEndpoints, maintenanceWindowEndpoints } from './charge-stations';
import { hardwareTemplatesEndpoints } from './hardware-templates';
import { locationEndpoints } from './locations';
import { metaEndpoints } from './meta';
import { tariffsEndpoints } from './tariffs';
import { tenantsEndpoints } from './tenants';
import { usersEndpoints } from './users';

/** Every /api operation; the OpenAPI document is generated from this list. */
export const ALL_ENDPOINTS: Endpoint[] = [
  ...metaEndpoints,
  ...locationEndpoints,
  ...chargeStationsEndpoints,
  ...maintenanceWindowEndpoints,
  ...tariffsEndpoints,
  ...hardwareTemplatesEndpoints,
  ...tenantsEndpoints,
  ...usersEndpoints,
  ...apiKeysEndpoints,
  ...auditEventsEndpoints,
];
