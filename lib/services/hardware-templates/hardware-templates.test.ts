import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuthContext } from '@/lib/auth/context';
import { getDb } from '@/lib/db/client';
import { auditEvents, hardwareTemplates } from '@/lib/db/schema';
import {
  hardwareTemplateCreateSchema,
  hardwareTemplateListQuerySchema,
  type HardwareTemplateCreateInput,
} from '@/lib/schemas/hardware-template';
import { parseOrThrow } from '@/lib/schemas/parse';
import { makeTenant, userContext } from '@/test/fixtures';
import {
  createHardwareTemplate,
  deleteHardwareTemplate,
  getHardwareTemplate,
  listHardwareTemplates,
  updateHardwareTemplate,
} from './index';

const query = (q: Record<string, string> = {}) => hardwareTemplateListQuerySchema.parse(q);
const t2 = { id: '1', standard: 'IEC_62196_T2', format: 'SOCKET', power_type: 'AC_3_PHASE', max_voltage: 400, max_amperage: 32 } as const;
const newTemplate = (extra: Partial<HardwareTemplateCreateInput> = {}): HardwareTemplateCreateInput => ({
  name: 'Alfen Eve Double',
  vendor: 'Alfen',
  model: 'Eve Double',
  charger_type: 'AC',
  max_power_kw: 44,
  evses: [
    { capabilities: ['RFID_READER'], connectors: [t2] },
    { physical_reference: 'R', connectors: [{ ...t2, max_electric_power: 22000 }] },
  ],
  ...extra,
});
/** The blueprint as stored and returned: every optional field filled in. */
const storedEvses = [
  { capabilities: ['RFID_READER'], floor_level: null, physical_reference: null, connectors: [{ ...t2, max_electric_power: null }] },
  { capabilities: [], floor_level: null, physical_reference: 'R', connectors: [{ ...t2, max_electric_power: 22000 }] },
];
const auditOf = (entityId: string, action: string) =>
  getDb()
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityId, entityId), eq(auditEvents.action, action)));

let cpo: AuthContext;
let customerAdmin: AuthContext;
let viewer: AuthContext;
let noStationRead: AuthContext;

beforeAll(async () => {
  const own = (await makeTenant('Own')).id;
  cpo = await userContext('cpo_admin');
  customerAdmin = await userContext('customer_admin', [own]);
  viewer = await userContext('viewer', [own]);
  noStationRead = { actor: { kind: 'system' }, cpoWide: null, tenants: new Map([[own, new Set(['location:read' as const])]]), pool: null };
});

describe('createHardwareTemplate', () => {
  it('creates the template with a normalised blueprint and audits the new values', async () => {
    const created = await createHardwareTemplate({ ctx: cpo, input: newTemplate() });
    expect(created).toMatchObject({
      name: 'Alfen Eve Double',
      vendor: 'Alfen',
      model: 'Eve Double',
      charger_type: 'AC',
      max_power_kw: 44,
      evses: storedEvses,
      version: 1,
    });
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    const [event] = await auditOf(created.id, 'hardware_template.created');
    expect(event).toMatchObject({ entity: 'hardware_template', tenantId: null, actor: `user:${(cpo.actor as { id: string }).id}` });
    expect(event!.changes.max_power_kw).toEqual({ before: null, after: 44 });
  });

  it('refuses callers without station:write CPO-wide (403)', async () => {
    await expect(createHardwareTemplate({ ctx: customerAdmin, input: newTemplate() })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(createHardwareTemplate({ ctx: viewer, input: newTemplate() })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('rejects duplicate connector ids within an EVSE (422 with the path), alongside other errors', () => {
    const body = {
      ...newTemplate(),
      id: randomUUID(),
      charger_type: 'HYBRID',
      evses: [
        { connectors: [t2, { ...t2, max_voltage: 0 }, { ...t2, id: '2' }, t2] },
        { connectors: [] },
        { connectors: [t2, { ...t2, id: '2' }] },
      ],
    };
    expect(() => parseOrThrow(hardwareTemplateCreateSchema, body)).toThrow(
      expect.objectContaining({
        code: 'validation',
        extra: {
          errors: expect.arrayContaining([
            { path: '/id', message: 'unknown field' },
            { path: '/charger_type', message: expect.any(String) },
            { path: '/evses/0/connectors/1/max_voltage', message: expect.any(String) },
            { path: '/evses/0/connectors/1/id', message: 'duplicate connector id within the EVSE' },
            { path: '/evses/0/connectors/3/id', message: 'duplicate connector id within the EVSE' },
            { path: '/evses/1/connectors', message: expect.any(String) },
          ]),
        },
      }),
    );
    // The same connector id in different EVSEs is fine.
    expect(
      parseOrThrow(hardwareTemplateCreateSchema, { ...newTemplate(), evses: [{ connectors: [t2] }, { connectors: [t2] }] }).evses,
    ).toHaveLength(2);
  });
});

describe('getHardwareTemplate and listHardwareTemplates', () => {
  it('lets anyone with station:read see the catalog; 403 without it; 404 for missing ids', async () => {
    const created = await createHardwareTemplate({ ctx: cpo, input: newTemplate() });
    await expect(getHardwareTemplate({ ctx: viewer, id: created.id })).resolves.toEqual(created);
    await expect(getHardwareTemplate({ ctx: noStationRead, id: created.id })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(listHardwareTemplates({ ctx: noStationRead, query: query() })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(getHardwareTemplate({ ctx: viewer, id: randomUUID() })).rejects.toMatchObject({ code: 'not_found' });
    await expect(getHardwareTemplate({ ctx: viewer, id: 'not-a-uuid' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('filters by q and charger_type, sorts by name and pages through every row once', async () => {
    const tag = randomUUID().slice(0, 8);
    const names = ['Delta', 'Alpha', 'Echo', 'Charlie', 'Bravo'].map((n) => `${n} ${tag}`);
    for (const [i, name] of names.entries()) {
      await createHardwareTemplate({ ctx: cpo, input: newTemplate({ name, charger_type: i % 2 ? 'DC' : 'AC' }) });
    }
    const list = async (q: Record<string, string>) => (await listHardwareTemplates({ ctx: viewer, query: query({ q: tag, ...q }) })).data;
    expect((await list({ sort: 'name' })).map((t) => t.name)).toEqual([...names].sort());
    expect((await list({ sort: '-name', charger_type: 'DC' })).map((t) => t.name)).toEqual([`Charlie ${tag}`, `Alpha ${tag}`]);

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listHardwareTemplates({ ctx: viewer, query: query({ q: tag, limit: '2', ...(cursor ? { cursor } : {}) }) });
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.map((t) => t.name));
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(names.length);
    expect([...seen].sort()).toEqual([...names].sort());
  });
});

describe('updateHardwareTemplate', () => {
  it('merge-patches: null clears, arrays replace; bumps the version and audits only the changed fields', async () => {
    const created = await createHardwareTemplate({ ctx: cpo, input: newTemplate() });
    const updated = await updateHardwareTemplate({
      ctx: cpo,
      id: created.id,
      mode: 'merge',
      body: { max_power_kw: null, model: 'Eve Double Pro-line', evses: [{ connectors: [{ ...t2, format: 'CABLE' }] }] },
      expectedVersion: 1,
    });
    expect(updated).toMatchObject({
      name: 'Alfen Eve Double',
      vendor: 'Alfen',
      model: 'Eve Double Pro-line',
      max_power_kw: null,
      evses: [
        {
          capabilities: [],
          floor_level: null,
          physical_reference: null,
          connectors: [{ ...t2, format: 'CABLE', max_electric_power: null }],
        },
      ],
      version: 2,
    });
    const [event] = await auditOf(created.id, 'hardware_template.updated');
    expect(Object.keys(event!.changes).sort()).toEqual(['evses', 'max_power_kw', 'model']);
    expect(event!.changes.model).toEqual({ before: 'Eve Double', after: 'Eve Double Pro-line' });
  });

  it('replaces with PUT: optional fields left out are cleared; echoed read-only fields are fine', async () => {
    const created = await createHardwareTemplate({ ctx: cpo, input: newTemplate() });
    const updated = await updateHardwareTemplate({
      ctx: cpo,
      id: created.id,
      mode: 'replace',
      body: { id: created.id, version: 1, created_at: created.created_at, name: 'Generic DC', charger_type: 'DC' },
    });
    expect(updated).toMatchObject({
      name: 'Generic DC',
      vendor: null,
      model: null,
      charger_type: 'DC',
      max_power_kw: null,
      evses: [],
      version: 2,
    });
  });

  it('answers 412 on a stale If-Match and 422 with every path, changing nothing', async () => {
    const created = await createHardwareTemplate({ ctx: cpo, input: newTemplate() });
    await expect(
      updateHardwareTemplate({ ctx: cpo, id: created.id, mode: 'merge', body: { name: 'X' }, expectedVersion: 4 }),
    ).rejects.toMatchObject({ code: 'precondition_failed' });
    await expect(
      updateHardwareTemplate({
        ctx: cpo,
        id: created.id,
        mode: 'merge',
        body: { name: null, max_power_kw: -1, evses: [{ connectors: [t2, t2] }], colour: 'red' },
      }),
    ).rejects.toMatchObject({
      code: 'validation',
      extra: {
        errors: expect.arrayContaining([
          { path: '/name', message: expect.any(String) },
          { path: '/max_power_kw', message: expect.any(String) },
          { path: '/evses/0/connectors/1/id', message: 'duplicate connector id within the EVSE' },
          { path: '/colour', message: 'unknown field' },
        ]),
      },
    });
    await expect(updateHardwareTemplate({ ctx: cpo, id: created.id, mode: 'merge', body: { id: randomUUID() } })).rejects.toMatchObject({
      extra: { errors: [{ path: '/id', message: 'is read-only' }] },
    });
    expect(await getHardwareTemplate({ ctx: cpo, id: created.id })).toEqual(created);
  });

  it('answers 403 without station:write CPO-wide and 404 for a deleted template', async () => {
    const created = await createHardwareTemplate({ ctx: cpo, input: newTemplate() });
    await expect(
      updateHardwareTemplate({ ctx: customerAdmin, id: created.id, mode: 'merge', body: { name: 'Mine' } }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await deleteHardwareTemplate({ ctx: cpo, id: created.id });
    await expect(updateHardwareTemplate({ ctx: cpo, id: created.id, mode: 'merge', body: { name: 'Back' } })).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});

describe('deleteHardwareTemplate', () => {
  it('soft-deletes: bumps version and updated_at, audits, hides it unless include_deleted=true', async () => {
    const created = await createHardwareTemplate({ ctx: cpo, input: newTemplate({ name: `Gone ${randomUUID()}` }) });
    await deleteHardwareTemplate({ ctx: cpo, id: created.id, expectedVersion: 1 });
    const [row] = await getDb().select().from(hardwareTemplates).where(eq(hardwareTemplates.id, created.id));
    expect(row).toMatchObject({ version: 2, deletedAt: expect.any(Date) });
    await expect(getHardwareTemplate({ ctx: viewer, id: created.id })).rejects.toMatchObject({ code: 'not_found' });
    expect((await listHardwareTemplates({ ctx: viewer, query: query({ q: created.name }) })).data).toEqual([]);
    const [listed] = (await listHardwareTemplates({ ctx: viewer, query: query({ q: created.name, include_deleted: 'true' }) })).data;
    expect(listed).toMatchObject({ id: created.id, version: 2, deleted_at: row!.deletedAt!.toISOString() });
    const [event] = await auditOf(created.id, 'hardware_template.deleted');
    expect(event).toMatchObject({ entity: 'hardware_template', tenantId: null, changes: { deleted: { before: false, after: true } } });
  });

  it('answers 403 without station:write CPO-wide, 412 on a stale If-Match, 404 when already deleted', async () => {
    const created = await createHardwareTemplate({ ctx: cpo, input: newTemplate() });
    await expect(deleteHardwareTemplate({ ctx: customerAdmin, id: created.id })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(deleteHardwareTemplate({ ctx: cpo, id: created.id, expectedVersion: 9 })).rejects.toMatchObject({
      code: 'precondition_failed',
    });
    await deleteHardwareTemplate({ ctx: cpo, id: created.id });
    await expect(deleteHardwareTemplate({ ctx: cpo, id: created.id })).rejects.toMatchObject({ code: 'not_found' });
  });
});
