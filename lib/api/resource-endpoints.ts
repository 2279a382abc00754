import type { z } from 'zod';
import type { AuthContext } from '@/lib/auth/context';
import { defineEndpoint, noContent, resourceResponse, type Endpoint } from '@/lib/http/endpoint';

type Versioned = { id: string; version: number };
type Target = { ctx: AuthContext; id: string; expectedVersion: number | undefined };
type Text = { description?: string; errors?: number[] };

type Write = Text & {
  /** Documents the body only: the verb validates it after stripping read-only fields (and merging). */
  schema: z.ZodType;
  example: unknown;
  run: (target: Target & { body: Record<string, unknown> }) => Promise<Versioned>;
};

type Resource<P> = {
  /** Path of one object, e.g. `/api/v2/locations/{id}`. */
  path: string;
  tag: string;
  params: z.ZodType<P>;
  /** Ends every operationId: `getLocation`, `replaceLocation`, `patchLocation`, `deleteLocation`. */
  name: string;
  /** The object in summaries, with its article: "Get a location". */
  noun: string;
  /** The 200 answer of GET; PUT and PATCH answer the same schema described as `updated`. */
  response: { schema: z.ZodType; description: string; updated?: string };
  get: Text & { run: (target: { ctx: AuthContext; id: string }) => Promise<Versioned> };
  replace?: Write;
  patch?: Write;
  delete?: Text & { run: (target: Target) => Promise<unknown> };
};

type Operation = 'get' | 'replace' | 'patch' | 'delete';

/**
 * GET, PUT, PATCH and DELETE of one object. Everything but the verbs and the text that differs
 * per resource follows one pattern, so every resource's operations are named and answer alike.
 */
export function resourceEndpoints<P extends { id: string }, R extends Resource<P>>(
  resource: R & Resource<P>,
): { [K in Operation & keyof R]: Endpoint } {
  const { path, tag, params, name, noun, response } = resource;
  const shown = { status: 200 as const, schema: response.schema, headers: ['ETag' as const] };

  const write = (method: 'PUT' | 'PATCH', op: Write) =>
    defineEndpoint<P, Record<string, never>, Record<string, unknown>>({
      method,
      path,
      operationId: `${method === 'PUT' ? 'replace' : 'patch'}${name}`,
      summary: method === 'PUT' ? `Replace ${noun}` : `Update ${noun} (JSON merge patch)`,
      description: op.description,
      tag,
      params,
      body: {
        schema: op.schema as z.ZodType<Record<string, unknown>>,
        validate: false,
        example: op.example,
        mergePatch: method === 'PATCH',
      },
      success: { ...shown, description: response.updated ?? response.description },
      errors: op.errors,
      handler: async ({ ctx, params, body, expectedVersion }) =>
        resourceResponse(await op.run({ ctx, id: params.id, body, expectedVersion })),
    });

  const endpoints: Partial<Record<Operation, Endpoint>> = {
    get: defineEndpoint<P>({
      method: 'GET',
      path,
      operationId: `get${name}`,
      summary: `Get ${noun}`,
      description: resource.get.description,
      tag,
      params,
      success: { ...shown, description: response.description },
      errors: resource.get.errors,
      handler: async ({ ctx, params }) => resourceResponse(await resource.get.run({ ctx, id: params.id })),
    }),
  };
  if (resource.replace) endpoints.replace = write('PUT', resource.replace);
  if (resource.patch) endpoints.patch = write('PATCH', resource.patch);
  const remove = resource.delete;
  if (remove) {
    endpoints.delete = defineEndpoint<P>({
      method: 'DELETE',
      path,
      operationId: `delete${name}`,
      summary: `Delete ${noun}`,
      description: remove.description,
      tag,
      params,
      success: { status: 204, description: 'Deleted' },
      errors: remove.errors,
      handler: async ({ ctx, params, expectedVersion }) => {
        await remove.run({ ctx, id: params.id, expectedVersion });
        return noContent();
      },
    });
  }
  return endpoints as { [K in Operation & keyof R]: Endpoint };
}

/** The keyset-paginated list of a collection: `list<name>`, "List <noun>", answering "A page of <noun>". */
export function listEndpoint<Q>(list: {
  path: string;
  tag: string;
  name: string;
  noun: string;
  description: string;
  query: z.ZodType<Q>;
  schema: z.ZodType;
  run: (args: { ctx: AuthContext; query: Q }) => Promise<unknown>;
}): Endpoint {
  return defineEndpoint<Record<string, never>, Q>({
    method: 'GET',
    path: list.path,
    operationId: `list${list.name}`,
    summary: `List ${list.noun}`,
    description: list.description,
    tag: list.tag,
    query: list.query,
    success: { status: 200, description: `A page of ${list.noun}`, schema: list.schema },
    handler: async ({ ctx, query }) => Response.json(await list.run({ ctx, query })),
  });
}
