import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuthContext } from '@/lib/auth/context';
import { getDb } from '@/lib/db/client';
import { auditEvents } from '@/lib/db/schema';
import { makeStation, makeTenant, userContext } from '@/test/fixtures';
import { addMaintenanceWindow, removeMaintenanceWindow } from './index';

const service = { starts_at: '2027-01-10T08:00:00Z', ends_at: '2027-01-10T12:00:00Z', reason: 'Annual service' };
const repair = { starts_at: '2027-02-01T08:00:00Z', ends_at: '2027-02-01T09:00:00Z' };

let own: string;
let installer: AuthContext;
let operator: AuthContext;
let viewer: AuthContext;
let otherStation: string;

beforeAll(async () => {
  own = (await makeTenant('Maint')).id;
  installer = await userContext('installer', [own]);
  operator = await userContext('customer_operator', [own]);
  viewer = await userContext('viewer', [own]);
  otherStation = (await makeStation((await makeTenant('Maint other')).id)).id;
});

describe('addMaintenanceWindow / removeMaintenanceWindow', () => {
  it('appends and removes by position with station:maintenance alone, each audited as an update', async () => {
    const id = (await makeStation(own)).id;
    await addMaintenanceWindow({ ctx: installer, id, input: service });
    const added = await addMaintenanceWindow({ ctx: operator, id, input: repair, expectedVersion: 2 });
    expect(added).toMatchObject({ version: 3, maintenance_windows: [service, repair] });
    const removed = await removeMaintenanceWindow({ ctx: installer, id, index: 0, expectedVersion: 3 });
    expect(removed).toMatchObject({ version: 4, maintenance_windows: [repair] });
    const events = await getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'charge_station.updated')));
    expect(events.map((e) => Object.keys(e.changes))).toEqual([['maintenance_windows'], ['maintenance_windows'], ['maintenance_windows']]);
  });

  it('another tenant’s station and a missing position are 404; a viewer is 403; a stale version is 412', async () => {
    await expect(addMaintenanceWindow({ ctx: operator, id: otherStation, input: service })).rejects.toMatchObject({ code: 'not_found' });
    const id = (await makeStation(own)).id;
    await expect(removeMaintenanceWindow({ ctx: operator, id, index: 0 })).rejects.toMatchObject({ code: 'not_found' });
    await expect(addMaintenanceWindow({ ctx: viewer, id, input: service })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(addMaintenanceWindow({ ctx: operator, id, input: service, expectedVersion: 5 })).rejects.toMatchObject({
      code: 'precondition_failed',
    });
  });
});
