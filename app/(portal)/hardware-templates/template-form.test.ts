import { describe, expect, it } from 'vitest';
import { formInput } from '@/lib/actions/form-input';
import { hardwareTemplateCreateSchema } from '@/lib/schemas/hardware-template';
import { fieldErrors } from '@/lib/schemas/parse';
import { templateBody } from './template-form';

const paths = (result: { error?: Parameters<typeof fieldErrors>[0] }) =>
  fieldErrors(result.error!)
    .map((e) => e.path)
    .sort();

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
