import { AppError } from '@/lib/errors';
import { webhookUrlProblem } from './send-webhook';

/** 422 for a URL no delivery may go to (checked again, against every resolved address, when sending). */
export function assertWebhookUrl(url: string, allowPrivate: boolean): void {
  const problem = webhookUrlProblem(url, allowPrivate);
  if (problem) throw new AppError('validation', 'The request body is invalid.', { errors: [{ path: '/url', message: problem }] });
}
