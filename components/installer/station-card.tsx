import { useTranslations } from 'next-intl';
import { ConnectionState, LastHeard } from '@/components/live/connection-state';
import { StatusBadge } from '@/components/status/status-badge';
import type { FormAction } from '@/lib/actions/define-action';
import type { ChargeStation, TestRun } from '@/lib/schemas/charge-station';
import { LinkForm, TestForm } from './installer-forms';
import { TestRunSteps } from './test-run-steps';

type Props = {
  station: ChargeStation;
  run: TestRun | null;
  locations: { id: string; label: string }[];
  /** Present only when the installer may use it on this station. */
  link?: FormAction;
  test?: FormAction;
};

/** The choices of a commissioning test's charge step: every connector of the station (`<evse uid>/<connector id>`). */
export function useChargeConnectors(station: ChargeStation) {
  const t = useTranslations('TestRun');
  const evses = useTranslations('Evses');
  return station.evses.flatMap((evse, e) =>
    evse.connectors.map((c) => ({
      value: `${evse.uid}/${c.id}`,
      label: t('connectorChoice', { evse: evse.evse_id ?? evses('fallbackName', { number: e + 1 }), connector: c.id }),
    })),
  );
}

/** One station in the installer view: what it reported, its connection, link and test. */
export function StationCard({ station, run, locations, link, test }: Props) {
  const t = useTranslations('Installer');
  const stationWords = useTranslations('Station');
  const connectors = useChargeConnectors(station);
  return (
    <article
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      aria-label={t('stationCard', { ocppId: station.ocpp_id })}
    >
      <header className="space-y-1">
        <h3 className="text-lg font-medium break-all">{station.ocpp_id}</h3>
        <p className="text-sm text-slate-600">
          {[station.vendor, station.model, station.serial_number].filter(Boolean).join(' · ') || t('noHardware')}
        </p>
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
          <ConnectionState station={station} />
          <span>
            {stationWords('lastHeard')} <LastHeard at={station.last_heartbeat_at} />
          </span>
        </p>
        <p className="flex flex-wrap items-center gap-2 text-sm">
          <StatusBadge status={{ kind: 'station', value: station.status }} testId="station-status" />
          <StatusBadge status={{ kind: 'commissioning', value: station.commissioning_status }} testId="commissioning-status" />
          <span>{station.location_id ? t('linked') : t('notLinked')}</span>
        </p>
      </header>
      {!station.location_id && link && <LinkForm action={link} stationId={station.id} locations={locations} />}
      {test && <TestForm action={test} stationId={station.id} running={run?.status === 'RUNNING'} connectors={connectors} />}
      {run && <TestRunSteps run={run} />}
    </article>
  );
}
