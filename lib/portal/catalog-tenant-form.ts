import { nullableText, optionalText, type FormFields } from '@/lib/actions/form-input';

/** The tenant form's strings as the API body (POST, or the full state sent as a PATCH). */
export function tenantBody(form: FormFields) {
  return {
    name: optionalText(form.name),
    slug: optionalText(form.slug),
    kind: optionalText(form.kind),
    external_id: nullableText(form.external_id),
  };
}
