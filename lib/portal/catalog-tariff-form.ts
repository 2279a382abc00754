import { z } from 'zod';
import { formInput, optionalNumber, optionalText, stringList, type FormFields } from '@/lib/actions/form-input';
import {
  tariffCreateSchema,
  tariffReplaceSchema,
  type PRICE_COMPONENT_TYPES,
  type Tariff,
  type TariffCreateInput,
  type TariffReplaceInput,
} from '@/lib/schemas/tariff';

type PriceType = (typeof PRICE_COMPONENT_TYPES)[number];

/** The prices the simple tariff form edits, in the order they become price components. */
export const PRICE_FIELDS: readonly { type: PriceType; label: string; unit: string; step: number }[] = [
  { type: 'ENERGY', label: 'Energy price', unit: 'per kWh', step: 1 },
  { type: 'TIME', label: 'Charging time price', unit: 'per hour', step: 60 },
  { type: 'PARKING_TIME', label: 'Parking time price', unit: 'per hour', step: 60 },
  { type: 'FLAT', label: 'Session fee', unit: 'per session', step: 1 },
];

export type OfferChoice = 'all' | 'chosen';

/** The price types filled in, in component order: the index of a type is its component's index. */
export function filledPriceTypes(prices: Partial<Record<PriceType, unknown>>): PriceType[] {
  return PRICE_FIELDS.filter((f) => optionalText(prices[f.type]) !== undefined).map((f) => f.type);
}

/** The JSON pointer of a price field's errors, given which prices are filled in. */
export function pricePath(type: PriceType, filled: PriceType[], field: 'price' | 'vat' = 'price'): string {
  const index = field === 'vat' ? 0 : Math.max(filled.indexOf(type), 0);
  return `/elements/0/price_components/${index}/${field}`;
}

const priceValues = (form: FormFields) => Object.fromEntries(PRICE_FIELDS.map((f) => [f.type, form[`price_${f.type}`]]));

/**
 * The elements of the form: one element without restrictions holding a component per filled
 * price, all with the same VAT. A tariff with restrictions or several elements is not edited
 * here; its elements come back unchanged (`elements_json`).
 */
function elementsOf(form: FormFields): unknown {
  const kept = optionalText(form.elements_json);
  if (kept) {
    try {
      return JSON.parse(kept);
    } catch {
      return kept;
    }
  }
  const vat = optionalNumber(form.vat);
  const price_components = filledPriceTypes(priceValues(form)).map((type) => ({
    type,
    price: optionalNumber(form[`price_${type}`]),
    ...(vat === undefined ? {} : { vat }),
    step_size: optionalNumber(form[`step_${type}`]) ?? PRICE_FIELDS.find((f) => f.type === type)!.step,
  }));
  return [{ price_components }];
}

/** The tariff form's strings as the API body: PUT (replace) or, with the code, POST. */
export function tariffBody(form: FormFields, { withId }: { withId: boolean }) {
  const body = {
    name: optionalText(form.name) ?? null,
    currency: optionalText(form.currency)?.toUpperCase(),
    elements: elementsOf(form),
    // "Every tenant" is the empty list; a chosen set with nothing ticked is refused by `offerCheck`.
    tenant_ids: form.offer === 'chosen' ? stringList(form.tenant_ids) : [],
  };
  return withId ? { id: optionalText(form.id)?.toUpperCase(), ...body } : body;
}

/** "Chosen tenants" with none ticked would silently mean "every tenant": say so instead. */
export function offerProblem(form: FormFields): string | undefined {
  return form.offer === 'chosen' && stringList(form.tenant_ids).length === 0
    ? 'choose at least one tenant, or offer it to every tenant'
    : undefined;
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

/** The VAT rates of a tariff's prices ("21%"), empty when none is set. */
export function vatRates(tariff: Pick<Tariff, 'elements'>): string {
  const rates = new Set(tariff.elements.flatMap((e) => e.price_components.flatMap((c) => (c.vat === undefined ? [] : [`${c.vat}%`]))));
  return [...rates].join(', ');
}

/** A one-line summary of a tariff's prices for tables and detail pages. */
export function describePrices(tariff: Pick<Tariff, 'elements' | 'currency'>): string {
  const parts = tariff.elements.flatMap((element) =>
    element.price_components.map((c) => {
      const field = PRICE_FIELDS.find((f) => f.type === c.type);
      return `${c.price} ${tariff.currency} ${field?.unit ?? ''}`.trim() + (element.restrictions ? ' (restricted)' : '');
    }),
  );
  return parts.join(' · ') || '—';
}

/**
 * The tariff form's schema: the API's own (create with the code, or replace), after the offer
 * check, so every error carries the API's JSON pointer.
 */
export function tariffFormSchema(withId: true): z.ZodType<TariffCreateInput>;
export function tariffFormSchema(withId: false): z.ZodType<TariffReplaceInput>;
export function tariffFormSchema(withId: boolean): z.ZodType<TariffCreateInput | TariffReplaceInput> {
  const api = withId ? tariffCreateSchema : tariffReplaceSchema;
  return z
    .unknown()
    .superRefine((form, check) => {
      const problem = offerProblem((form ?? {}) as FormFields);
      if (problem) check.addIssue({ code: 'custom', path: ['tenant_ids'], message: problem });
    })
    .pipe(formInput(api, (form) => tariffBody(form, { withId })));
}
