import type { EvseStatus } from '@/lib/domain/vocabulary';

/** OCPP 1.6 ChargePointStatus → OCPI EVSE status (docs/OCPP.md#station--product). */
export const OCPI_STATUS: Readonly<Record<string, EvseStatus>> = {
  Available: 'AVAILABLE',
  Preparing: 'CHARGING',
  Charging: 'CHARGING',
  SuspendedEV: 'CHARGING',
  SuspendedEVSE: 'CHARGING',
  Finishing: 'CHARGING',
  Reserved: 'RESERVED',
  Unavailable: 'INOPERATIVE',
  Faulted: 'OUTOFORDER',
};

export const ocpiStatus = (status: string): EvseStatus => OCPI_STATUS[status] ?? 'UNKNOWN';
