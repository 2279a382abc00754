import { sql } from 'drizzle-orm';
import * as login from '@/app/(auth)/login/actions';
import * as portal from '@/app/(portal)/actions';
import * as apiKeys from '@/app/(portal)/api-keys/actions';
import * as stationList from '@/app/(portal)/charge-stations/(list)/actions';
import * as station from '@/app/(portal)/charge-stations/[id]/actions';
import * as stationEdit from '@/app/(portal)/charge-stations/[id]/edit-actions';
import * as templateDetail from '@/app/(portal)/hardware-templates/[id]/actions';
import * as templates from '@/app/(portal)/hardware-templates/actions';
import * as installer from '@/app/(portal)/installer/actions';
import * as locations from '@/app/(portal)/locations/actions';
import * as tariffDetail from '@/app/(portal)/tariffs/[id]/actions';
import * as tariffs from '@/app/(portal)/tariffs/actions';
import * as tenantDetail from '@/app/(portal)/tenants/[id]/actions';
import * as tenants from '@/app/(portal)/tenants/actions';
import * as users from '@/app/(portal)/users/actions';
import * as webhookDetail from '@/app/(portal)/webhooks/[id]/actions';
import * as webhooks from '@/app/(portal)/webhooks/actions';
import type { FormAction } from '@/lib/actions/define-action';
import { getDb } from '@/lib/db/client';
import type { FormFields } from '@/test/portal/run-action';
import { API_RECIPES, type Prepared, type Recipe } from './api-recipes';

/** Every portal module with server actions, by route; the suite walks all their exports. */
export const ACTION_MODULES: Record<string, Record<string, unknown>> = {
  'app/(auth)/login/actions.ts': login,
  'app/(portal)/actions.ts': portal,
  'app/(portal)/api-keys/actions.ts': apiKeys,
  'app/(portal)/charge-stations/(list)/actions.ts': stationList,
  'app/(portal)/charge-stations/[id]/actions.ts': station,
  'app/(portal)/charge-stations/[id]/edit-actions.ts': stationEdit,
  'app/(portal)/hardware-templates/actions.ts': templates,
  'app/(portal)/hardware-templates/[id]/actions.ts': templateDetail,
  'app/(portal)/installer/actions.ts': installer,
  'app/(portal)/locations/actions.ts': locations,
  'app/(portal)/tariffs/actions.ts': tariffs,
  'app/(portal)/tariffs/[id]/actions.ts': tariffDetail,
  'app/(portal)/tenants/actions.ts': tenants,
  'app/(portal)/tenants/[id]/actions.ts': tenantDetail,
  'app/(portal)/users/actions.ts': users,
  'app/(portal)/webhooks/actions.ts': webhooks,
  'app/(portal)/webhooks/[id]/actions.ts': webhookDetail,
};

/** Not changes of an audited entity: sign-in starts a session; the tenant switcher only sets the user's own view cookie. */
export const NOT_AUDITED = new Set(['app/(auth)/login/actions.ts#signInWithPassword', 'app/(portal)/actions.ts#switchTenant']);

export async function versionOf(prepared: Prepared): Promise<string> {
  const { table, column, value } = prepared.target;
  const rows = await getDb().execute<{ version: number }>(
    sql`select version from ${sql.identifier(table)} where ${sql.identifier(column)}::text = ${value}`,
  );
  return String(rows[0]!.version);
}

/** A server action performed like its API operation (same fresh objects, same expected event), with its form. */
export type ActionRecipe = { action: FormAction; api: Recipe; form: (prepared: Prepared, version: string, tenantId: string) => FormFields };

const id = (p: Prepared) => p.params!.id!;
const body = (p: Prepared) => p.body as Record<string, unknown>;
const template = (p: Prepared) => ({
  name: String(body(p).name ?? 'Template'),
  charger_type: 'AC',
  'evses.0.connectors.0.id': '1',
  'evses.0.connectors.0.standard': 'IEC_62196_T2',
  'evses.0.connectors.0.format': 'SOCKET',
  'evses.0.connectors.0.power_type': 'AC_3_PHASE',
  'evses.0.connectors.0.max_voltage': '400',
  'evses.0.connectors.0.max_amperage': '32',
});
const place = { address: 'Parklaan 12', city: 'Utrecht', country: 'NLD', latitude: '52.09', longitude: '5.12' };

export const ACTION_RECIPES: Record<string, ActionRecipe> = {
  'app/(portal)/webhooks/actions.ts#createWebhookAction': {
    action: webhooks.createWebhookAction,
    api: API_RECIPES.createWebhook!,
    form: (p, _v, t) => ({
      url: String(body(p).url),
      events: ['location.created'],
      description: String(body(p).description),
      tenant_id: t,
    }),
  },
  'app/(portal)/webhooks/[id]/actions.ts#updateWebhookAction': {
    action: webhookDetail.updateWebhookAction,
    api: API_RECIPES.patchWebhook!,
    form: (p, v) => ({
      id: id(p),
      version: v,
      url: 'https://hooks.invalid/edited',
      events: ['commissioning.completed'],
      description: 'Edited',
    }),
  },
  'app/(portal)/webhooks/[id]/actions.ts#setWebhookEnabledAction': {
    action: webhookDetail.setWebhookEnabledAction,
    api: API_RECIPES.patchWebhook!,
    // Enabled from the disabled state the recipe creates it in (its event never happens in the audit tenant).
    form: (p, v) => ({ id: id(p), version: v, enabled: 'true' }),
  },
  'app/(portal)/webhooks/[id]/actions.ts#deleteWebhookAction': {
    action: webhookDetail.deleteWebhookAction,
    api: API_RECIPES.deleteWebhook!,
    form: (p, v) => ({ id: id(p), version: v }),
  },
  'app/(portal)/webhooks/[id]/actions.ts#sendTestWebhookAction': {
    action: webhookDetail.sendTestWebhookAction,
    api: API_RECIPES.testWebhook!,
    form: (p) => ({ id: id(p) }),
  },
  'app/(portal)/webhooks/[id]/actions.ts#retryDeliveryAction': {
    action: webhookDetail.retryDeliveryAction,
    api: API_RECIPES.retryWebhookDelivery!,
    form: (p) => ({ id: id(p), delivery_id: p.params!.delivery_id! }),
  },
  'app/(portal)/locations/actions.ts#createLocationAction': {
    action: locations.createLocationAction,
    api: API_RECIPES.createLocation!,
    form: (p, _v, t) => ({ ...place, name: String(body(p).name), tenant_id: t }),
  },
  'app/(portal)/locations/actions.ts#updateLocationAction': {
    action: locations.updateLocationAction,
    api: API_RECIPES.patchLocation!,
    form: (p, v) => ({ id: id(p), version: v, name: 'Edited', ...place }),
  },
  'app/(portal)/locations/actions.ts#deleteLocationAction': {
    action: locations.deleteLocationAction,
    api: API_RECIPES.deleteLocation!,
    form: (p, v) => ({ id: id(p), version: v }),
  },
  'app/(portal)/charge-stations/[id]/actions.ts#setStationAvailability': {
    action: station.setStationAvailability,
    api: API_RECIPES.setChargeStationAvailability!,
    form: (p, v) => ({ id: id(p), version: v, availability: 'INOPERATIVE' }),
  },
  'app/(portal)/charge-stations/[id]/actions.ts#setStationTariffs': {
    action: station.setStationTariffs,
    api: API_RECIPES.setChargeStationTariffs!,
    form: (p, v) => ({ id: id(p), version: v, tariff_ids: body(p).tariff_ids as string[] }),
  },
  'app/(portal)/charge-stations/[id]/actions.ts#linkStation': {
    action: station.linkStation,
    api: API_RECIPES.linkChargeStation!,
    form: (p, v) => ({ id: id(p), version: v, location_id: String(body(p).location_id) }),
  },
  'app/(portal)/charge-stations/[id]/actions.ts#unlinkStation': {
    action: station.unlinkStation,
    api: API_RECIPES.unlinkChargeStation!,
    form: (p, v) => ({ id: id(p), version: v }),
  },
  'app/(portal)/charge-stations/[id]/actions.ts#resetStation': {
    action: station.resetStation,
    api: API_RECIPES.resetChargeStation!,
    form: (p) => ({ id: id(p), type: 'SOFT' }),
  },
  'app/(portal)/charge-stations/[id]/edit-actions.ts#saveStationDetails': {
    action: stationEdit.saveStationDetails,
    api: API_RECIPES.patchChargeStation!,
    form: (p, v) => ({ id: id(p), version: v, name: 'Edited', charger_type: 'AC' }),
  },
  'app/(portal)/charge-stations/[id]/edit-actions.ts#saveStationNotes': {
    action: stationEdit.saveStationNotes,
    api: API_RECIPES.patchChargeStation!,
    form: (p, v) => ({ id: id(p), version: v, remarks: 'Edited', custom_groups: 'Edited' }),
  },
  'app/(portal)/charge-stations/[id]/edit-actions.ts#saveConfigurationKey': {
    action: stationEdit.saveConfigurationKey,
    api: API_RECIPES.patchChargeStationConfiguration!,
    form: (p, v) => ({ id: id(p), version: v, key: 'HeartbeatInterval', value: '90' }),
  },
  'app/(portal)/charge-stations/[id]/edit-actions.ts#addMaintenanceWindow': {
    action: stationEdit.addMaintenanceWindow,
    api: API_RECIPES.addChargeStationMaintenanceWindow!,
    form: (p, v) => ({ id: id(p), version: v, starts_at: '2031-01-01T00:00', ends_at: '2031-01-02T00:00' }),
  },
  'app/(portal)/charge-stations/[id]/edit-actions.ts#removeMaintenanceWindow': {
    action: stationEdit.removeMaintenanceWindow,
    api: API_RECIPES.removeChargeStationMaintenanceWindow!,
    form: (p, v) => ({ id: id(p), version: v, index: '0' }),
  },
  'app/(portal)/charge-stations/(list)/actions.ts#bulkUpdateStations': {
    action: stationList.bulkUpdateStations,
    api: API_RECIPES.setChargeStationAvailability!,
    form: (p) => ({ ids: [id(p)], operation: 'availability', availability: 'INOPERATIVE' }),
  },
  'app/(portal)/installer/actions.ts#linkStationToLocation': {
    action: installer.linkStationToLocation,
    api: API_RECIPES.linkChargeStation!,
    form: (p) => ({ id: id(p), location_id: String(body(p).location_id) }),
  },
  'app/(portal)/installer/actions.ts#runCommissioningTest': {
    action: installer.runCommissioningTest,
    api: API_RECIPES.startChargeStationTest!,
    form: (p) => ({ id: id(p) }),
  },
  'app/(portal)/charge-stations/[id]/actions.ts#runStationTest': {
    action: station.runStationTest,
    api: API_RECIPES.startChargeStationTest!,
    form: (p) => ({ id: id(p) }),
  },
  'app/(portal)/api-keys/actions.ts#createKey': {
    action: apiKeys.createKey,
    api: API_RECIPES.createApiKey!,
    form: (p, _v, t) => ({ name: String(body(p).name), role: 'viewer', tenant_id: t }),
  },
  'app/(portal)/api-keys/actions.ts#revokeKey': {
    action: apiKeys.revokeKey,
    api: API_RECIPES.revokeApiKey!,
    form: (p, v) => ({ id: id(p), version: v }),
  },
  'app/(portal)/hardware-templates/actions.ts#createTemplateAction': {
    action: templates.createTemplateAction,
    api: API_RECIPES.createHardwareTemplate!,
    form: (p) => template(p),
  },
  'app/(portal)/hardware-templates/[id]/actions.ts#replaceTemplateAction': {
    action: templateDetail.replaceTemplateAction,
    api: API_RECIPES.replaceHardwareTemplate!,
    form: (p, v) => ({ id: id(p), version: v, ...template(p) }),
  },
  'app/(portal)/hardware-templates/[id]/actions.ts#deleteTemplateAction': {
    action: templateDetail.deleteTemplateAction,
    api: API_RECIPES.deleteHardwareTemplate!,
    form: (p, v) => ({ id: id(p), version: v }),
  },
  'app/(portal)/tariffs/actions.ts#createTariffAction': {
    action: tariffs.createTariffAction,
    api: API_RECIPES.createTariff!,
    form: (p) => ({ id: String(body(p).id), currency: 'EUR', price_ENERGY: '0.3', offer: 'all' }),
  },
  'app/(portal)/tariffs/[id]/actions.ts#replaceTariffAction': {
    action: tariffDetail.replaceTariffAction,
    api: API_RECIPES.replaceTariff!,
    form: (p, v) => ({ id: id(p), version: v, name: 'Edited', currency: 'EUR', price_ENERGY: '0.4', offer: 'all' }),
  },
  'app/(portal)/tariffs/[id]/actions.ts#deleteTariffAction': {
    action: tariffDetail.deleteTariffAction,
    api: API_RECIPES.deleteTariff!,
    form: (p, v) => ({ id: id(p), version: v }),
  },
  'app/(portal)/tenants/actions.ts#createTenantAction': {
    action: tenants.createTenantAction,
    api: API_RECIPES.createTenant!,
    form: (p) => ({ slug: String(body(p).slug), name: 'Audit', kind: 'B2B' }),
  },
  'app/(portal)/tenants/[id]/actions.ts#updateTenantAction': {
    action: tenantDetail.updateTenantAction,
    api: API_RECIPES.patchTenant!,
    form: (p, v) => ({ id: id(p), version: v, name: 'Edited', slug: `edited-${id(p).slice(0, 8)}`, kind: 'B2B' }),
  },
  'app/(portal)/tenants/[id]/actions.ts#deleteTenantAction': {
    action: tenantDetail.deleteTenantAction,
    api: API_RECIPES.deleteTenant!,
    form: (p, v) => ({ id: id(p), version: v }),
  },
  'app/(portal)/users/actions.ts#inviteUser': {
    action: users.inviteUser,
    api: API_RECIPES.createUser!,
    form: (p, _v, t) => ({ email: String(body(p).email), name: 'Audit', password: 'correct-horse-battery', tenant_id: t, role: 'viewer' }),
  },
  'app/(portal)/users/actions.ts#updateProfile': {
    action: users.updateProfile,
    api: API_RECIPES.patchUser!,
    form: (p, v) => ({ id: id(p), version: v, name: 'Edited', email: `edited-${id(p).slice(0, 8)}@example.test` }),
  },
  'app/(portal)/users/actions.ts#updateAccess': {
    action: users.updateAccess,
    api: API_RECIPES.patchUser!,
    form: (p, v, t) => ({ id: id(p), version: v, [`role:${t}`]: 'customer_operator' }),
  },
  'app/(portal)/users/actions.ts#removeUser': {
    action: users.removeUser,
    api: API_RECIPES.deleteUser!,
    form: (p, v) => ({ id: id(p), version: v }),
  },
};
