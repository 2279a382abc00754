import { describe, expect, it } from 'vitest';
import { formInput } from '@/lib/actions/form-input';
import { fieldErrors } from '@/lib/schemas/parse';
import { locationCreateSchema, locationPatchSchema, type Location } from '@/lib/schemas/location';
import { locationBodyFromForm, locationFormValues } from './location-form';

const createForm = formInput(locationCreateSchema, (form) => locationBodyFromForm(form, 'create'));
const patchForm = formInput(locationPatchSchema, (form) => locationBodyFromForm(form, 'patch'));

const filled = {
  name: ' Depot Noord ',
  address: 'Parklaan 12',
  postal_code: '',
  city: 'Utrecht',
  country: 'nld',
  latitude: '52,0907',
  longitude: '5.1214',
  parking_type: 'PARKING_LOT',
  facilities: ['CAFE', 'WIFI'],
  custom_groups: 'Binnenstad, Phase 2',
  open_1: '08:00',
  close_1: '18:00',
  maintenance_contractor: 'Voltwerk',
};

describe('location form → API body', () => {
  it('maps the form to a valid create body, leaving empty optional fields out', () => {
    const body = createForm.parse(filled);
    expect(body).toEqual({
      name: 'Depot Noord',
      address: 'Parklaan 12',
      city: 'Utrecht',
      country: 'NLD',
      coordinates: { latitude: 52.0907, longitude: 5.1214 },
      parking_type: 'PARKING_LOT',
      facilities: ['CAFE', 'WIFI'],
      custom_groups: ['Binnenstad', 'Phase 2'],
      opening_times: { twentyfourseven: false, regular_hours: [{ weekday: 1, period_begin: '08:00', period_end: '18:00' }] },
      maintenance: { contractor: 'Voltwerk', contract_reference: null, last_service_date: null, next_service_date: null, notes: null },
    });
  });

  it('reports errors at the API’s JSON pointers', () => {
    const result = createForm.safeParse({ ...filled, latitude: '123', city: ' ', open_1: '08:00', close_1: '' });
    const paths = fieldErrors(result.error!)
      .map((e) => e.path)
      .sort();
    expect(paths).toEqual(['/city', '/coordinates/latitude', '/opening_times/regular_hours/0/period_end']);
  });

  it('24/7 ignores the weekday hours and keeps exceptional periods from the hidden field', () => {
    const exceptions = { exceptional_closings: [{ period_begin: '2026-12-25T00:00:00Z', period_end: '2026-12-26T00:00:00Z' }] };
    const body = createForm.parse({ ...filled, twentyfourseven: 'on', opening_exceptions: JSON.stringify(exceptions) });
    expect(body.opening_times).toEqual({ twentyfourseven: true, ...exceptions });
  });

  it('a patch clears emptied optional fields with null', () => {
    const body = patchForm.parse({ ...filled, parking_type: '', maintenance_contractor: '', custom_groups: '' });
    expect(body).toMatchObject({
      parking_type: null,
      postal_code: null,
      remarks: null,
      maintenance: null,
      custom_groups: [],
      external_id: null,
    });
  });
});

describe('locationFormValues', () => {
  const depot = {
    name: 'Depot',
    address: 'Parklaan 12',
    postal_code: '3511',
    city: 'Utrecht',
    country: 'NLD',
    coordinates: { latitude: 52.09, longitude: 5.12 },
  };

  it('fills the form from a location and round-trips to the same writable fields', () => {
    const location = {
      ...depot,
      external_id: null,
      parking_type: null,
      facilities: ['WIFI'],
      opening_times: { twentyfourseven: false, regular_hours: [{ weekday: 2, period_begin: '07:00', period_end: '19:00' }] },
      custom_groups: ['A', 'B'],
      remarks: null,
      maintenance: null,
    } as unknown as Location;
    const values = locationFormValues(location);
    const form = {
      ...values,
      latitude: values.latitude,
      open_2: values.hours[2]!.begin,
      close_2: values.hours[2]!.end,
    };
    expect(patchForm.parse(form)).toMatchObject({
      postal_code: '3511',
      coordinates: { latitude: 52.09, longitude: 5.12 },
      facilities: ['WIFI'],
      opening_times: location.opening_times,
      custom_groups: ['A', 'B'],
      maintenance: null,
    });
  });

  it('keeps split days (several periods on one weekday) as they are instead of dropping periods', () => {
    const opening_times = {
      twentyfourseven: false,
      regular_hours: [
        { weekday: 1, period_begin: '08:00', period_end: '12:00' },
        { weekday: 1, period_begin: '13:00', period_end: '17:00' },
      ],
    };
    const location = {
      ...depot,
      facilities: [],
      opening_times,
      custom_groups: [],
      maintenance: null,
    } as unknown as Location;
    const values = locationFormValues(location);
    expect(values.hoursEditable).toBe(false);
    expect(values.hours).toEqual({});
    // A rename sends the untouched hours back whole.
    expect(patchForm.parse({ ...values, name: 'Depot Noord' })).toMatchObject({ name: 'Depot Noord', opening_times });
  });
});
