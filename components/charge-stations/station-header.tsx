import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { ConnectionState, LastHeard } from '@/components/live/connection-state';
import { LiveRefresh } from '@/components/live/live-refresh';
import { StatusBadge } from '@/components/status/status-badge';
import type { FormAction } from '@/lib/actions/define-action';
import type { ChargeStation } from '@/lib/schemas/charge-station';
import { AvailabilityForm } from './station-controls';

type Props = {
  station: ChargeStation;
  /** Null when unlinked or not visible to the user. */
  locationName: string | null;
  /** Present only when the user may set the availability. */
  setAvailability?: FormAction;
  liveIntervalMs?: number;
};

/**
 * What the station page is opened for, above every tab: which station, where, its status and
 * connection, and its availability with the switch. The page's live refresh re-renders all of it.
 */
export function StationHeader({ station, locationName, setAvailability, liveIntervalMs }: Props) {
  const t = useTranslations('Station');
  const availability = useTranslations('StationAvailability');
  return (
    <header className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
        <h1 className="min-w-0 text-2xl font-semibold break-all">{station.name ?? station.ocpp_id}</h1>
        <LiveRefresh intervalMs={liveIntervalMs} />
      </div>
      <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
        <div className="flex min-w-0 gap-1.5">
          <dt className="text-slate-600">{t('ocppId')}</dt>
          <dd className="min-w-0 font-mono break-all">{station.ocpp_id}</dd>
        </div>
        <div className="flex min-w-0 gap-1.5">
          <dt className="text-slate-600">{t('location')}</dt>
          <dd className="min-w-0 break-words">
            {station.location_id ? (
              <Link href={`/locations/${station.location_id}`} className="text-brand-700 underline" data-testid="station-location">
                {locationName ?? t('openLocation')}
              </Link>
            ) : (
              t('notLinked')
            )}
          </dd>
        </div>
      </dl>
      <p className="flex flex-wrap items-center gap-2 text-sm">
        <StatusBadge status={{ kind: 'station', value: station.status }} testId="station-status" title={t('status')} />
        <ConnectionState station={station} />
        <span className="text-slate-700">
          {t('lastHeard')} <LastHeard at={station.last_heartbeat_at} />
        </span>
      </p>
      <section
        aria-labelledby="availability"
        className="flex flex-wrap items-center gap-x-3 gap-y-2 rounded-lg border border-slate-200 bg-white p-3"
      >
        <h2 id="availability" className="text-sm font-medium">
          {availability('heading')}
        </h2>
        <span className="flex flex-wrap items-center gap-2">
          <StatusBadge status={{ kind: 'availability', value: station.availability }} testId="station-availability" />
          <StatusBadge status={{ kind: 'availabilitySync', value: station.availability_sync }} testId="station-availability-sync" />
        </span>
        <p className="min-w-0 basis-full text-sm text-slate-700 sm:basis-auto" data-testid="station-availability-meaning">
          {availability(`meaning.${station.availability_sync}`)}
        </p>
        {setAvailability && (
          <div className="sm:ml-auto">
            <AvailabilityForm action={setAvailability} station={station} availability={station.availability} />
          </div>
        )}
      </section>
    </header>
  );
}
