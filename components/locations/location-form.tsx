'use client';

import { useState, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/forms/action-form';
import { CheckboxGroup, FieldErrorAt, SelectField, TextAreaField, TextField } from '@/components/forms/fields';
import { SubmitButton } from '@/components/forms/submit-button';
import { VersionFields } from '@/components/forms/version-fields';
import { CoordinatePicker } from '@/components/map/lazy-maps';
import type { FormAction } from '@/lib/actions/define-action';
import { FACILITIES, PARKING_TYPES } from '@/lib/domain/vocabulary';
import { WEEKDAYS, type LocationFormValues, type Weekday } from '@/lib/view/locations';
import { BasemapNote } from '@/components/map/map-notes';
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

const MAINTENANCE_FIELDS = [
  { key: 'contractor' },
  { key: 'contract_reference' },
  { key: 'last_service_date', type: 'date' },
  { key: 'next_service_date', type: 'date' },
] as const satisfies { key: keyof LocationFormValues['maintenance']; type?: 'date' }[];
const GRID = 'grid gap-3 sm:grid-cols-2';

/** A number typed into a coordinate input, or null while it is not one. */
const parsed = (value: string) => {
  const number = Number(value.replace(',', '.'));
  return value.trim() !== '' && Number.isFinite(number) ? number : null;
};

/** Create and edit form of a location; coordinates are typed or picked on the map. */
export function LocationForm({ action, values, target, tenants, tileUrl, attribution }: Props) {
  const t = useTranslations('LocationForm');
  const words = useTranslations('Location');
  const facilityOptions = FACILITIES.map((f) => ({ value: f, label: words(`facility.${f}`) }));
  const parkingOptions = [
    { value: '', label: t('notSpecified') },
    ...PARKING_TYPES.map((p) => ({ value: p, label: words(`parkingType.${p}`) })),
  ];
  const [latitude, setLatitude] = useState(values.latitude);
  const [longitude, setLongitude] = useState(values.longitude);
  const [allDay, setAllDay] = useState(values.twentyfourseven);
  const lat = parsed(latitude);
  const lon = parsed(longitude);
  const position: [number, number] | null = lat !== null && lon !== null && Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? [lat, lon] : null;
  return (
    <ActionForm action={action} className="space-y-4" label={target ? t('editTitle') : t('newTitle')}>
      <VersionFields target={target} />
      <Section id="loc-general" title={t('general')}>
        {tenants && tenants.choices.length > 0 && (
          <SelectField
            name="tenant_id"
            label={t('tenant')}
            options={tenants.choices.map((t) => ({ value: t.id, label: t.name }))}
            defaultValue={tenants.selected}
          />
        )}
        <div className={GRID}>
          <TextField name="name" label={t('name')} defaultValue={values.name} required maxLength={255} />
          <TextField name="external_id" label={t('externalId')} hint={t('externalIdHint')} defaultValue={values.external_id} />
        </div>
      </Section>

      <Section id="loc-address" title={t('addressAndPosition')}>
        <TextField name="address" label={t('street')} defaultValue={values.address} required autoComplete="street-address" />
        <div className="grid gap-3 sm:grid-cols-3">
          <TextField name="postal_code" label={t('postalCode')} defaultValue={values.postal_code} autoComplete="postal-code" />
          <TextField name="city" label={t('city')} defaultValue={values.city} required />
          <TextField name="country" label={t('country')} hint={t('countryHint')} defaultValue={values.country} required maxLength={3} />
        </div>
        <p className="text-sm text-slate-700">{t('mapHelp')}</p>
        <CoordinatePicker
          position={position}
          onPick={(la, lo) => {
            setLatitude(String(la));
            setLongitude(String(lo));
          }}
          tileUrl={tileUrl}
          attribution={attribution}
        />
        <BasemapNote tileUrl={tileUrl} />
        <div className={GRID}>
          <CoordinateField axis="latitude" label={t('latitude')} value={latitude} onChange={setLatitude} />
          <CoordinateField axis="longitude" label={t('longitude')} value={longitude} onChange={setLongitude} />
        </div>
      </Section>

      <Section id="loc-site" title={t('site')}>
        <SelectField name="parking_type" label={t('parkingType')} options={parkingOptions} defaultValue={values.parking_type} />
        <CheckboxGroup name="facilities" label={t('facilities')} options={facilityOptions} checked={values.facilities} />
        <OpeningTimes values={values} allDay={allDay} onAllDay={setAllDay} />
        <TextField name="custom_groups" label={t('groups')} hint={t('groupsHint')} defaultValue={values.custom_groups} />
        <TextAreaField name="remarks" label={t('remarks')} defaultValue={values.remarks} maxLength={4000} />
      </Section>

      <Section id="loc-maintenance" title={t('maintenance')}>
        <div className={GRID}>
          {MAINTENANCE_FIELDS.map(({ key, ...field }) => (
            <TextField
              key={key}
              name={`maintenance_${key}`}
              path={`/maintenance/${key}`}
              label={t(`maintenanceField.${key}`)}
              type={'type' in field ? field.type : undefined}
              defaultValue={values.maintenance[key]}
            />
          ))}
        </div>
        <TextAreaField
          name="maintenance_notes"
          path="/maintenance/notes"
          label={t('maintenanceNotes')}
          defaultValue={values.maintenance.notes}
        />
      </Section>

      <SubmitButton pendingLabel={t('saving')}>{target ? t('save') : t('create')}</SubmitButton>
    </ActionForm>
  );
}

/** 24/7, or one opening period per weekday (empty day = closed). */
function OpeningTimes({ values, allDay, onAllDay }: { values: LocationFormValues; allDay: boolean; onAllDay: (on: boolean) => void }) {
  const t = useTranslations('LocationForm');
  const words = useTranslations('Location');
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">{t('openingTimes')}</legend>
      <input type="hidden" name="opening_exceptions" value={values.opening_exceptions} />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="twentyfourseven" checked={allDay} onChange={(e) => onAllDay(e.target.checked)} />
        {t('open247')}
      </label>
      {!allDay && !values.hoursEditable && (
        <div className="space-y-1 text-sm">
          <p className="text-xs text-slate-600">{t('splitHours')}</p>
          <ul>
            {values.regularHours.map((p, i) => (
              <li key={i}>
                {words(`weekday.${p.weekday as Weekday}`)}: {p.period_begin}–{p.period_end}
              </li>
            ))}
          </ul>
        </div>
      )}
      {!allDay && values.hoursEditable && (
        <div className="space-y-1">
          <p className="text-xs text-slate-600">{t('hoursHelp')}</p>
          {WEEKDAYS.map((day) => (
            <div key={day} className="grid grid-cols-[6.5rem_1fr_1fr] items-center gap-2 text-sm">
              <span>{words(`weekday.${day}`)}</span>
              <input
                type="time"
                name={`open_${day}`}
                aria-label={t('opens', { day: words(`weekday.${day}`) })}
                defaultValue={values.hours[day]?.begin ?? ''}
                className="min-w-0 rounded border border-slate-300 px-2 py-1"
              />
              <input
                type="time"
                name={`close_${day}`}
                aria-label={t('closes', { day: words(`weekday.${day}`) })}
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
