import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { apiKeyPrefix, hashApiKeySecret } from '@/lib/auth/api-key-secret';
import { systemContext } from '@/lib/auth/context';
import { hashPassword } from '@/lib/auth/password';
import { apiKeys, users } from '@/lib/db/schema';
import type { Env } from '@/lib/env';
import { recordAudit } from '@/lib/services/shared/audit';
import { changedAt, writeTransaction } from '@/lib/services/shared/change-order';

export const BOOTSTRAP_KEY_NAME = 'bootstrap';

/**
 * Bootstrap, run on every start after migrations so a fresh deployment can be signed in to and
 * called: the ADMIN_EMAIL cpo_admin user if missing, and exactly one live `bootstrap` key whose
 * secret is ADMIN_API_KEY.
 */
export async function ensureBootstrapAccess(env: Pick<Env, 'ADMIN_EMAIL' | 'ADMIN_PASSWORD' | 'ADMIN_API_KEY'>) {
  const ctx = systemContext('bootstrap');
  await writeTransaction(async (tx) => {
    if (env.ADMIN_EMAIL && env.ADMIN_PASSWORD) {
      const [existing] = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(sql`lower(${users.email})`, env.ADMIN_EMAIL.toLowerCase()), isNull(users.deletedAt)));
      if (!existing) {
        const [user] = await tx
          .insert(users)
          .values({
            email: env.ADMIN_EMAIL,
            name: 'Administrator',
            passwordHash: await hashPassword(env.ADMIN_PASSWORD),
            cpoRole: 'cpo_admin',
          })
          .returning();
        await recordAudit(tx, ctx, {
          action: 'user.created',
          entity: 'user',
          entityId: user!.id,
          tenantId: null,
          after: { email: user!.email, name: user!.name, cpo_role: 'cpo_admin' },
        });
      }
    }

    if (env.ADMIN_API_KEY) {
      const secretHash = hashApiKeySecret(env.ADMIN_API_KEY);
      // A changed ADMIN_API_KEY revokes the bootstrap key it replaces.
      const replaced = await tx
        .update(apiKeys)
        .set({ revokedAt: changedAt, updatedAt: changedAt, version: sql`${apiKeys.version} + 1` })
        .where(
          and(
            eq(apiKeys.name, BOOTSTRAP_KEY_NAME),
            isNull(apiKeys.tenantId),
            isNull(apiKeys.revokedAt),
            ne(apiKeys.secretHash, secretHash),
          ),
        )
        .returning({ id: apiKeys.id });
      for (const key of replaced) {
        await recordAudit(tx, ctx, {
          action: 'api_key.revoked',
          entity: 'api_key',
          entityId: key.id,
          tenantId: null,
          before: { revoked: false },
          after: { revoked: true },
        });
      }
      const [current] = await tx
        .select({ revokedAt: apiKeys.revokedAt, deletedAt: apiKeys.deletedAt })
        .from(apiKeys)
        .where(eq(apiKeys.secretHash, secretHash));
      if (current) {
        // A key revoked through the API stays revoked: configure a new ADMIN_API_KEY instead.
        if (current.revokedAt || current.deletedAt) {
          console.warn('ADMIN_API_KEY names a revoked key; set a new value to get a working bootstrap key.');
        }
      } else {
        const [key] = await tx
          .insert(apiKeys)
          .values({
            name: BOOTSTRAP_KEY_NAME,
            prefix: apiKeyPrefix(env.ADMIN_API_KEY),
            secretHash,
            roleId: 'cpo_admin',
            tenantId: null,
            createdBy: 'system',
          })
          .returning({ id: apiKeys.id });
        await recordAudit(tx, ctx, {
          action: 'api_key.created',
          entity: 'api_key',
          entityId: key!.id,
          tenantId: null,
          after: { name: BOOTSTRAP_KEY_NAME, role: 'cpo_admin' },
        });
      }
    }
  });
}
