// What `npm run bench` and `npm run soak` share: a kept database on a real Postgres, timed setup
// steps, the production server's health, an Auth.js sign-in, percentiles, a process's RSS and a
// plain-text table.
import fs from 'node:fs';
import postgres from 'postgres';
import { acquirePostgres } from '@/test/postgres-server';

/** A database kept between runs (re-seeding an existing set takes a second), created if missing; returns its URL. */
export async function keptDatabase(name: string): Promise<string> {
  const pg = await acquirePostgres();
  const admin = postgres(pg.adminUrl, { max: 1, onnotice: () => {} });
  const [exists] = await admin`select 1 from pg_database where datname = ${name}`;
  if (!exists) await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(pg.adminUrl);
  url.pathname = `/${name}`;
  console.log(`database on ${pg.source}: ${name}`);
  return url.toString();
}

/** Runs a blocking setup step, printing how long it took; throws when it failed. */
export function step(label: string, run: () => { status: number | null }) {
  const started = Date.now();
  const { status } = run();
  if (status !== 0) throw new Error(`${label} failed`);
  console.log(`${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

export async function waitForHealth(base: string, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the server did not become healthy');
}

/** Auth.js credentials sign-in (CSRF token + callback), returning the session cookie header. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: base }),
  });
  const session = response.headers.getSetCookie().find((c) => c.includes('session-token'));
  if (!session) throw new Error(`sign-in as ${email} failed (${response.status})`);
  return session.split(';')[0]!;
}

/** The p-th percentile (nearest rank) of unsorted values; 0 for none. */
export function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Resident memory of a process, in bytes (VmRSS). */
export function rssBytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
}

/** CPU time a process has used so far (user + system), in seconds. */
export function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime, fields 14 and 15 of proc(5), in clock ticks of 1/100 s on Linux.
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** A left-aligned first column, the others right-aligned. */
export function printTable(head: string[], rows: string[][]) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(head));
  for (const row of rows) console.log(line(row));
}
