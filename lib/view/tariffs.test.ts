import { describe, expect, it } from 'vitest';
import { describePrices, isSimpleTariff, offeredToLabel, simplePrices, vatRates, type PriceWords } from './tariffs';

const UNITS = { ENERGY: 'per kWh', TIME: 'per hour', PARKING_TIME: 'per hour', FLAT: 'per session' };
const words = (locale: PriceWords['locale']): PriceWords => ({ locale, unit: (type) => UNITS[type], restricted: '(restricted)' });

describe('tariff display', () => {
  it('reads a simple tariff back into the form, keeping its step sizes', () => {
    const tariff = { currency: 'EUR', elements: [{ price_components: [{ type: 'TIME' as const, price: 2, step_size: 900, vat: 21 }] }] };
    expect(isSimpleTariff(tariff)).toBe(true);
    expect(simplePrices(tariff)).toEqual({
      prices: { ENERGY: '', TIME: '2', PARKING_TIME: '', FLAT: '' },
      steps: { TIME: '900' },
      vat: '21',
    });
    expect(describePrices(tariff, words('en'))).toBe('2 EUR per hour');
    expect(vatRates(tariff, 'en')).toBe('21%');
    expect(vatRates({ elements: [{ price_components: [{ type: 'FLAT', price: 1, step_size: 1 }] }] }, 'en')).toBe('');
  });

  it('names the tenants a tariff is offered to, or every tenant', () => {
    expect(offeredToLabel([], [], 'Every tenant')).toBe('Every tenant');
    expect(
      offeredToLabel(
        ['b', 'a', 'x'],
        [
          { id: 'a', name: 'Zonnepark' },
          { id: 'b', name: 'Amstel' },
        ],
        'Every tenant',
      ),
    ).toBe('Amstel, x, Zonnepark');
  });

  it("writes numbers and restrictions in the user's language", () => {
    const tariff = {
      currency: 'EUR',
      elements: [{ price_components: [{ type: 'ENERGY' as const, price: 0.35, step_size: 1, vat: 20.5 }], restrictions: { max_kwh: 10 } }],
    };
    expect(describePrices(tariff, { locale: 'nl', unit: () => 'per kWh', restricted: '(beperkt)' })).toBe('0,35 EUR per kWh (beperkt)');
    expect(vatRates(tariff, 'nl')).toBe('20,5%');
  });
});
