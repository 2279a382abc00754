import { z } from 'zod';

/** An origin exactly as browsers send it in the Origin header: scheme, host and port only. */
const isOrigin = (value: string) =>
  URL.canParse(value) && ['http:', 'https:'].includes(new URL(value).protocol) && new URL(value).origin === value;

const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);

/** Every setting (docs/DOMAIN.md#settings). Nothing is required except AUTH_SECRET for `npm start`. */
const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' }).optional(),
    /** A read replica for exports (their cursor and batches); unset: the primary (DATABASE_URL). */
    DATABASE_READ_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' }).optional(),
    /** Connections in this process's pool; the embedded database allows exactly one. */
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
    /** Opening a connection gives up after this long: a database that is down answers 503 quickly. */
    DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5000),
    /** Session `statement_timeout` (0 = none): a runaway query ends with a 503 instead of holding a connection. */
    DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(15_000),
    /** Session `lock_timeout` (0 = none): waiting this long for a row or table lock answers 503. */
    DATABASE_LOCK_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(5000),
    /** Session `idle_in_transaction_session_timeout` (0 = none): a transaction left open this long is ended by the server. */
    DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(60_000),
    /** Folder for the embedded database and generated dev secrets. */
    DATA_DIR: z.string().min(1).default('.data'),
    AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    ADMIN_EMAIL: z.email('must be an e-mail address').optional(),
    ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
    ADMIN_API_KEY: z
      .string()
      .min(20, 'must be at least 20 characters')
      .regex(/^[\x20-\x7e]+$/, 'must be printable ASCII')
      .optional(),
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(6000),
    /** Most requests of one caller in one second (within RATE_LIMIT_PER_MINUTE). */
    RATE_LIMIT_BURST: z.coerce.number().int().min(1).default(1000),
    OCPP_PORT: port(9220),
    OCPP_UNKNOWN_STATIONS: z.enum(['pool', 'reject']).default('pool'),
    /** `off`: `npm start` serves the web app without a gateway (stations are served by `npm run ocpp` elsewhere). */
    OCPP_GATEWAY: z.enum(['on', 'off']).default('on'),
    /** Basemap tiles, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png; unset → markers on a plain map, nothing fetched from outside. */
    MAP_TILE_URL: z
      .string()
      .regex(/^https?:\/\/\S+$/, 'must be an http(s) URL template')
      .refine((url) => ['{z}', '{x}', '{y}'].every((part) => url.includes(part)), 'must contain {z}, {x} and {y}')
      .optional(),
    /** Behind a reverse proxy: believe its X-Forwarded-For (client IP for sign-in limits). */
    TRUST_PROXY: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
    /** `true`: webhooks may be sent to private, loopback and link-local addresses (tests, on-premise receivers). */
    WEBHOOK_ALLOW_PRIVATE: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
    /** Origins (scheme://host[:port]) whose browser scripts may call /api/v2 cross-origin; empty → CORS closed. */
    CORS_ORIGINS: z
      .string()
      .default('')
      .transform((list) =>
        list
          .split(',')
          .map((origin) => origin.trim())
          .filter(Boolean),
      )
      .pipe(
        z.array(
          z.string().refine(isOrigin, { error: (issue) => `"${String(issue.input)}" is not an origin like https://app.example.com` }),
        ),
      ),
    PORT: port(3000),
    HOSTNAME: z.string().min(1).default('0.0.0.0'),
  })
  .refine((e) => !e.ADMIN_EMAIL === !e.ADMIN_PASSWORD, {
    path: ['ADMIN_PASSWORD'],
    message: 'ADMIN_EMAIL and ADMIN_PASSWORD must be set together',
  });

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {}

let cached: Env | undefined;

/** Parsed settings; throws EnvError naming every bad variable. Read lazily so `next build` needs none. */
export function getEnv(): Env {
  if (cached) return cached;
  // An empty variable means "not set", as in most deployment tools.
  const given = Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== ''));
  const result = envSchema.safeParse(given);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new EnvError(`Invalid environment settings:\n${lines.join('\n')}`);
  }
  cached = result.data;
  return cached;
}
