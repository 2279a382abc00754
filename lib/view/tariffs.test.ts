import { describe, expect, it } from 'vitest';
import { describePrices, isSimpleTariff, offeredToLabel, simplePrices, vatRates } from './tariffs';

describe('tariff display', () => {
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

  it('names the tenants a tariff is offered to, or every tenant', () => {
    expect(offeredToLabel([], [])).toBe('Every tenant');
    expect(
      offeredToLabel(
        ['b', 'a', 'x'],
        [
          { id: 'a', name: 'Zonnepark' },
          { id: 'b', name: 'Amstel' },
        ],
      ),
    ).toBe('Amstel, x, Zonnepark');
  });
});
