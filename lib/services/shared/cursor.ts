import { createHmac, timingSafeEqual } from 'node:crypto';
import { actorRef, type AuthContext } from '@/lib/auth/context';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';

/** The position after the last row of a page: its sort value and id (keyset pagination). */
export type CursorPosition = { value: string | number | null; id: string };

/**
 * What a cursor is bound to: the caller, the endpoint and every filter. A cursor presented with
 * anything else is a 400, so a client cannot page one query with another's position.
 */
export type CursorBinding = { ctx: AuthContext; endpoint: string; filters: Record<string, unknown> };

function secret(): string {
  const value = getEnv().AUTH_SECRET;
  if (!value) throw new Error('AUTH_SECRET must be set to sign list cursors.');
  return value;
}

function bindingKey({ ctx, endpoint, filters }: CursorBinding): string {
  const canonical = Object.keys(filters)
    .sort()
    .filter((k) => filters[k] !== undefined)
    .map((k) => [k, filters[k] instanceof Date ? (filters[k] as Date).toISOString() : filters[k]]);
  return JSON.stringify([actorRef(ctx.actor), endpoint, canonical]);
}

const sign = (payload: string, binding: CursorBinding) =>
  createHmac('sha256', secret()).update(payload).update('\n').update(bindingKey(binding)).digest();

export function encodeCursor(position: CursorPosition, binding: CursorBinding): string {
  const payload = Buffer.from(JSON.stringify([position.value, position.id])).toString('base64url');
  return `${payload}.${sign(payload, binding).toString('base64url')}`;
}

export function decodeCursor(cursor: string, binding: CursorBinding): CursorPosition {
  const invalid = () =>
    new AppError('bad_request', 'The cursor is invalid or was issued for another caller, endpoint or filter.', {
      errors: [{ path: '/cursor', message: 'invalid cursor' }],
    });
  const [payload, signature] = cursor.split('.');
  if (!payload || !signature) throw invalid();
  const expected = sign(payload, binding);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
  try {
    const [value, id] = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as [string | number | null, string];
    return { value, id };
  } catch {
    throw invalid();
  }
}
