'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/forms/action-form';
import { LocationPicker } from '@/components/locations/location-picker';
import { locationPickerWords } from '@/components/locations/location-picker-words';
import { SelectField, TextAreaField, TextField } from '@/components/forms/fields';
import { SubmitButton } from '@/components/forms/submit-button';
import { VersionFields } from '@/components/forms/version-fields';
import { valueOptions } from '@/components/forms/options';
import type { FormAction } from '@/lib/actions/define-action';
import { CHARGER_TYPES, STATION_ACCESS } from '@/lib/domain/vocabulary';
import type { ChargeStation } from '@/lib/schemas/charge-station';

type Props = { action: FormAction; station: ChargeStation };

/** Identity and hardware fields of the station (station:write). */
export function StationDetailsForm({ action, station }: Props) {
  const t = useTranslations('StationEdit');
  const common = useTranslations('Common');
  return (
    <ActionForm action={action} label={t('detailsForm')} className="space-y-3">
      <VersionFields target={station} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField name="name" label={t('name')} defaultValue={station.name ?? ''} maxLength={255} />
        <TextField name="vendor" label={t('vendor')} defaultValue={station.vendor ?? ''} />
        <TextField name="model" label={t('model')} defaultValue={station.model ?? ''} />
        <TextField name="serial_number" label={t('serialNumber')} defaultValue={station.serial_number ?? ''} />
        <TextField name="firmware_version" label={t('firmwareVersion')} defaultValue={station.firmware_version ?? ''} />
        <SelectField
          name="charger_type"
          label={t('chargerType')}
          defaultValue={station.charger_type}
          options={valueOptions(CHARGER_TYPES)}
        />
        <SelectField
          name="access"
          label={t('access')}
          defaultValue={station.access ?? ''}
          options={[{ value: '', label: common('none') }, ...valueOptions(STATION_ACCESS)]}
        />
        <TextField name="max_power_kw" label={t('maxPower')} inputMode="decimal" defaultValue={station.max_power_kw ?? ''} />
      </div>
      <SubmitButton pendingLabel={common('saving')}>{t('saveDetails')}</SubmitButton>
    </ActionForm>
  );
}

/** Remarks and custom groups (station:write). */
export function StationNotesForm({ action, station }: Props) {
  const t = useTranslations('StationEdit');
  const common = useTranslations('Common');
  return (
    <ActionForm action={action} label={t('notesForm')} className="space-y-3">
      <VersionFields target={station} />
      <TextField name="custom_groups" label={t('groups')} hint={t('groupsHint')} defaultValue={station.custom_groups.join(', ')} />
      <TextAreaField name="remarks" label={t('remarks')} defaultValue={station.remarks ?? ''} maxLength={4000} />
      <SubmitButton pendingLabel={common('saving')}>{t('saveNotes')}</SubmitButton>
    </ActionForm>
  );
}

/** Link to one of the tenant's locations, found by search, or unlink (station:link). */
export function StationLinkForms({ link, unlink, station }: { link: FormAction; unlink: FormAction; station: ChargeStation }) {
  const t = useTranslations('StationEdit');
  const pickerT = useTranslations('LocationPicker');
  return (
    <div className="space-y-3">
      <ActionForm action={link} label={t('linkForm')} className="space-y-2">
        <VersionFields target={station} />
        <LocationPicker
          name="location_id"
          label={station.location_id ? t('moveTo') : t('linkTo')}
          selected={null}
          tenantId={station.tenant_id}
          emptyLabel={t('noLocationChosen')}
          words={locationPickerWords(pickerT)}
        />
        <SubmitButton pendingLabel={t('linking')}>{t('link')}</SubmitButton>
      </ActionForm>
      {station.location_id && (
        <ActionForm action={unlink} label={t('unlinkForm')}>
          <VersionFields target={station} />
          <SubmitButton pendingLabel={t('unlinking')} variant="danger">
            {t('unlink')}
          </SubmitButton>
        </ActionForm>
      )}
    </div>
  );
}
