import { useTranslations } from 'next-intl';
import type { Webhook } from '@/lib/schemas/webhook';

/** Enabled, or disabled with the reason the product switched it off. */
export function WebhookStatus({ webhook }: { webhook: Pick<Webhook, 'enabled' | 'disabled_reason'> }) {
  const t = useTranslations('Webhooks');
  if (webhook.enabled) return <span className="text-emerald-800">{t('enabled')}</span>;
  return (
    <span className="whitespace-normal text-red-800">
      {t('disabled')}
      {webhook.disabled_reason && <span className="block max-w-xs text-xs text-slate-700">{webhook.disabled_reason}</span>}
    </span>
  );
}
