import { z } from 'zod';
import { formInput, optionalNumber, optionalText, stringList, type FormFields } from '@/lib/actions/form-input';
import { tariffCreateSchema, tariffReplaceSchema, type TariffCreateInput, type TariffReplaceInput } from '@/lib/schemas/tariff';
import { filledPriceTypes, PRICE_FIELDS } from '@/lib/view/tariffs';

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
    // "Every tenant" is the empty list; a chosen set with nothing ticked is refused by `offerProblem`.
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
