'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/forms/action-form';
import { SelectField, TextField } from '@/components/forms/fields';
import { SubmitButton } from '@/components/forms/submit-button';
import { useFieldValues } from '@/components/forms/use-field-values';
import { VersionFields } from '@/components/forms/version-fields';
import type { FormAction } from '@/lib/actions/define-action';
import { TENANT_KINDS } from '@/lib/domain/vocabulary';
import type { Tenant } from '@/lib/schemas/tenant';

type Props = {
  action: FormAction;
  /** The tenant being edited; without it the form creates one. */
  tenant?: Pick<Tenant, 'id' | 'version' | 'name' | 'slug' | 'kind' | 'external_id'>;
};

/** Create or edit a tenant. Values are held in state so a refused submit keeps what was typed. */
export function TenantForm({ action, tenant }: Props) {
  const t = useTranslations('Tenants');
  const tCommon = useTranslations('Common');
  const tForms = useTranslations('Forms');
  const kindOptions = TENANT_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }));
  const bind = useFieldValues({
    name: tenant?.name ?? '',
    slug: tenant?.slug ?? '',
    kind: tenant?.kind ?? 'B2B',
    external_id: tenant?.external_id ?? '',
  });
  return (
    <ActionForm action={action} label={tenant ? t('edit') : t('new')} className="grid gap-3 sm:grid-cols-2">
      <VersionFields target={tenant} />
      <TextField label={t('name')} required autoComplete="off" {...bind('name')} />
      <TextField label={t('slug')} required autoComplete="off" hint={t('slugHint')} {...bind('slug')} />
      <SelectField label={t('kind')} options={kindOptions} {...bind('kind')} />
      <TextField label={t('externalIdCrm')} hint={t('externalIdHint')} autoComplete="off" {...bind('external_id')} />
      <div className="sm:col-span-2">
        <SubmitButton pendingLabel={tenant ? tCommon('saving') : tForms('creating')}>{tenant ? t('save') : t('createTenant')}</SubmitButton>
      </div>
    </ActionForm>
  );
}
