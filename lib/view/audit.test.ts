import { describe, expect, it } from 'vitest';
import { actionParts, changeLines, entityHref, showValue } from './audit';

describe('entityHref', () => {
  it('links objects that have a portal page and nothing else', () => {
    expect(entityHref('location', 'a1')).toBe('/locations/a1');
    expect(entityHref('charge_station', 'b2')).toBe('/charge-stations/b2');
    expect(entityHref('user', 'c3')).toBe('/users/c3');
    expect(entityHref('tariff', 'AC STANDARD')).toBe('/tariffs/AC%20STANDARD');
    expect(entityHref('api_key', 'd4')).toBeNull();
    expect(entityHref('tenant', 'e5')).toBeNull();
  });
});

describe('actionParts', () => {
  it('splits an action into its entity and verb, at the first dot', () => {
    expect(actionParts('charge_station.availability_set')).toEqual({ entity: 'charge_station', verb: 'availability_set' });
    expect(actionParts('webhook.delivery_retried')).toEqual({ entity: 'webhook', verb: 'delivery_retried' });
  });

  it('knows no parts of an action of another entity or without a verb', () => {
    expect(actionParts('session.started')).toBeNull();
    expect(actionParts('location')).toBeNull();
    expect(actionParts('.created')).toBeNull();
  });
});

describe('changeLines', () => {
  it('shows before and after of each changed field, without the bookkeeping fields', () => {
    const lines = changeLines({
      name: { before: 'Old', after: 'New' },
      custom_groups: { before: [], after: ['north'] },
      remarks: { before: null, after: 'x' },
      version: { before: 1, after: 2 },
      updated_at: { before: 'a', after: 'b' },
    });
    expect(lines).toEqual([
      { field: 'name', before: 'Old', after: 'New' },
      { field: 'custom_groups', before: '[]', after: '["north"]' },
      { field: 'remarks', before: '—', after: 'x' },
    ]);
  });

  it('keeps the bookkeeping fields when they are all that changed', () => {
    expect(changeLines({ version: { before: 1, after: 2 } })).toEqual([{ field: 'version', before: '1', after: '2' }]);
  });

  it('shortens long values', () => {
    expect(showValue('x'.repeat(100))).toHaveLength(60);
    expect(showValue({ a: 1 })).toBe('{"a":1}');
  });
});
