import { randomUUID } from 'node:crypto';
import { apiKeyPrefix, hashApiKeySecret } from '@/lib/auth/api-key-secret';
import type { AuthContext } from '@/lib/auth/context';
import { contextForApiKey, contextForUser } from '@/lib/auth/load-context';
import { getDb } from '@/lib/db/client';
import { apiKeys, chargeStations, locations, memberships, tenants, users } from '@/lib/db/schema';

// Test data is written straight to the tables: these are the preconditions of a test, not the
// behaviour under test. Every name is unique so test files can share one database.
const unique = () => randomUUID().slice(0, 8);

export async function makeTenant(name = 'Tenant') {
  const [tenant] = await getDb()
    .insert(tenants)
    .values({ slug: `t-${unique()}`, name: `${name} ${unique()}`, kind: 'B2B' })
    .returning();
  return tenant!;
}

/** A user holding `role` CPO-wide (cpo_admin) or in each of `tenantIds`. */
export async function makeUser(role: string, tenantIds: string[] = [], options: { password?: string; disabled?: boolean } = {}) {
  const { hashPassword } = await import('@/lib/auth/password');
  const db = getDb();
  const [user] = await db
    .insert(users)
    .values({
      email: `${role}-${unique()}@example.test`,
      name: `${role} user`,
      passwordHash: await hashPassword(options.password ?? 'correct-horse-battery'),
      cpoRole: role === 'cpo_admin' ? 'cpo_admin' : null,
      disabled: options.disabled ?? false,
    })
    .returning();
  if (role !== 'cpo_admin' && tenantIds.length) {
    await db.insert(memberships).values(tenantIds.map((tenantId) => ({ userId: user!.id, tenantId, roleId: role })));
  }
  return user!;
}

export async function userContext(role: string, tenantIds: string[] = []): Promise<AuthContext> {
  const user = await makeUser(role, tenantIds);
  return (await contextForUser(getDb(), user.id))!;
}

/** An API key with a known secret; returns the secret. */
export async function makeApiKey(role: string, tenantId: string | null, extra: { expiresAt?: Date; revokedAt?: Date } = {}) {
  const secret = `test_${randomUUID()}`;
  const [key] = await getDb()
    .insert(apiKeys)
    .values({
      name: `key ${unique()}`,
      prefix: apiKeyPrefix(secret),
      secretHash: hashApiKeySecret(secret),
      roleId: role,
      tenantId,
      ...extra,
    })
    .returning();
  return { secret, key: key! };
}

export async function apiKeyContext(role: string, tenantId: string | null): Promise<AuthContext> {
  const { secret } = await makeApiKey(role, tenantId);
  return (await contextForApiKey(getDb(), secret))!;
}

/** A location's address and coordinates as the API takes them, for bodies built in tests. */
export const API_PLACE = { address: 'Parklaan 12', city: 'Utrecht', country: 'NLD', coordinates: { latitude: 52.09, longitude: 5.12 } };

export async function makeLocation(tenantId: string, fields: Partial<typeof locations.$inferInsert> = {}) {
  const [location] = await getDb()
    .insert(locations)
    .values({
      tenantId,
      name: `Location ${unique()}`,
      address: 'Parklaan 12',
      city: 'Utrecht',
      country: 'NLD',
      latitude: 52.0907,
      longitude: 5.1214,
      ...fields,
    })
    .returning();
  return location!;
}

export async function makeStation(tenantId: string | null, locationId: string | null = null) {
  const [station] = await getDb()
    .insert(chargeStations)
    .values({ tenantId, locationId, ocppId: `OCPP-${unique()}`, chargerType: 'AC' })
    .returning();
  return station!;
}

/** A tariff offered to the given tenants (none = every tenant). */
export async function makeTariff(code: string, tenantIds: string[] = []) {
  const { tariffs, tariffTenants } = await import('@/lib/db/schema');
  const id = `${code}-${unique().toUpperCase()}`;
  await getDb()
    .insert(tariffs)
    .values({ id, name: code, currency: 'EUR', elements: [{ price_components: [{ type: 'ENERGY', price: 0.3, step_size: 1 }] }] });
  if (tenantIds.length)
    await getDb()
      .insert(tariffTenants)
      .values(tenantIds.map((tenantId) => ({ tariffId: id, tenantId })));
  return id;
}
