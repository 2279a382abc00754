import { afterEach, describe, expect, it, vi } from 'vitest';

// The replica pool is chosen by DATABASE_READ_URL; here it points at the test database itself, so
// the test can see which session a query ran in and that the replica's sessions refuse writes.
async function clientWith(vars: Record<string, string>) {
  vi.resetModules();
  for (const [k, v] of Object.entries(vars)) vi.stubEnv(k, v);
  return import('./client');
}

afterEach(async () => {
  const { closeDb } = await import('./client');
  await closeDb();
  vi.unstubAllEnvs();
});

describe('getReadSql', () => {
  it('is the main pool when DATABASE_READ_URL is unset', async () => {
    const client = await clientWith({ DATABASE_READ_URL: '' });
    expect(client.getReadSql()).toBe(client.getSql());
  });

  it('opens read-only sessions on DATABASE_READ_URL', async () => {
    const client = await clientWith({ DATABASE_READ_URL: process.env.DATABASE_URL! });
    const read = client.getReadSql();
    expect(read).not.toBe(client.getSql());
    const [row] = await read<{ readOnly: string }[]>`select current_setting('default_transaction_read_only') as "readOnly"`;
    expect(row!.readOnly).toBe('on');
    await expect(read`create temporary table replica_write_probe (x int)`).rejects.toMatchObject({ code: '25006' });
  });
});
