import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { Webhook } from 'standardwebhooks';

/** How long a receiver may take to answer; a slow one counts as a failed attempt. */
export const DELIVERY_TIMEOUT_MS = 10_000;

/*
 * SSRF: a subscription's URL is the caller's choice, so the app must not become a way to reach
 * what sits beside it (the metadata service, the database, an admin port on loopback). Every
 * address a host name resolves to is checked at connect time, in the socket's own lookup, so a
 * name that resolves differently on the second lookup (DNS rebinding) gains nothing.
 */
const blocked = new net.BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const)
  blocked.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 96], // unspecified, loopback and IPv4-compatible (::a.b.c.d)
  ['::ffff:0:0:0', 96], // IPv4-translated
  ['64:ff9b::', 96], // NAT64: reaches any IPv4 address, private ones included
  ['64:ff9b:1::', 48],
  ['2002::', 16], // 6to4: likewise
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const)
  blocked.addSubnet(network, prefix, 'ipv6');

/** True for loopback, private, link-local, CGNAT, multicast and unspecified addresses (IPv4-mapped IPv6 included). */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return blocked.check(mapped[1]!, 'ipv4');
  return blocked.check(address, net.isIPv6(address) ? 'ipv6' : 'ipv4');
}

/** Why `url` cannot be a webhook target (scheme, credentials, a private literal address), or null. */
export function webhookUrlProblem(url: string, allowPrivate: boolean): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'must be an absolute http(s) URL';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return 'must be an http(s) URL';
  if (parsed.username || parsed.password) return 'must not carry credentials (the signature authenticates the sender)';
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivate && (host === 'localhost' || host.endsWith('.localhost') || (net.isIP(host) && isPrivateAddress(host))))
    return 'points at a private, loopback or link-local address (set WEBHOOK_ALLOW_PRIVATE=true for on-premise receivers)';
  return null;
}

export class RefusedAddressError extends Error {}

const guardedLookup =
  (allowPrivate: boolean): net.LookupFunction =>
  (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = addresses as dns.LookupAddress[];
      const refused = allowPrivate ? undefined : list.find((a) => isPrivateAddress(a.address));
      if (refused) return callback(new RefusedAddressError(`${hostname} resolves to ${refused.address}, a private address`), '', 0);
      if (options.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  };

export type WebhookMessage = { id: string; body: string; secret: string; url: string };
export type DeliveryResult = { ok: boolean; status: number | null; durationMs: number; error: string | null };

/** One signed POST per the Standard Webhooks spec; never throws. */
export async function sendWebhook(message: WebhookMessage, { allowPrivate }: { allowPrivate: boolean }): Promise<DeliveryResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const problem = webhookUrlProblem(message.url, allowPrivate);
  if (problem) return { ok: false, status: null, durationMs: 0, error: `refused: the URL ${problem}` };
  const at = new Date();
  const signature = new Webhook(message.secret).sign(message.id, at, message.body);
  const url = new URL(message.url);
  const request = url.protocol === 'https:' ? https.request : http.request;
  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: DeliveryResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      resolve(result);
    };
    const req = request(
      url,
      {
        method: 'POST',
        lookup: guardedLookup(allowPrivate),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'charge-location-management-webhooks',
          'webhook-id': message.id,
          'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
          'webhook-signature': signature,
        },
      },
      (res) => {
        // The status is the answer: the body is not read (a receiver trickling one would hold the worker).
        const status = res.statusCode ?? 0;
        const ok = status >= 200 && status < 300;
        res.destroy();
        settle({ ok, status, durationMs: elapsed(), error: ok ? null : `the receiver answered ${status}` });
      },
    );
    // One deadline for the whole exchange (Node's socket timeout only measures idleness).
    const deadline = setTimeout(() => req.destroy(new Error(`no answer within ${DELIVERY_TIMEOUT_MS / 1000} s`)), DELIVERY_TIMEOUT_MS);
    req.on('error', (error) => {
      const reason = error instanceof RefusedAddressError ? `refused: ${error.message}` : error.message;
      settle({ ok: false, status: null, durationMs: elapsed(), error: reason });
    });
    req.end(message.body);
  });
}
