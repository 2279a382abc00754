import { ALL_ENDPOINTS } from '@/lib/api';
import { buildOpenApiDocument } from './document';

let cached: ReturnType<typeof buildOpenApiDocument> | undefined;

/** The document is the same for the life of the process: build it once. */
export function openApiDocument() {
  cached ??= buildOpenApiDocument(ALL_ENDPOINTS);
  return cached;
}
