import { afterEach, describe, expect, it, vi } from 'vitest';

async function loadWith(vars: Record<string, string>) {
  vi.unstubAllEnvs();
  vi.resetModules();
  for (const [k, v] of Object.entries(vars)) vi.stubEnv(k, v);
  return (await import('./env')).getEnv();
}

afterEach(() => vi.unstubAllEnvs());

describe('getEnv', () => {
  it('applies the documented defaults', async () => {
    const env = await loadWith({ RATE_LIMIT_PER_MINUTE: '', OCPP_PORT: '', OCPP_UNKNOWN_STATIONS: '' });
    expect(env).toMatchObject({ RATE_LIMIT_PER_MINUTE: 6000, OCPP_PORT: 9220, OCPP_UNKNOWN_STATIONS: 'pool', PORT: expect.any(Number) });
    expect((await loadWith({ MAP_TILE_URL: '' })).MAP_TILE_URL).toBeUndefined();
  });

  it('rejects bad values naming every variable', async () => {
    await expect(
      loadWith({ OCPP_PORT: '70000', OCPP_UNKNOWN_STATIONS: 'drop', DATABASE_URL: 'mysql://x', ADMIN_API_KEY: 'short' }),
    ).rejects.toThrow(/OCPP_PORT[\s\S]*OCPP_UNKNOWN_STATIONS|OCPP_UNKNOWN_STATIONS[\s\S]*OCPP_PORT/);
    await expect(loadWith({ DATABASE_URL: 'mysql://x' })).rejects.toThrow(/DATABASE_URL: must be a postgres/);
    await expect(loadWith({ ADMIN_API_KEY: 'short' })).rejects.toThrow(/ADMIN_API_KEY: must be at least 20/);
    await expect(loadWith({ MAP_TILE_URL: 'javascript:alert(1)' })).rejects.toThrow(/MAP_TILE_URL: must be an http/);
    await expect(loadWith({ MAP_TILE_URL: 'https://tiles.example/{z}/{x}.png' })).rejects.toThrow(/MAP_TILE_URL: must contain \{z\}/);
    await expect(loadWith({ ADMIN_EMAIL: 'a@b.example' })).rejects.toThrow(/ADMIN_EMAIL and ADMIN_PASSWORD must be set together/);
  });
});
