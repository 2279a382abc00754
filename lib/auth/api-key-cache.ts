import 'server-only';
import { getDb, getSql } from '@/lib/db/client';
import { getEnv } from '@/lib/env';
import { hashApiKeySecret } from './api-key-secret';
import type { AuthContext } from './context';
import { contextForApiKey, loadApiKey, touchApiKeyIfDue, type LoadedApiKey } from './load-context';

/** The channel migration 0007's triggers notify on any change to api_keys, roles or role_permissions. */
const AUTH_CHANGED_CHANNEL = 'auth_changed';
/** How long an entry is used at most: the bound if a notification were ever lost. */
const API_KEY_CACHE_TTL_MS = 10_000;
/** Most keys kept; past it the oldest entry goes first. */
const MOST_ENTRIES = 10_000;

type Entry = LoadedApiKey & { cachedAt: number };
type CacheState = {
  entries: Map<string, Entry>;
  /** Bumped on every notification: a load that started before one is not stored. */
  generation: number;
  listening: boolean;
  started: boolean;
};

// On globalThis: the custom server's API dispatcher and Next's bundle load this module separately.
const holder = globalThis as typeof globalThis & { __clmApiKeyCache?: CacheState };
const state = (holder.__clmApiKeyCache ??= { entries: new Map(), generation: 0, listening: false, started: false });

/** Drops this process's entries now (also what a notification does). */
export function forgetApiKeys(): void {
  state.generation++;
  state.entries.clear();
}

/**
 * Starts listening once per process. Until the LISTEN is in place nothing is cached; after a
 * reconnect (postgres.js re-listens and calls back) the cache starts empty, since notifications
 * may have been missed meanwhile.
 */
function listen() {
  if (state.started) return;
  state.started = true;
  getSql()
    .listen(AUTH_CHANGED_CHANNEL, forgetApiKeys, () => {
      forgetApiKeys();
      state.listening = true;
    })
    .catch(() => {
      state.started = false; // the database is down: try again on a later request
    });
}

/**
 * The context of a live API key, usually without a statement: contexts are kept per process for
 * up to API_KEY_CACHE_TTL_MS and dropped on every instance as soon as a key, role or permission
 * changes (NOTIFY `auth_changed`), so a revoked key is refused within milliseconds of the commit.
 * Off on a database of one session (the embedded default), which has no connection to spare for
 * LISTEN. last_used_at is still written once a minute per key.
 */
export async function cachedApiKeyContext(secret: string): Promise<AuthContext | null> {
  const db = getDb();
  if (getEnv().DATABASE_POOL_MAX === 1) return contextForApiKey(db, secret);
  listen();
  const hash = hashApiKeySecret(secret);
  const now = Date.now();
  const hit = state.listening ? state.entries.get(hash) : undefined;
  if (hit && now - hit.cachedAt < API_KEY_CACHE_TTL_MS && (!hit.expiresAt || hit.expiresAt.getTime() > now)) {
    await touchApiKeyIfDue(db, hit, now);
    return hit.ctx;
  }
  const generation = state.generation;
  const key = await loadApiKey(db, hash);
  if (key) await touchApiKeyIfDue(db, key, now);
  state.entries.delete(hash);
  if (key && state.listening && generation === state.generation) {
    if (state.entries.size >= MOST_ENTRIES) state.entries.delete(state.entries.keys().next().value!);
    state.entries.set(hash, { ...key, cachedAt: now });
  }
  return key?.ctx ?? null;
}
