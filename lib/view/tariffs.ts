import { formatNumber } from '@/lib/format';
import type { PortalLocale } from '@/lib/i18n/locales';
import type { PRICE_COMPONENT_TYPES, Tariff } from '@/lib/schemas/tariff';

export type PriceType = (typeof PRICE_COMPONENT_TYPES)[number];

/**
 * The prices the simple tariff form edits, in the order they become price components. The form
 * names its inputs `price_<type>` / `step_<type>`; its server action reads them back in this order.
 * Their labels and units are the `Tariffs.field.<type>` / `Tariffs.unit.<type>` messages.
 */
export const PRICE_FIELDS: readonly { type: PriceType; step: number }[] = [
  { type: 'ENERGY', step: 1 },
  { type: 'TIME', step: 60 },
  { type: 'PARKING_TIME', step: 60 },
  { type: 'FLAT', step: 1 },
];

/** The words a price summary is written with, in the user's language. */
export type PriceWords = { locale: PortalLocale; unit: (type: PriceType) => string; restricted: string };

export type OfferChoice = 'all' | 'chosen';

/** The price types filled in, in component order: the index of a type is its component's index. */
export function filledPriceTypes(prices: Partial<Record<PriceType, unknown>>): PriceType[] {
  return PRICE_FIELDS.filter((f) => {
    const value = prices[f.type];
    return typeof value === 'string' && value.trim() !== '';
  }).map((f) => f.type);
}

/** The JSON pointer of a price field's errors, given which prices are filled in. */
export function pricePath(type: PriceType, filled: PriceType[], field: 'price' | 'vat' = 'price'): string {
  const index = field === 'vat' ? 0 : Math.max(filled.indexOf(type), 0);
  return `/elements/0/price_components/${index}/${field}`;
}

/** Whether the simple form can show and edit every price of the tariff without losing anything. */
export function isSimpleTariff(tariff: Pick<Tariff, 'elements'>): boolean {
  if (tariff.elements.length !== 1) return false;
  const [element] = tariff.elements;
  if (element!.restrictions && Object.keys(element!.restrictions).length > 0) return false;
  const types = element!.price_components.map((c) => c.type);
  const vats = new Set(element!.price_components.map((c) => c.vat));
  return new Set(types).size === types.length && vats.size <= 1;
}

/** The simple form's starting values from a tariff (strings, as the inputs hold them). */
export function simplePrices(tariff: Pick<Tariff, 'elements'>) {
  const components = tariff.elements[0]?.price_components ?? [];
  const prices = Object.fromEntries(PRICE_FIELDS.map((f) => [f.type, components.find((c) => c.type === f.type)?.price?.toString() ?? '']));
  const steps = Object.fromEntries(components.map((c) => [c.type, String(c.step_size)]));
  return {
    prices: prices as Record<PriceType, string>,
    steps: steps as Partial<Record<PriceType, string>>,
    vat: components[0]?.vat?.toString() ?? '',
  };
}

/** The VAT rates of a tariff's prices ("21%", "20,5%"), empty when none is set. */
export function vatRates(tariff: Pick<Tariff, 'elements'>, locale: PortalLocale): string {
  const rates = new Set(
    tariff.elements.flatMap((e) => e.price_components.flatMap((c) => (c.vat === undefined ? [] : [`${formatNumber(c.vat, locale)}%`]))),
  );
  return [...rates].join(', ');
}

/** A one-line summary of a tariff's prices for tables and detail pages. */
export function describePrices(tariff: Pick<Tariff, 'elements' | 'currency'>, words: PriceWords): string {
  const parts = tariff.elements.flatMap((element) =>
    element.price_components.map(
      (c) =>
        `${formatNumber(c.price, words.locale)} ${tariff.currency} ${words.unit(c.type)}` +
        (element.restrictions ? ` ${words.restricted}` : ''),
    ),
  );
  return parts.join(' · ') || '—';
}

/** `everyTenant` ("Every tenant"), or the names of the tenants a tariff is offered to (ids the caller cannot name stay ids). */
export function offeredToLabel(tenantIds: string[], names: { id: string; name: string }[], everyTenant: string): string {
  if (tenantIds.length === 0) return everyTenant;
  const byId = new Map(names.map((t) => [t.id, t.name]));
  return tenantIds
    .map((id) => byId.get(id) ?? id)
    .sort((a, b) => a.localeCompare(b))
    .join(', ');
}
