import { spawn } from 'node:child_process';
import { freeLoopbackPort } from '@/test/postgres-server';

/**
 * A second e2e server (e2e/support/server.ts: own database, demo data) with settings the shared one
 * does not have, and everything it prints kept for the test to read. No OCPP gateway.
 */
export async function startServerProcess(env: Record<string, string>) {
  const port = await freeLoopbackPort();
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', './scripts/node-server-runtime.mjs', 'e2e/support/server.ts'], {
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOSTNAME: '127.0.0.1',
      OCPP_GATEWAY: 'off',
      OCPP_PORT: String(await freeLoopbackPort()),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
  const baseURL = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  for (let waited = 0; ; waited += 250) {
    if (child.exitCode !== null) throw new Error(`The server exited (${child.exitCode}):\n${log}`);
    if (waited > 150_000) throw new Error(`The server did not come up:\n${log}`);
    if (
      await fetch(`${baseURL}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    baseURL,
    /** All the server printed so far, stdout and stderr. */
    log: () => log,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
