'use client';

import { ActionForm } from '@/components/forms/action-form';
import { LocationPicker } from '@/components/locations/location-picker';
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
  return (
    <ActionForm action={action} label="Station details" className="space-y-3">
      <VersionFields target={station} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField name="name" label="Name" defaultValue={station.name ?? ''} maxLength={255} />
        <TextField name="vendor" label="Vendor" defaultValue={station.vendor ?? ''} />
        <TextField name="model" label="Model" defaultValue={station.model ?? ''} />
        <TextField name="serial_number" label="Serial number" defaultValue={station.serial_number ?? ''} />
        <TextField name="firmware_version" label="Firmware version" defaultValue={station.firmware_version ?? ''} />
        <SelectField name="charger_type" label="Charger type" defaultValue={station.charger_type} options={valueOptions(CHARGER_TYPES)} />
        <SelectField
          name="access"
          label="Access"
          defaultValue={station.access ?? ''}
          options={[{ value: '', label: '—' }, ...valueOptions(STATION_ACCESS)]}
        />
        <TextField name="max_power_kw" label="Max power (kW)" inputMode="decimal" defaultValue={station.max_power_kw ?? ''} />
      </div>
      <SubmitButton pendingLabel="Saving…">Save details</SubmitButton>
    </ActionForm>
  );
}

/** Remarks and custom groups (station:write). */
export function StationNotesForm({ action, station }: Props) {
  return (
    <ActionForm action={action} label="Remarks and groups" className="space-y-3">
      <VersionFields target={station} />
      <TextField
        name="custom_groups"
        label="Groups"
        hint="Comma separated; a new name creates the group."
        defaultValue={station.custom_groups.join(', ')}
      />
      <TextAreaField name="remarks" label="Remarks" defaultValue={station.remarks ?? ''} maxLength={4000} />
      <SubmitButton pendingLabel="Saving…">Save remarks and groups</SubmitButton>
    </ActionForm>
  );
}

/** Link to one of the tenant's locations, found by search, or unlink (station:link). */
export function StationLinkForms({ link, unlink, station }: { link: FormAction; unlink: FormAction; station: ChargeStation }) {
  return (
    <div className="space-y-3">
      <ActionForm action={link} label="Link to a location" className="space-y-2">
        <VersionFields target={station} />
        <LocationPicker
          name="location_id"
          label={station.location_id ? 'Move to location' : 'Link to location'}
          selected={null}
          tenantId={station.tenant_id}
          emptyLabel="No location chosen yet."
        />
        <SubmitButton pendingLabel="Linking…">Link</SubmitButton>
      </ActionForm>
      {station.location_id && (
        <ActionForm action={unlink} label="Unlink from the location">
          <VersionFields target={station} />
          <SubmitButton pendingLabel="Unlinking…" variant="danger">
            Unlink from its location
          </SubmitButton>
        </ActionForm>
      )}
    </div>
  );
}
