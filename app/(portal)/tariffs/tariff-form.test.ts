import { describe, expect, it } from 'vitest';
import { formInput } from '@/lib/actions/form-input';
import { fieldErrors } from '@/lib/schemas/parse';
import { tariffCreateSchema, tariffReplaceSchema } from '@/lib/schemas/tariff';
import { filledPriceTypes, isSimpleTariff, pricePath } from '@/lib/view/tariffs';
import { offerProblem, tariffBody, tariffFormSchema } from './tariff-form';

const TENANT = '5f0c6a3e-2b7d-4f59-9a38-0d6e1c2b7a11';
const paths = (result: { error?: Parameters<typeof fieldErrors>[0] }) =>
  fieldErrors(result.error!)
    .map((e) => e.path)
    .sort();

describe('tariff form', () => {
  const create = formInput(tariffCreateSchema, (f) => tariffBody(f, { withId: true }));
  const replace = formInput(tariffReplaceSchema, (f) => tariffBody(f, { withId: false }));

  it('builds one element with a component per filled price, in a fixed order, sharing the VAT', () => {
    const body = create.parse({
      id: 'zp-ac',
      currency: 'eur',
      price_FLAT: '0,50',
      price_ENERGY: '0.32',
      vat: '21',
      offer: 'chosen',
      tenant_ids: [TENANT],
    });
    expect(body).toEqual({
      id: 'ZP-AC',
      name: null,
      currency: 'EUR',
      elements: [
        {
          price_components: [
            { type: 'ENERGY', price: 0.32, vat: 21, step_size: 1 },
            { type: 'FLAT', price: 0.5, vat: 21, step_size: 1 },
          ],
        },
      ],
      tenant_ids: [TENANT],
    });
  });

  it('offers to every tenant unless "chosen" is picked', () => {
    expect(replace.parse({ currency: 'EUR', price_ENERGY: '1', offer: 'all', tenant_ids: [TENANT] }).tenant_ids).toEqual([]);
    expect(offerProblem({ offer: 'chosen' })).toMatch(/at least one tenant/);
    expect(offerProblem({ offer: 'all' })).toBeUndefined();
  });

  it('puts a price error at the path of its component, wherever it lands', () => {
    const form = { currency: 'EUR', price_ENERGY: '', price_TIME: '2', price_FLAT: 'lots' };
    const filled = filledPriceTypes({ ENERGY: form.price_ENERGY, TIME: form.price_TIME, FLAT: form.price_FLAT });
    expect(filled).toEqual(['TIME', 'FLAT']);
    expect(paths(replace.safeParse(form))).toEqual([pricePath('FLAT', filled)]);
    expect(pricePath('FLAT', filled)).toBe('/elements/0/price_components/1/price');
  });

  it('needs at least one price', () => {
    expect(paths(replace.safeParse({ currency: 'EUR' }))).toEqual(['/elements/0/price_components']);
  });

  it('keeps the elements of a tariff the simple form cannot show', () => {
    const elements = [{ price_components: [{ type: 'ENERGY', price: 0.3, step_size: 1 }], restrictions: { start_time: '07:00' } }];
    expect(isSimpleTariff({ elements: elements as never })).toBe(false);
    expect(replace.parse({ currency: 'EUR', elements_json: JSON.stringify(elements), price_ENERGY: '9' }).elements).toEqual(elements);
  });
});

describe('tariff form schema', () => {
  it('refuses "chosen tenants" with none ticked at /tenant_ids', () => {
    const result = tariffFormSchema(true).safeParse({ id: 'X', currency: 'EUR', price_ENERGY: '1', offer: 'chosen' });
    expect(paths(result)).toEqual(['/tenant_ids']);
  });

  it('passes a valid form through the API schema', () => {
    const result = tariffFormSchema(false).safeParse({ currency: 'EUR', price_ENERGY: '1', offer: 'chosen', tenant_ids: [TENANT] });
    expect(result.success && result.data.tenant_ids).toEqual([TENANT]);
  });
});
