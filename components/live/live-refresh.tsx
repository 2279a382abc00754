import { useTranslations } from 'next-intl';
import { LiveRefreshTimer } from './live-refresh-timer';

/**
 * The page follows its stations live (see LiveRefreshTimer). Worded here on the server, so the
 * timer ships without a message formatter on pages that have none.
 */
export function LiveRefresh({ intervalMs = 5000 }: { intervalMs?: number }) {
  const t = useTranslations('Live');
  return <LiveRefreshTimer intervalMs={intervalMs} words={{ on: t('on'), paused: t('paused') }} />;
}
