import { describe, expect, it } from 'vitest';
import { formInput } from '@/lib/actions/form-input';
import { fieldErrors } from '@/lib/schemas/parse';
import { hardwareTemplateCreateSchema } from '@/lib/schemas/hardware-template';
import { tariffCreateSchema, tariffReplaceSchema } from '@/lib/schemas/tariff';
import { tenantCreateSchema } from '@/lib/schemas/tenant';
import {
  describePrices,
  filledPriceTypes,
  isSimpleTariff,
  offerProblem,
  pricePath,
  simplePrices,
  tariffBody,
  tariffFormSchema,
  vatRates,
} from './catalog-tariff-form';
import { templateBody } from './catalog-template-form';
import { tenantBody } from './catalog-tenant-form';

const TENANT = '5f0c6a3e-2b7d-4f59-9a38-0d6e1c2b7a11';
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

  it('reads a simple tariff back into the form, keeping its step sizes', () => {
    const tariff = { currency: 'EUR', elements: [{ price_components: [{ type: 'TIME' as const, price: 2, step_size: 900, vat: 21 }] }] };
    expect(isSimpleTariff(tariff)).toBe(true);
    expect(simplePrices(tariff)).toEqual({
      prices: { ENERGY: '', TIME: '2', PARKING_TIME: '', FLAT: '' },
      steps: { TIME: '900' },
      vat: '21',
    });
    expect(describePrices(tariff)).toBe('2 EUR per hour');
    expect(vatRates(tariff)).toBe('21%');
    expect(vatRates({ elements: [{ price_components: [{ type: 'FLAT', price: 1, step_size: 1 }] }] })).toBe('');
  });
});

describe('hardware template form', () => {
  const schema = formInput(hardwareTemplateCreateSchema, templateBody);
  const connector = (e: number, c: number, power: string) => ({
    [`evses.${e}.connectors.${c}.id`]: String(c + 1),
    [`evses.${e}.connectors.${c}.standard`]: 'IEC_62196_T2',
    [`evses.${e}.connectors.${c}.format`]: 'SOCKET',
    [`evses.${e}.connectors.${c}.power_type`]: 'AC_3_PHASE',
    [`evses.${e}.connectors.${c}.max_voltage`]: '400',
    [`evses.${e}.connectors.${c}.max_amperage`]: '32',
    [`evses.${e}.connectors.${c}.max_electric_power`]: power,
  });

  it('builds EVSEs with connectors from fields named like the JSON pointers', () => {
    const body = schema.parse({
      name: 'Alfen Eve Double',
      vendor: 'Alfen',
      model: '',
      charger_type: 'AC',
      max_power_kw: '22',
      'evses.0.physical_reference': 'L',
      'evses.0.capabilities': 'RFID_READER',
      ...connector(0, 0, '22000'),
      ...connector(1, 0, ''),
    });
    expect(body.model).toBeNull();
    expect(body.evses).toHaveLength(2);
    expect(body.evses![0]).toMatchObject({
      physical_reference: 'L',
      capabilities: ['RFID_READER'],
      connectors: [{ id: '1', max_electric_power: 22000 }],
    });
    expect(body.evses![1]!.connectors[0]!.max_electric_power).toBeNull();
  });

  it('reports a connector error at its JSON pointer', () => {
    const result = schema.safeParse({ name: 'X', charger_type: 'AC', ...connector(0, 0, '0') });
    expect(paths(result)).toEqual(['/evses/0/connectors/0/max_electric_power']);
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
