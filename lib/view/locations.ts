/** OCPI weekdays: 1 = Monday … 7 = Sunday (their names are the `Location.weekday.*` messages). */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** The location page's tabs (`?tab=`); their names are the `Location.tab.*` messages. */
export const LOCATION_TABS = ['overview', 'map', 'maintenance', 'remarks', 'history'] as const;
export type LocationTab = (typeof LOCATION_TABS)[number];

/** The tab a `?tab=` value names; anything else is the overview. */
export function locationTab(value: string | string[] | undefined): LocationTab {
  return LOCATION_TABS.find((tab) => tab === value) ?? 'overview';
}

/** What the location form's inputs start with (strings, as the inputs hold them). */
export type LocationFormValues = {
  name: string;
  address: string;
  postal_code: string;
  city: string;
  country: string;
  latitude: string;
  longitude: string;
  external_id: string;
  parking_type: string;
  facilities: string[];
  twentyfourseven: boolean;
  hours: Record<number, { begin: string; end: string }>;
  /** False when some weekday has several periods: those hours are kept as they are and shown read-only. */
  hoursEditable: boolean;
  regularHours: { weekday: number; period_begin: string; period_end: string }[];
  opening_exceptions: string;
  custom_groups: string;
  remarks: string;
  maintenance: Record<'contractor' | 'contract_reference' | 'last_service_date' | 'next_service_date' | 'notes', string>;
};
