import 'server-only';
import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { getEnv, type Env } from '@/lib/env';
import * as schema from './schema';

export type Database = PostgresJsDatabase<typeof schema>;
/** A transaction handle; services pass it down so a change and its audit event commit together. */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
/** Either the pool or an open transaction. */
export type Queryable = Database | Tx;

type Connection = { sql: postgres.Sql; db: Database };
type Holder = typeof globalThis & {
  __clmDb?: Connection;
  __clmTelemetryDb?: Connection;
  __clmReadDb?: Connection;
  __clmStatementListeners?: Set<StatementListener>;
};
/** Sees every statement the pool sends, with its parameters as sent (tests count statements, the bench explains them). */
export type StatementListener = (statement: string, parameters: unknown[]) => void;

// One pool per process, kept on globalThis so dev-mode module reloads do not open more.
const holder = globalThis as Holder;
const listeners = (holder.__clmStatementListeners ??= new Set());

const notify = (_connection: number, statement: string, parameters: unknown[]) => {
  for (const listener of listeners) listener(statement, parameters);
};

/**
 * postgres.js's `debug` hook is switched on only while someone listens: with it on, the driver
 * captures a stack for every query and makes the parameters of a failed query enumerable on the
 * error, which would cost time and put values into logged errors.
 */
function syncDebug(sql: postgres.Sql) {
  sql.options.debug = listeners.size ? notify : false;
}

/** Calls `listener` with each statement sent from now on, until the returned function is called. */
export function observeStatements(listener: StatementListener): () => void {
  listeners.add(listener);
  syncDebug(getSql());
  return () => {
    listeners.delete(listener);
    if (holder.__clmDb) syncDebug(holder.__clmDb.sql);
  };
}

/** The server-side limits every session of the app runs under (docs/DOMAIN.md#settings); 0 = none. */
function sessionTimeouts(env: Env): Record<string, string> {
  return {
    statement_timeout: String(env.DATABASE_STATEMENT_TIMEOUT_MS),
    lock_timeout: String(env.DATABASE_LOCK_TIMEOUT_MS),
    idle_in_transaction_session_timeout: String(env.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS),
  };
}

function connect(runtime: Record<string, string> = {}, databaseUrl = getEnv().DATABASE_URL): Connection {
  const env = getEnv();
  if (!databaseUrl) {
    throw new Error('DATABASE_URL is not set: start the app with `npm start`, `npm run dev` or `npm run demo`.');
  }
  // libpq convention: `?host=/dir` names a Unix-socket directory (the embedded database uses one).
  const url = new URL(databaseUrl);
  const socketDir = url.searchParams.get('host');
  url.searchParams.delete('host');
  const sql = postgres(url.toString(), {
    ...(socketDir?.startsWith('/') ? { host: socketDir } : {}),
    max: env.DATABASE_POOL_MAX,
    onnotice: () => {},
    // postgres.js queues a query until a pooled connection is free, so a busy pool makes requests
    // wait rather than fail under load; this only bounds opening a new connection, so that a
    // database that is down answers 503 within seconds rather than holding every request.
    connect_timeout: env.DATABASE_CONNECT_TIMEOUT_MS / 1000,
    // The pause before a connection that failed is opened again, in seconds. postgres.js's
    // default grows to 20 s after a few failures, and a request waits for it: after an outage
    // the app would stay down long after the database is back.
    backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 1),
    // Session settings sent with the startup message (PGlite accepts and ignores them).
    connection: { ...sessionTimeouts(env), ...runtime },
  });
  syncDebug(sql);
  prepareRepeatedStatements(sql);
  return { sql, db: drizzle(sql, { schema, casing: 'snake_case' }) };
}

/** Statements worth keeping prepared: plain DML with few parameters (so few distinct texts). */
const PREPARED_STATEMENT = /^\s*(select|insert|update|delete|with)\b/i;
const MOST_PREPARED_PARAMETERS = 32;

/**
 * drizzle sends every query unprepared (postgres.js `unsafe` with `prepare: false`), so Postgres
 * parses and plans the same few statement texts on every request. Here a statement of the app's
 * own fixed shapes is prepared once per connection (postgres.js keeps them by text). Left
 * unprepared: DECLARE/FETCH and other utility statements (their texts name cursors) and statements
 * with many parameters (`in ($1 … $n)` of a page of ids: a text per page size).
 */
function prepareRepeatedStatements(sql: postgres.Sql) {
  const unprepared = sql.unsafe.bind(sql);
  sql.unsafe = ((query: string, args?: postgres.ParameterOrJSON<never>[], options?: postgres.UnsafeQueryOptions) =>
    unprepared(query, args, {
      ...options,
      prepare: PREPARED_STATEMENT.test(query) && (args?.length ?? 0) <= MOST_PREPARED_PARAMETERS,
    })) as postgres.Sql['unsafe'];
}

/** The drizzle database for this process. The only place a client is created. */
export function getDb(): Database {
  holder.__clmDb ??= connect();
  return holder.__clmDb.db;
}

/** Raw postgres.js client (COPY, health check). */
export function getSql(): postgres.Sql {
  holder.__clmDb ??= connect();
  return holder.__clmDb.sql;
}

/**
 * A connection held for one long read (an export's cursor); `release` gives it back. From the
 * replica's pool when DATABASE_READ_URL is set, else the main pool. Never on a pool of one (the
 * embedded database): it would stop every other query meanwhile.
 */
export async function reserveDb(): Promise<{ db: Database; release: () => void }> {
  const readUrl = getEnv().DATABASE_READ_URL;
  const pool = readUrl ? (holder.__clmReadDb ??= connect({}, readUrl)).sql : getSql();
  const reserved = await pool.reserve();
  // drizzle reads the driver's options (type parsers) from the client; a reserved connection has
  // none of its own and shares the pool's.
  const client = Object.assign(reserved, { options: pool.options });
  prepareRepeatedStatements(client as unknown as postgres.Sql);
  return { db: drizzle(client, { schema, casing: 'snake_case' }), release: () => reserved.release() };
}

/**
 * The pool for station telemetry (statuses, heard times, the frame log): its sessions commit
 * without waiting for the WAL flush (`synchronous_commit = off`), so a report costs one round trip
 * and no fsync; a crash of Postgres itself could lose the last fraction of a second of reports,
 * which stations send again. Nothing else may use it. On a database that serves one session (the
 * embedded default) it is the main pool.
 */
export function getTelemetryDb(): Database {
  if (getEnv().DATABASE_POOL_MAX === 1) return getDb();
  holder.__clmTelemetryDb ??= connect({ synchronous_commit: 'off' });
  return holder.__clmTelemetryDb.db;
}

export async function closeDb(): Promise<void> {
  const connections = [holder.__clmDb, holder.__clmTelemetryDb, holder.__clmReadDb];
  holder.__clmDb = holder.__clmTelemetryDb = holder.__clmReadDb = undefined;
  await Promise.all(connections.map((conn) => conn?.sql.end({ timeout: 5 })));
}
