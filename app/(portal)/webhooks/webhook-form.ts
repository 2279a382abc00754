import { nullableText, optionalText, stringList, type FormFields } from '@/lib/actions/form-input';

/** The webhook form's fields as the API body (POST, or the full editable state sent as a PATCH). */
export function webhookBody(form: FormFields) {
  return {
    url: optionalText(form.url),
    events: stringList(form.events),
    description: nullableText(form.description),
  };
}

/** A new subscription's tenant: the select's empty value is CPO-wide (null); no select leaves it to the API. */
export function webhookTenant(form: FormFields): string | null | undefined {
  if (form.tenant_id === undefined) return undefined;
  return optionalText(form.tenant_id) ?? null;
}
