import { AppError } from '@/lib/errors';

/** 412 when an If-Match version was sent and the object is at another one; nothing is changed. */
export function assertVersion(what: string, current: number, expected: number | undefined): void {
  if (expected !== undefined && expected !== current) {
    throw new AppError('precondition_failed', `The ${what} is at version ${current}, not ${expected}.`);
  }
}
