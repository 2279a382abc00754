import { and, eq, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { contextForApiKey } from '@/lib/auth/load-context';
import { getDb } from '@/lib/db/client';
import { apiKeys, users } from '@/lib/db/schema';
import { verifyCredentials } from '@/lib/auth/verify-credentials';
import { ensureBootstrapAccess } from './ensure-bootstrap-access';

describe('ensureBootstrapAccess', () => {
  it('creates the admin once and keeps exactly one live bootstrap key per ADMIN_API_KEY', async () => {
    const email = `Root-${Date.now()}@cpo.example`;
    const first = 'first-bootstrap-key-0123456789';
    const second = 'second bootstrap key is any ASCII!'.replace(/ /g, '_');
    await ensureBootstrapAccess({ ADMIN_EMAIL: email, ADMIN_PASSWORD: 'admin-password-123', ADMIN_API_KEY: first });
    await ensureBootstrapAccess({ ADMIN_EMAIL: email, ADMIN_PASSWORD: 'changed-is-ignored', ADMIN_API_KEY: first });

    const admins = await getDb().select().from(users).where(eq(users.email, email));
    expect(admins).toHaveLength(1);
    expect(admins[0]!.cpoRole).toBe('cpo_admin');
    expect(await verifyCredentials(email, 'admin-password-123', '10.9.0.1')).toMatchObject({ ok: true });

    const firstCtx = await contextForApiKey(getDb(), first);
    expect(firstCtx?.cpoWide?.has('tenant:manage')).toBe(true);
    const [key] = await getDb()
      .select()
      .from(apiKeys)
      .where(and(eq(apiKeys.name, 'bootstrap'), isNull(apiKeys.revokedAt)));
    expect(key).toMatchObject({ prefix: first.slice(0, 8), tenantId: null, expiresAt: null });
    expect(key!.secretHash).not.toContain(first);

    await ensureBootstrapAccess({ ADMIN_API_KEY: second });
    expect(await contextForApiKey(getDb(), first)).toBeNull();
    expect((await contextForApiKey(getDb(), second))?.actor.kind).toBe('api_key');
    const live = await getDb()
      .select()
      .from(apiKeys)
      .where(and(eq(apiKeys.name, 'bootstrap'), isNull(apiKeys.revokedAt)));
    expect(live).toHaveLength(1);
  });
});
