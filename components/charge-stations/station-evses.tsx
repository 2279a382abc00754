import type { FormAction } from '@/lib/actions/define-action';
import type { ChargeStation } from '@/lib/schemas/charge-station';
import { AvailabilityForm, TariffCodesForm } from './station-controls';
import { ConnectorsTable } from './connectors-table';
import { SyncState } from './sync-state';

type Props = {
  station: ChargeStation;
  offered: { id: string; name: string | null }[];
  /** Present only when the user may use it on this station. */
  setAvailability?: FormAction;
  setTariffs?: FormAction;
};

/** EVSEs with their connectors and tariff codes; per-EVSE availability and per-connector tariffs where allowed. */
export function StationEvses({ station, offered, setAvailability, setTariffs }: Props) {
  if (station.evses.length === 0) return <p className="text-slate-500">No EVSEs.</p>;
  return (
    <div className="space-y-3">
      {station.evses.map((evse, e) => {
        const evseLabel = evse.evse_id ?? `EVSE ${e + 1}`;
        return (
          <div key={evse.uid} className="space-y-2 rounded-lg border border-slate-200 bg-white p-3">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <p className="font-medium break-all">
                {evseLabel} — <span data-testid={`evse-status-${evse.uid}`}>{evse.status}</span>
              </p>
              {setAvailability && (
                <AvailabilityForm
                  action={setAvailability}
                  station={station}
                  availability={evse.availability}
                  evse={{ uid: evse.uid, label: evseLabel }}
                />
              )}
            </div>
            <div className="space-y-1">
              <p className="text-sm">
                Desired availability: <span className="font-medium">{evse.availability}</span>
              </p>
              <SyncState kind="availability" state={evse.availability_sync} testId={`evse-availability-sync-${evse.uid}`} />
            </div>
            <ConnectorsTable
              label={`Connectors of ${evseLabel}`}
              connectors={evse.connectors}
              extra={[
                {
                  header: 'Reports',
                  cell: (c) =>
                    c.reported_status
                      ? `${c.reported_status}${c.reported_error_code && c.reported_error_code !== 'NoError' ? ` (${c.reported_error_code})` : ''}`
                      : 'nothing yet',
                },
                {
                  header: 'Tariff codes',
                  cell: (c) => <span data-testid={`tariffs-${evse.uid}-${c.id}`}>{c.tariff_ids.join(', ') || '—'}</span>,
                },
              ]}
            />
            {setTariffs && (
              <details className="text-sm">
                <summary className="cursor-pointer text-brand-700">Edit tariff codes per connector</summary>
                <div className="mt-2 space-y-3">
                  {evse.connectors.map((c) => (
                    <TariffCodesForm
                      key={c.id}
                      action={setTariffs}
                      station={station}
                      offered={offered}
                      current={c.tariff_ids}
                      connector={{ ref: `${evse.uid}/${c.id}`, label: `connector ${c.id} of ${evseLabel}` }}
                    />
                  ))}
                </div>
              </details>
            )}
          </div>
        );
      })}
      {setTariffs && (
        <TariffCodesForm
          // Its checkboxes start from the union of all connectors' codes: start again when a connector changes.
          key={JSON.stringify(station.evses.map((e) => e.connectors.map((c) => c.tariff_ids)))}
          action={setTariffs}
          station={station}
          offered={offered}
          current={[...new Set(station.evses.flatMap((e) => e.connectors.flatMap((c) => c.tariff_ids)))]}
        />
      )}
    </div>
  );
}
