import { AppError } from '@/lib/errors';

export const MAX_BODY_BYTES = 1024 * 1024;

const JSON_TYPES = { POST: ['application/json'], PUT: ['application/json'], PATCH: ['application/merge-patch+json', 'application/json'] };

/**
 * Reads a JSON object body: 415 for the wrong content type, 413 past 1 MiB (counted while
 * streaming, before parsing), 400 for bytes that are not UTF-8 (rather than storing U+FFFD in
 * their place), unparsable JSON, a body that is not an object, or one nested absurdly deep.
 */
export async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  const method = request.method as keyof typeof JSON_TYPES;
  const mediaType = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
  const accepted = JSON_TYPES[method] ?? ['application/json'];
  if (!accepted.includes(mediaType)) {
    throw new AppError('unsupported_media_type', `Send the body as ${accepted.join(' or ')}.`);
  }
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_BODY_BYTES) throw tooLarge();

  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read().catch(() => {
        // The client went away mid-body (a timeout, a dropped connection): its fault, not a 500.
        throw new AppError('bad_request', 'The request body ended before it was complete.');
      });
      if (done) break;
      size += value.byteLength;
      if (size > MAX_BODY_BYTES) {
        await reader.cancel();
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  let text: string;
  try {
    text = UTF8.decode(Buffer.concat(chunks));
  } catch {
    throw new AppError('bad_request', 'The body is not valid UTF-8.');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new AppError('bad_request', 'The body is not valid JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new AppError('bad_request', 'The body must be a JSON object.');
  }
  if (nestingDepth(parsed) > MAX_DEPTH) {
    throw new AppError('bad_request', `The body is nested deeper than ${MAX_DEPTH} levels.`);
  }
  return parsed as Record<string, unknown>;
}

/** Strict: invalid bytes throw. A byte order mark is kept, so it is unparsable JSON as before. */
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** No resource is nested this deep; deeper input would only exhaust the stack of later steps. */
const MAX_DEPTH = 32;

/** Depth of nested arrays/objects, counted without recursion so any input is safe to measure. */
function nestingDepth(root: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length) {
    const [value, depth] = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_DEPTH) return deepest;
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return deepest;
}

const tooLarge = () => new AppError('payload_too_large', `The body is larger than ${MAX_BODY_BYTES} bytes.`);
