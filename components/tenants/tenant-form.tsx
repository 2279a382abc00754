'use client';

import { ActionForm } from '@/components/forms/action-form';
import { SelectField, TextField } from '@/components/forms/fields';
import { SubmitButton } from '@/components/forms/submit-button';
import { useFieldValues } from '@/components/forms/use-field-values';
import { VersionFields } from '@/components/forms/version-fields';
import type { FormAction } from '@/lib/actions/define-action';
import { TENANT_KINDS } from '@/lib/domain/vocabulary';
import type { Tenant } from '@/lib/schemas/tenant';

const KIND_LABELS: Record<(typeof TENANT_KINDS)[number], string> = {
  B2B: 'Business (B2B)',
  MUNICIPALITY: 'Municipality',
  CONDOMINIUM: 'Condominium (VvE)',
  OTHER: 'Other',
};
const KIND_OPTIONS = TENANT_KINDS.map((kind) => ({ value: kind, label: KIND_LABELS[kind] }));

type Props = {
  action: FormAction;
  /** The tenant being edited; without it the form creates one. */
  tenant?: Pick<Tenant, 'id' | 'version' | 'name' | 'slug' | 'kind' | 'external_id'>;
};

/** Create or edit a tenant. Values are held in state so a refused submit keeps what was typed. */
export function TenantForm({ action, tenant }: Props) {
  const bind = useFieldValues({
    name: tenant?.name ?? '',
    slug: tenant?.slug ?? '',
    kind: tenant?.kind ?? 'B2B',
    external_id: tenant?.external_id ?? '',
  });
  return (
    <ActionForm action={action} label={tenant ? 'Edit tenant' : 'New tenant'} className="grid gap-3 sm:grid-cols-2">
      <VersionFields target={tenant} />
      <TextField label="Name" required autoComplete="off" {...bind('name')} />
      <TextField
        label="Slug"
        required
        autoComplete="off"
        hint="Lowercase letters and digits, groups joined by single hyphens, e.g. zonnepark-noord"
        {...bind('slug')}
      />
      <SelectField label="Kind" options={KIND_OPTIONS} {...bind('kind')} />
      <TextField label="External id (CRM)" hint="Optional, e.g. a Salesforce account id" autoComplete="off" {...bind('external_id')} />
      <div className="sm:col-span-2">
        <SubmitButton pendingLabel={tenant ? 'Saving…' : 'Creating…'}>{tenant ? 'Save tenant' : 'Create tenant'}</SubmitButton>
      </div>
    </ActionForm>
  );
}
