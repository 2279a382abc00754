import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeApiKey, makeTenant, makeUser } from '@/test/fixtures';

// Two app processes on one database share one limit: a key's requests spread over both are
// admitted at most RATE_LIMIT_PER_MINUTE times in all, and an account's 11th failed sign-in is
// refused whichever instance gets it.
const LIMIT = 60;
/** Tokens an instance may hold unspent (lib/http/rate-limit.ts): 1.5 leases of at most 1/40 of the limit (at least 1). */
const HELD_PER_INSTANCE = Math.ceil(1.5 * Math.max(1, Math.floor(LIMIT / 40)));

type Instance = { child: ChildProcess; base: string };
const instances: Instance[] = [];

async function startInstance(): Promise<Instance> {
  const child = spawn('node_modules/.bin/tsx', ['--import', './scripts/node-server-runtime.mjs', 'test/limits/app-instance.ts'], {
    env: { ...process.env, RATE_LIMIT_PER_MINUTE: String(LIMIT), NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`app instance did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /app instance listening on (\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`app instance exited (${code}):\n${output}`)));
  });
  return { child, base: `http://127.0.0.1:${port}` };
}

beforeAll(async () => {
  instances.push(...(await Promise.all([startInstance(), startInstance()])));
}, 90_000);

afterAll(async () => {
  await Promise.all(
    instances.map(async ({ child }) => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    }),
  );
});

describe('two app instances on one database', () => {
  it(`admit one key at most ${LIMIT} requests in all, however they are spread`, async () => {
    const key = (await makeApiKey('viewer', (await makeTenant('Shared limit')).id)).secret;
    const answers: { instance: number; status: number; headers: Headers }[] = [];
    // 200 requests, 8 at a time, alternating instances.
    for (let round = 0; round < 25; round++) {
      answers.push(
        ...(await Promise.all(
          Array.from({ length: 8 }, async (_, i) => {
            const instance = i % 2;
            const response = await fetch(`${instances[instance]!.base}/api/v2/tariffs`, { headers: { authorization: `Bearer ${key}` } });
            await response.arrayBuffer();
            return { instance, status: response.status, headers: response.headers };
          }),
        )),
      );
    }
    const accepted = answers.filter((a) => a.status === 200);
    expect(answers.filter((a) => a.status !== 200 && a.status !== 429)).toEqual([]);
    expect(accepted.length).toBeLessThanOrEqual(LIMIT);
    expect(accepted.length).toBeGreaterThanOrEqual(LIMIT - 2 * HELD_PER_INSTANCE);
    // Both served part of the one budget (unshared, each would have admitted 60).
    for (const instance of [0, 1]) expect(accepted.filter((a) => a.instance === instance).length).toBeGreaterThan(0);
    for (const instance of [0, 1]) {
      const refused = answers.filter((a) => a.instance === instance && a.status === 429).at(-1)!;
      expect(refused.headers.get('ratelimit-limit')).toBe(String(LIMIT));
      expect(refused.headers.get('ratelimit-remaining')).toBe('0');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    }
  }, 60_000);

  const signIn = (instance: number, email: string, password: string, ip: string) =>
    fetch(`${instances[instance]!.base}/sign-in`, { method: 'POST', body: JSON.stringify({ email, password, ip }) }).then(
      (r) => r.json() as Promise<{ ok: boolean; reason?: string }>,
    );

  it('refuse the 11th failed sign-in of an account on either instance, even with the right password', async () => {
    const user = await makeUser('viewer', [], { password: 'correct-horse-battery' });
    for (let i = 0; i < 10; i++)
      expect(await signIn(i % 2, user.email, `wrong-${i}-password`, `10.20.0.${i}`)).toEqual({ ok: false, reason: 'invalid' });
    for (const instance of [0, 1]) {
      expect(await signIn(instance, user.email, 'correct-horse-battery', '10.20.1.1')).toMatchObject({ ok: false, reason: 'rate_limited' });
    }
  }, 60_000);

  it('count parallel failed sign-ins on both instances exactly: 10 checked, the rest refused', async () => {
    const user = await makeUser('viewer', [], { password: 'correct-horse-battery' });
    const results = await Promise.all(
      Array.from({ length: 16 }, (_, i) => signIn(i % 2, user.email, `wrong-${i}-password`, `10.21.0.${i}`)),
    );
    expect(results.filter((r) => r.reason === 'invalid')).toHaveLength(10);
    expect(results.filter((r) => r.reason === 'rate_limited')).toHaveLength(6);
  }, 60_000);
});
