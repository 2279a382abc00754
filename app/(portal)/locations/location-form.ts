import { nullableText, optionalNumber, optionalText, stringList, type FormFields } from '@/lib/actions/form-input';
import type { Location } from '@/lib/schemas/location';
import { WEEKDAYS, type LocationFormValues } from '@/lib/view/locations';

/** A required text field: trimmed, but an empty one is still sent so the schema names it. */
function requiredText(value: unknown): string | undefined {
  return typeof value === 'string' ? value.trim() : undefined;
}

/**
 * Exceptional openings/closings (and regular hours with several periods a day) have no controls
 * in the form; the form carries them as JSON in a hidden field so saving keeps them.
 */
function exceptions(form: FormFields): Record<string, unknown> {
  if (typeof form.opening_exceptions !== 'string' || !form.opening_exceptions) return {};
  try {
    const parsed: unknown = JSON.parse(form.opening_exceptions);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The opening-times fields (a 24/7 box, one period per weekday) as the API's `opening_times`. */
function openingTimesFromForm(form: FormFields): unknown {
  const kept = exceptions(form);
  if (form.twentyfourseven === 'on') return { twentyfourseven: true, ...kept };
  const regular = WEEKDAYS.flatMap((day) => {
    const begin = optionalText(form[`open_${day}`]);
    const end = optionalText(form[`close_${day}`]);
    return begin || end ? [{ weekday: day, period_begin: begin, period_end: end }] : [];
  });
  if (!regular.length && !Object.keys(kept).length) return null;
  return { twentyfourseven: false, regular_hours: regular, ...kept };
}

function maintenanceFromForm(form: FormFields) {
  const maintenance = {
    contractor: nullableText(form.maintenance_contractor),
    contract_reference: nullableText(form.maintenance_contract_reference),
    last_service_date: nullableText(form.maintenance_last_service_date),
    next_service_date: nullableText(form.maintenance_next_service_date),
    notes: nullableText(form.maintenance_notes),
  };
  return Object.values(maintenance).some((v) => v !== null) ? maintenance : null;
}

/**
 * The location form's strings as an API body. `create` leaves empty optional fields out; `patch`
 * sends them as null, so clearing a field in the form clears it (JSON merge patch).
 */
export function locationBodyFromForm(form: FormFields, mode: 'create' | 'patch'): Record<string, unknown> {
  const optional = mode === 'create' ? optionalText : nullableText;
  const country = requiredText(form.country)?.toUpperCase();
  const body: Record<string, unknown> = {
    name: requiredText(form.name),
    address: requiredText(form.address),
    postal_code: optional(form.postal_code),
    city: requiredText(form.city),
    country,
    coordinates: { latitude: optionalNumber(form.latitude), longitude: optionalNumber(form.longitude) },
    external_id: optional(form.external_id),
    parking_type: optional(form.parking_type),
    facilities: stringList(form.facilities),
    opening_times: openingTimesFromForm(form),
    custom_groups: stringList(form.custom_groups),
    remarks: optional(form.remarks),
    maintenance: maintenanceFromForm(form),
  };
  if (mode === 'create') {
    body.tenant_id = optionalText(form.tenant_id);
    if (body.opening_times === null) delete body.opening_times;
    if (body.maintenance === null) delete body.maintenance;
  }
  return body;
}

/** The form's initial values for an existing location (or blanks for a new one). */
export function locationFormValues(location?: Location): LocationFormValues {
  const opening = location?.opening_times;
  const regular = opening?.regular_hours ?? [];
  // The form edits one period per weekday; a location with split days keeps its hours as they
  // are (carried in the hidden field below, shown read-only) instead of losing periods on save.
  const hoursEditable = new Set(regular.map((p) => p.weekday)).size === regular.length;
  const hours: LocationFormValues['hours'] = {};
  for (const period of hoursEditable ? regular : []) hours[period.weekday] = { begin: period.period_begin, end: period.period_end };
  const carried: ('exceptional_openings' | 'exceptional_closings' | 'regular_hours')[] = ['exceptional_openings', 'exceptional_closings'];
  if (!hoursEditable) carried.push('regular_hours');
  const kept = opening ? Object.fromEntries(carried.filter((k) => opening[k]?.length).map((k) => [k, opening[k]])) : {};
  const m = location?.maintenance;
  return {
    name: location?.name ?? '',
    address: location?.address ?? '',
    postal_code: location?.postal_code ?? '',
    city: location?.city ?? '',
    country: location?.country ?? 'NLD',
    latitude: location ? String(location.coordinates.latitude) : '',
    longitude: location ? String(location.coordinates.longitude) : '',
    external_id: location?.external_id ?? '',
    parking_type: location?.parking_type ?? '',
    facilities: location?.facilities ?? [],
    twentyfourseven: opening?.twentyfourseven ?? false,
    hours,
    hoursEditable,
    regularHours: hoursEditable ? [] : regular,
    opening_exceptions: Object.keys(kept).length ? JSON.stringify(kept) : '',
    custom_groups: location?.custom_groups.join(', ') ?? '',
    remarks: location?.remarks ?? '',
    maintenance: {
      contractor: m?.contractor ?? '',
      contract_reference: m?.contract_reference ?? '',
      last_service_date: m?.last_service_date ?? '',
      next_service_date: m?.next_service_date ?? '',
      notes: m?.notes ?? '',
    },
  };
}
