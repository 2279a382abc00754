import { describe, expect, it } from 'vitest';
import { formInput } from '@/lib/actions/form-input';
import { fieldErrors } from '@/lib/schemas/parse';
import { tenantCreateSchema } from '@/lib/schemas/tenant';
import { tenantBody } from './tenant-form';

const paths = (result: { error?: Parameters<typeof fieldErrors>[0] }) =>
  fieldErrors(result.error!)
    .map((e) => e.path)
    .sort();

describe('tenant form', () => {
  const schema = formInput(tenantCreateSchema, tenantBody);

  it('maps the strings to the API body; an empty external id clears it', () => {
    expect(schema.parse({ name: ' Zonnepark Noord ', slug: 'zonnepark-noord', kind: 'B2B', external_id: ' ' })).toEqual({
      name: 'Zonnepark Noord',
      slug: 'zonnepark-noord',
      kind: 'B2B',
      external_id: null,
    });
  });

  it('reports the API paths', () => {
    expect(paths(schema.safeParse({ name: '', slug: 'Not A Slug', kind: 'B2B' }))).toEqual(['/name', '/slug']);
  });
});
