/** OCPI weekdays: 1 = Monday … 7 = Sunday. */
export const WEEKDAYS = [
  { day: 1, label: 'Monday' },
  { day: 2, label: 'Tuesday' },
  { day: 3, label: 'Wednesday' },
  { day: 4, label: 'Thursday' },
  { day: 5, label: 'Friday' },
  { day: 6, label: 'Saturday' },
  { day: 7, label: 'Sunday' },
] as const;

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
