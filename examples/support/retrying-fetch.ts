// A fetch for the typed client that retries what is safe to retry: reads, and POSTs that carry an
// Idempotency-Key (the API answers a retry with the same key and body with the original response,
// SPEC section 3). It retries network errors, 5xx, 429 (waiting Retry-After) and the 409 of a
// duplicate still in flight, a bounded number of times; the request, headers included, is the same.

const SAFE_METHODS = new Set(['GET', 'HEAD', 'PUT', 'DELETE']);
const MAX_WAIT_MS = 30_000;

export type RetryOptions = { attempts?: number; baseDelayMs?: number; log?: (line: string) => void; fetch?: typeof fetch };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Retry-After in ms (delta-seconds or an HTTP date), or null when absent or unreadable. */
function retryAfterMs(response: Response): number | null {
  const value = response.headers.get('retry-after');
  if (!value) return null;
  const ms = /^\d+$/.test(value) ? Number(value) * 1000 : Date.parse(value) - Date.now();
  return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), MAX_WAIT_MS) : null;
}

/** Whether the answer says "not done, try again": a 409 without `existing_id` is a duplicate in flight, not a clash. */
async function isTransient(response: Response): Promise<boolean> {
  if (response.status === 429 || response.status >= 500) return true;
  if (response.status !== 409) return false;
  const problem = (await response
    .clone()
    .json()
    .catch(() => ({}))) as { existing_id?: unknown };
  return problem.existing_id === undefined;
}

export function retryingFetch({ attempts = 5, baseDelayMs = 250, log = () => {}, fetch: send = fetch }: RetryOptions = {}) {
  return async (request: Request): Promise<Response> => {
    const retryable = SAFE_METHODS.has(request.method) || request.headers.has('idempotency-key');
    const what = `${request.method} ${new URL(request.url).pathname}`;
    for (let attempt = 1; ; attempt += 1) {
      const last = !retryable || attempt >= attempts;
      const backoff = Math.min(baseDelayMs * 2 ** (attempt - 1) * (1 + Math.random() / 2), MAX_WAIT_MS);
      let response: Response;
      try {
        response = await send(request.clone());
      } catch (error) {
        if (last) throw error;
        log(`${what}: ${error instanceof Error ? error.message : String(error)}; retry ${attempt} of ${attempts - 1}`);
        await sleep(backoff);
        continue;
      }
      if (last || !(await isTransient(response))) return response;
      const wait = retryAfterMs(response) ?? backoff;
      log(`${what}: ${response.status}; retry ${attempt} of ${attempts - 1} in ${(wait / 1000).toFixed(1)} s`);
      await response.body?.cancel();
      await sleep(wait);
    }
  };
}
