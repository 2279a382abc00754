import { ConnectionState, LastHeard } from '@/components/live/connection-state';
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

/** One station in the installer view: what it reported, its connection, link and test. */
export function StationCard({ station, run, locations, link, test }: Props) {
  return (
    <article className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" aria-label={`Station ${station.ocpp_id}`}>
      <header className="space-y-1">
        <h3 className="text-lg font-medium break-all">{station.ocpp_id}</h3>
        <p className="text-sm text-slate-600">
          {[station.vendor, station.model, station.serial_number].filter(Boolean).join(' · ') || 'No hardware reported yet'}
        </p>
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
          <ConnectionState station={station} />
          <span>
            last heard <LastHeard at={station.last_heartbeat_at} />
          </span>
        </p>
        <p className="text-sm">
          {station.status} · {station.location_id ? 'linked to a location' : 'not linked yet'} · {station.commissioning_status}
        </p>
      </header>
      {!station.location_id && link && <LinkForm action={link} stationId={station.id} locations={locations} />}
      {test && (
        <TestForm
          action={test}
          stationId={station.id}
          running={run?.status === 'RUNNING'}
          connectors={station.evses.flatMap((evse, e) =>
            evse.connectors.map((c) => ({ value: `${evse.uid}/${c.id}`, label: `${evse.evse_id ?? `EVSE ${e + 1}`}, connector ${c.id}` })),
          )}
        />
      )}
      {run && <TestRunSteps run={run} />}
    </article>
  );
}
