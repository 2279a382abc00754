'use client';

import { useState, type ReactNode } from 'react';
import { ActionForm } from '@/components/forms/action-form';
import { CheckboxGroup, FieldErrorAt, SelectField, TextAreaField, TextField } from '@/components/forms/fields';
import { inWords } from '@/components/forms/options';
import { SubmitButton } from '@/components/forms/submit-button';
import { VersionFields } from '@/components/forms/version-fields';
import { CoordinatePicker } from '@/components/map/lazy-maps';
import type { FormAction } from '@/lib/actions/define-action';
import { FACILITIES, PARKING_TYPES } from '@/lib/domain/vocabulary';
import { WEEKDAYS, type LocationFormValues } from '@/lib/view/locations';
import type { TenantChoice } from '@/lib/portal/tenant-choices';

type Props = {
  action: FormAction;
  values: LocationFormValues;
  /** Editing: the location's id and the version the form was loaded with (a conflict is refused). */
  target?: { id: string; version: number };
  tenants?: { choices: TenantChoice[]; selected: string };
  tileUrl: string | null;
  attribution?: string;
};

const FACILITY_OPTIONS = FACILITIES.map((f) => ({ value: f, label: inWords(f) }));
const PARKING_OPTIONS = [{ value: '', label: 'Not specified' }, ...PARKING_TYPES.map((p) => ({ value: p, label: inWords(p) }))];
const MAINTENANCE_FIELDS: { key: keyof LocationFormValues['maintenance']; label: string; type?: 'date' }[] = [
  { key: 'contractor', label: 'Contractor' },
  { key: 'contract_reference', label: 'Contract reference' },
  { key: 'last_service_date', label: 'Last service', type: 'date' },
  { key: 'next_service_date', label: 'Next service', type: 'date' },
];
const GRID = 'grid gap-3 sm:grid-cols-2';

/** A number typed into a coordinate input, or null while it is not one. */
const parsed = (value: string) => {
  const number = Number(value.replace(',', '.'));
  return value.trim() !== '' && Number.isFinite(number) ? number : null;
};

/** Create and edit form of a location; coordinates are typed or picked on the map. */
export function LocationForm({ action, values, target, tenants, tileUrl, attribution }: Props) {
  const [latitude, setLatitude] = useState(values.latitude);
  const [longitude, setLongitude] = useState(values.longitude);
  const [allDay, setAllDay] = useState(values.twentyfourseven);
  const lat = parsed(latitude);
  const lon = parsed(longitude);
  const position: [number, number] | null = lat !== null && lon !== null && Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? [lat, lon] : null;
  return (
    <ActionForm action={action} className="space-y-4" label={target ? 'Edit location' : 'New location'}>
      <VersionFields target={target} />
      <Section id="loc-general" title="General">
        {tenants && tenants.choices.length > 0 && (
          <SelectField
            name="tenant_id"
            label="Customer (tenant)"
            options={tenants.choices.map((t) => ({ value: t.id, label: t.name }))}
            defaultValue={tenants.selected}
          />
        )}
        <div className={GRID}>
          <TextField name="name" label="Name" defaultValue={values.name} required maxLength={255} />
          <TextField name="external_id" label="External id" hint="Optional; unique per customer" defaultValue={values.external_id} />
        </div>
      </Section>

      <Section id="loc-address" title="Address and position">
        <TextField name="address" label="Street and number" defaultValue={values.address} required autoComplete="street-address" />
        <div className="grid gap-3 sm:grid-cols-3">
          <TextField name="postal_code" label="Postal code" defaultValue={values.postal_code} autoComplete="postal-code" />
          <TextField name="city" label="City" defaultValue={values.city} required />
          <TextField
            name="country"
            label="Country"
            hint="ISO 3166 alpha-3, e.g. NLD, BEL"
            defaultValue={values.country}
            required
            maxLength={3}
          />
        </div>
        <p className="text-sm text-slate-700">Click the map to set the coordinates, or drag the pin; you can also type them.</p>
        <CoordinatePicker
          position={position}
          onPick={(la, lo) => {
            setLatitude(String(la));
            setLongitude(String(lo));
          }}
          tileUrl={tileUrl}
          attribution={attribution}
        />
        {!tileUrl && <p className="text-xs text-slate-600">The basemap is not configured (MAP_TILE_URL); the map has no background.</p>}
        <div className={GRID}>
          <CoordinateField axis="latitude" label="Latitude" value={latitude} onChange={setLatitude} />
          <CoordinateField axis="longitude" label="Longitude" value={longitude} onChange={setLongitude} />
        </div>
      </Section>

      <Section id="loc-site" title="Site">
        <SelectField name="parking_type" label="Parking type" options={PARKING_OPTIONS} defaultValue={values.parking_type} />
        <CheckboxGroup name="facilities" label="Facilities" options={FACILITY_OPTIONS} checked={values.facilities} />
        <OpeningTimes values={values} allDay={allDay} onAllDay={setAllDay} />
        <TextField
          name="custom_groups"
          label="Groups"
          hint="Comma-separated, e.g. Binnenstad, Phase 2"
          defaultValue={values.custom_groups}
        />
        <TextAreaField name="remarks" label="Remarks" defaultValue={values.remarks} maxLength={4000} />
      </Section>

      <Section id="loc-maintenance" title="Maintenance">
        <div className={GRID}>
          {MAINTENANCE_FIELDS.map(({ key, label, type }) => (
            <TextField
              key={key}
              name={`maintenance_${key}`}
              path={`/maintenance/${key}`}
              label={label}
              type={type}
              defaultValue={values.maintenance[key]}
            />
          ))}
        </div>
        <TextAreaField
          name="maintenance_notes"
          path="/maintenance/notes"
          label="Maintenance notes"
          defaultValue={values.maintenance.notes}
        />
      </Section>

      <SubmitButton pendingLabel="Saving…">{target ? 'Save location' : 'Create location'}</SubmitButton>
    </ActionForm>
  );
}

/** 24/7, or one opening period per weekday (empty day = closed). */
function OpeningTimes({ values, allDay, onAllDay }: { values: LocationFormValues; allDay: boolean; onAllDay: (on: boolean) => void }) {
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">Opening times</legend>
      <input type="hidden" name="opening_exceptions" value={values.opening_exceptions} />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="twentyfourseven" checked={allDay} onChange={(e) => onAllDay(e.target.checked)} />
        Open 24/7
      </label>
      {!allDay && !values.hoursEditable && (
        <div className="space-y-1 text-sm">
          <p className="text-xs text-slate-600">
            Some days have several opening periods; they are kept as they are (change them through the API).
          </p>
          <ul>
            {values.regularHours.map((p, i) => (
              <li key={i}>
                {WEEKDAYS.find((w) => w.day === p.weekday)?.label}: {p.period_begin}–{p.period_end}
              </li>
            ))}
          </ul>
        </div>
      )}
      {!allDay && values.hoursEditable && (
        <div className="space-y-1">
          <p className="text-xs text-slate-600">Leave a day empty when it is closed; leave all empty when the hours are unknown.</p>
          {WEEKDAYS.map(({ day, label }) => (
            <div key={day} className="grid grid-cols-[6.5rem_1fr_1fr] items-center gap-2 text-sm">
              <span>{label}</span>
              <input
                type="time"
                name={`open_${day}`}
                aria-label={`${label} opens`}
                defaultValue={values.hours[day]?.begin ?? ''}
                className="min-w-0 rounded border border-slate-300 px-2 py-1"
              />
              <input
                type="time"
                name={`close_${day}`}
                aria-label={`${label} closes`}
                defaultValue={values.hours[day]?.end ?? ''}
                className="min-w-0 rounded border border-slate-300 px-2 py-1"
              />
            </div>
          ))}
        </div>
      )}
      <FieldErrorAt path="/opening_times" />
    </fieldset>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" aria-labelledby={id}>
      <h2 id={id} className="font-medium">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** Typed, or set by picking on the map; its errors sit at the API's `coordinates` pointer. */
function CoordinateField({
  axis,
  label,
  value,
  onChange,
}: {
  axis: 'latitude' | 'longitude';
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <TextField
      name={axis}
      label={label}
      path={`/coordinates/${axis}`}
      inputMode="decimal"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      required
    />
  );
}
