import { randomUUID } from 'node:crypto';
import { t2SocketExample } from '@/lib/api/examples';
import { systemContext } from '@/lib/auth/context';
import { createApiKey } from '@/lib/services/api-keys';
import { addMaintenanceWindow, createChargeStation } from '@/lib/services/charge-stations';
import { createHardwareTemplate } from '@/lib/services/hardware-templates';
import { createUser } from '@/lib/services/users';
import { createWebhook, sendTestWebhook } from '@/lib/services/webhooks';
import { API_PLACE, makeLocation, makeStation, makeTariff, makeTenant } from '@/test/fixtures';

/** Which rows a change touches: the fingerprint of these must be the same after a rolled-back attempt. */
export type Target = { table: string; column: string; value: string };

export type Prepared = {
  params?: Record<string, string>;
  body?: unknown;
  query?: string;
  upload?: { type: string; text: string };
  headers?: Record<string, string>;
  target: Target;
};

/** How to perform one mutating operation once, successfully, on fresh objects; and the audit event it must write. */
export type Recipe = { entity: string; action: string; prepare: (tenantId: string) => Promise<Prepared> };

const tag = () => randomUUID().slice(0, 8);
const place = API_PLACE;
const connector = t2SocketExample;
const elements = [{ price_components: [{ type: 'ENERGY' as const, price: 0.3, step_size: 1 }] }];
const template = () => ({ name: `Template ${tag()}`, charger_type: 'AC' as const, evses: [{ connectors: [connector] }] });

const byId = (table: string, id: string, more: Record<string, string> = {}): Prepared => ({
  params: { id, ...more },
  target: { table, column: 'id', value: id },
});

async function stationWithEvse(tenantId: string) {
  const location = await makeLocation(tenantId);
  return createChargeStation({
    ctx: systemContext(),
    input: { ocpp_id: `AUDIT-${tag()}`, charger_type: 'AC', location_id: location.id, evses: [{ connectors: [connector] }] },
  });
}

/** Every mutating operation of lib/api by operationId. A new operation without a recipe fails the suite. */
export const API_RECIPES: Record<string, Recipe> = {
  createLocation: {
    entity: 'location',
    action: 'location.created',
    prepare: async (tenantId) => {
      const name = `Audit ${tag()}`;
      return { body: { tenant_id: tenantId, name, ...place }, target: { table: 'locations', column: 'name', value: name } };
    },
  },
  replaceLocation: {
    entity: 'location',
    action: 'location.updated',
    prepare: async (t) => ({ ...byId('locations', (await makeLocation(t)).id), body: { name: 'Replaced', ...place } }),
  },
  patchLocation: {
    entity: 'location',
    action: 'location.updated',
    prepare: async (t) => ({ ...byId('locations', (await makeLocation(t)).id), body: { remarks: 'Patched' } }),
  },
  deleteLocation: { entity: 'location', action: 'location.deleted', prepare: async (t) => byId('locations', (await makeLocation(t)).id) },
  createChargeStation: {
    entity: 'charge_station',
    action: 'charge_station.created',
    prepare: async (t) => {
      const ocppId = `AUDIT-${tag()}`;
      return {
        body: { ocpp_id: ocppId, charger_type: 'AC', tenant_id: t },
        target: { table: 'charge_stations', column: 'ocpp_id', value: ocppId },
      };
    },
  },
  replaceChargeStation: {
    entity: 'charge_station',
    action: 'charge_station.updated',
    prepare: async (t) => ({ ...byId('charge_stations', (await makeStation(t)).id), body: { charger_type: 'DC', name: 'Replaced' } }),
  },
  patchChargeStation: {
    entity: 'charge_station',
    action: 'charge_station.updated',
    prepare: async (t) => ({ ...byId('charge_stations', (await makeStation(t)).id), body: { remarks: 'Patched' } }),
  },
  deleteChargeStation: {
    entity: 'charge_station',
    action: 'charge_station.deleted',
    prepare: async (t) => byId('charge_stations', (await makeStation(t)).id),
  },
  linkChargeStation: {
    entity: 'charge_station',
    action: 'charge_station.linked',
    // Linked within its tenant: one event (a move between tenants writes one per tenant, by design).
    prepare: async (t) => ({ ...byId('charge_stations', (await makeStation(t)).id), body: { location_id: (await makeLocation(t)).id } }),
  },
  unlinkChargeStation: {
    entity: 'charge_station',
    action: 'charge_station.unlinked',
    prepare: async (t) => byId('charge_stations', (await makeStation(t, (await makeLocation(t)).id)).id),
  },
  setChargeStationAvailability: {
    entity: 'charge_station',
    action: 'charge_station.availability_set',
    prepare: async (t) => ({ ...byId('charge_stations', (await stationWithEvse(t)).id), body: { availability: 'INOPERATIVE' } }),
  },
  setChargeStationTariffs: {
    entity: 'charge_station',
    action: 'charge_station.tariffs_set',
    prepare: async (t) => ({
      ...byId('charge_stations', (await stationWithEvse(t)).id),
      body: { tariff_ids: [await makeTariff('AUDIT')] },
    }),
  },
  patchChargeStationConfiguration: {
    entity: 'charge_station',
    action: 'charge_station.updated',
    prepare: async (t) => ({ ...byId('charge_stations', (await makeStation(t)).id), body: { HeartbeatInterval: '120' } }),
  },
  startChargeStationTest: {
    entity: 'charge_station',
    action: 'charge_station.test_started',
    prepare: async (t) => ({ ...byId('charge_stations', (await stationWithEvse(t)).id), body: {} }),
  },
  resetChargeStation: {
    entity: 'charge_station',
    action: 'charge_station.reset_requested',
    prepare: async (t) => ({ ...byId('charge_stations', (await makeStation(t)).id), body: { type: 'SOFT' } }),
  },
  addChargeStationMaintenanceWindow: {
    entity: 'charge_station',
    action: 'charge_station.updated',
    prepare: async (t) => ({
      ...byId('charge_stations', (await makeStation(t)).id),
      body: { starts_at: '2031-01-01T00:00:00Z', ends_at: '2031-01-02T00:00:00Z', reason: 'Audit' },
    }),
  },
  removeChargeStationMaintenanceWindow: {
    entity: 'charge_station',
    action: 'charge_station.updated',
    prepare: async (t) => {
      const station = await makeStation(t);
      await addMaintenanceWindow({
        ctx: systemContext(),
        id: station.id,
        input: { starts_at: '2031-01-01T00:00:00Z', ends_at: '2031-01-02T00:00:00Z', reason: null },
      });
      return byId('charge_stations', station.id, { index: '0' });
    },
  },
  createTariff: {
    entity: 'tariff',
    action: 'tariff.created',
    prepare: async () => {
      const id = `AUDIT-${tag().toUpperCase()}`;
      return { body: { id, currency: 'EUR', elements }, target: { table: 'tariffs', column: 'id', value: id } };
    },
  },
  replaceTariff: {
    entity: 'tariff',
    action: 'tariff.updated',
    prepare: async () => ({ ...byId('tariffs', await makeTariff('AUDIT')), body: { name: 'Replaced', currency: 'EUR', elements } }),
  },
  deleteTariff: { entity: 'tariff', action: 'tariff.deleted', prepare: async () => byId('tariffs', await makeTariff('AUDIT')) },
  createHardwareTemplate: {
    entity: 'hardware_template',
    action: 'hardware_template.created',
    prepare: async () => {
      const body = template();
      return { body, target: { table: 'hardware_templates', column: 'name', value: body.name } };
    },
  },
  replaceHardwareTemplate: {
    entity: 'hardware_template',
    action: 'hardware_template.updated',
    prepare: async () => ({
      ...byId('hardware_templates', (await createHardwareTemplate({ ctx: systemContext(), input: template() })).id),
      body: { ...template(), name: 'Replaced' },
    }),
  },
  patchHardwareTemplate: {
    entity: 'hardware_template',
    action: 'hardware_template.updated',
    prepare: async () => ({
      ...byId('hardware_templates', (await createHardwareTemplate({ ctx: systemContext(), input: template() })).id),
      body: { name: `Patched ${tag()}` },
    }),
  },
  deleteHardwareTemplate: {
    entity: 'hardware_template',
    action: 'hardware_template.deleted',
    prepare: async () => byId('hardware_templates', (await createHardwareTemplate({ ctx: systemContext(), input: template() })).id),
  },
  createTenant: {
    entity: 'tenant',
    action: 'tenant.created',
    prepare: async () => {
      const slug = `audit-${tag()}`;
      return { body: { slug, name: 'Audit', kind: 'B2B' }, target: { table: 'tenants', column: 'slug', value: slug } };
    },
  },
  patchTenant: {
    entity: 'tenant',
    action: 'tenant.updated',
    prepare: async () => ({ ...byId('tenants', (await makeTenant()).id), body: { name: 'Patched' } }),
  },
  deleteTenant: { entity: 'tenant', action: 'tenant.deleted', prepare: async () => byId('tenants', (await makeTenant()).id) },
  createUser: {
    entity: 'user',
    action: 'user.created',
    prepare: async (t) => {
      const email = `audit-${tag()}@example.test`;
      return {
        body: { email, name: 'Audit', password: 'correct-horse-battery', memberships: [{ tenant_id: t, role: 'viewer' }] },
        target: { table: 'users', column: 'email', value: email },
      };
    },
  },
  patchUser: {
    entity: 'user',
    action: 'user.updated',
    prepare: async (t) => ({ ...byId('users', (await auditUser(t)).id), body: { name: 'Patched' } }),
  },
  deleteUser: { entity: 'user', action: 'user.deleted', prepare: async (t) => byId('users', (await auditUser(t)).id) },
  createApiKey: {
    entity: 'api_key',
    action: 'api_key.created',
    prepare: async (t) => {
      const name = `Audit ${tag()}`;
      return { body: { name, role: 'viewer', tenant_id: t }, target: { table: 'api_keys', column: 'name', value: name } };
    },
  },
  createWebhook: {
    entity: 'webhook',
    action: 'webhook.created',
    prepare: async (t) => {
      const description = `Audit ${tag()}`;
      return {
        body: { url: 'https://hooks.invalid/audit', events: ['commissioning.completed'], description, tenant_id: t },
        target: { table: 'webhook_subscriptions', column: 'description', value: description },
      };
    },
  },
  patchWebhook: {
    entity: 'webhook',
    action: 'webhook.updated',
    prepare: async (t) => ({ ...byId('webhook_subscriptions', (await auditWebhook(t)).id), body: { description: 'Patched' } }),
  },
  deleteWebhook: {
    entity: 'webhook',
    action: 'webhook.deleted',
    prepare: async (t) => byId('webhook_subscriptions', (await auditWebhook(t)).id),
  },
  testWebhook: {
    entity: 'webhook',
    action: 'webhook.tested',
    prepare: async (t) => byId('webhook_subscriptions', (await auditWebhook(t)).id),
  },
  retryWebhookDelivery: {
    entity: 'webhook',
    action: 'webhook.delivery_retried',
    prepare: async (t) => {
      const webhook = await auditWebhook(t);
      const delivery = await sendTestWebhook({ ctx: systemContext(), id: webhook.id });
      return {
        params: { id: webhook.id, delivery_id: delivery.id },
        target: { table: 'webhook_deliveries', column: 'id', value: delivery.id },
      };
    },
  },
  createImport: {
    entity: 'import',
    action: 'import.created',
    prepare: async (t) => {
      // The request id names the job: it is stored with it.
      const requestId = `audit-${tag()}`;
      return {
        query: 'entity=locations&dry_run=true',
        upload: {
          type: 'text/csv',
          text: `tenant_id,name,address,city,country,latitude,longitude\n${t},Audit,Laan 1,Utrecht,NLD,52.1,5.1\n`,
        },
        headers: { 'x-request-id': requestId },
        target: { table: 'imports', column: 'request_id', value: requestId },
      };
    },
  },
  revokeApiKey: {
    entity: 'api_key',
    action: 'api_key.revoked',
    prepare: async (t) =>
      byId('api_keys', (await createApiKey({ ctx: systemContext(), input: { name: `Audit ${tag()}`, role: 'viewer', tenant_id: t } })).id),
  },
};

/**
 * A disabled subscription to an event the audit suite never causes in its tenant: even enabled (by
 * a recipe) no delivery round of another test file has anything to send to it.
 */
function auditWebhook(tenantId: string) {
  return createWebhook({
    ctx: systemContext(),
    input: { url: 'https://hooks.invalid/audit', events: ['commissioning.completed'], tenant_id: tenantId, enabled: false },
  });
}

function auditUser(tenantId: string) {
  return createUser({
    ctx: systemContext(),
    input: {
      email: `audit-${tag()}@example.test`,
      name: 'Audit',
      password: 'correct-horse-battery',
      memberships: [{ tenant_id: tenantId, role: 'viewer' }],
    },
  });
}
