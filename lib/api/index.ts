import type { Endpoint } from '@/lib/http/endpoint';
import { locationEndpoints } from './locations';
import { metaEndpoints } from './meta';

/** Every /api operation; the OpenAPI document is generated from this list. */
export const ALL_ENDPOINTS: Endpoint[] = [...metaEndpoints, ...locationEndpoints];
