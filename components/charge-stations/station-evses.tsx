import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { StatusBadge } from '@/components/status/status-badge';
import type { FormAction } from '@/lib/actions/define-action';
import type { ChargeStation } from '@/lib/schemas/charge-station';
import { AvailabilityForm, TariffCodesForm } from './station-controls';
import { ConnectorsTable } from './connectors-table';

type Props = {
  station: ChargeStation;
  offered: { id: string; name: string | null }[];
  /** Present only when the user may use it on this station. */
  setAvailability?: FormAction;
  setTariffs?: FormAction;
};

/** An EVSE's status and its availability with the sync state (and what that state means while it is not applied). */
export function EvseBadges({ evse }: { evse: ChargeStation['evses'][number] }) {
  const t = useTranslations('StationAvailability');
  const words = useTranslations('Evses');
  return (
    <div className="space-y-1">
      <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-600">
        {words('status')}
        <StatusBadge status={{ kind: 'station', value: evse.status }} testId={`evse-status-${evse.uid}`} />
        {words('availability')}
        <StatusBadge
          status={{ kind: 'availability', value: evse.availability, sync: evse.availability_sync }}
          testId={`evse-availability-${evse.uid}`}
        />
      </p>
      {evse.availability_sync !== 'APPLIED' && <p className="text-sm text-slate-700">{t(`meaning.${evse.availability_sync}`)}</p>}
    </div>
  );
}

/** EVSEs with their connectors and tariff codes; per-EVSE availability and per-connector tariffs where allowed. */
export function StationEvses({ station, offered, setAvailability, setTariffs }: Props) {
  const t = useTranslations('Evses');
  if (station.evses.length === 0) return <p className="text-slate-600">{t('none')}</p>;
  return (
    <div className="space-y-3">
      {station.evses.map((evse, e) => {
        const evseLabel = evse.evse_id ?? t('fallbackName', { number: e + 1 });
        return (
          <div key={evse.uid} className="space-y-2 rounded-lg border border-slate-200 bg-white p-3">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h3 className="font-medium break-all">{evseLabel}</h3>
              {setAvailability && (
                <AvailabilityForm
                  action={setAvailability}
                  station={station}
                  availability={evse.availability}
                  evse={{ uid: evse.uid, label: evseLabel }}
                />
              )}
            </div>
            <EvseBadges evse={evse} />
            <ConnectorsTable
              label={t('connectorsOf', { evse: evseLabel })}
              connectors={evse.connectors}
              extra={[
                {
                  header: t('reports'),
                  cell: (c) =>
                    c.reported_status
                      ? c.reported_error_code && c.reported_error_code !== 'NoError'
                        ? t('reportedWithError', { status: c.reported_status, error: c.reported_error_code })
                        : c.reported_status
                      : t('nothingYet'),
                },
                {
                  header: t('tariffCodes'),
                  cell: (c) => <span data-testid={`tariffs-${evse.uid}-${c.id}`}>{c.tariff_ids.join(', ') || '—'}</span>,
                },
              ]}
            />
            {setTariffs && (
              <details className="text-sm">
                <summary className="cursor-pointer text-brand-700">{t('editPerConnector')}</summary>
                <div className="mt-2 space-y-3">
                  {evse.connectors.map((c) => (
                    <TariffCodesForm
                      key={c.id}
                      action={setTariffs}
                      station={station}
                      offered={offered}
                      current={c.tariff_ids}
                      connector={{ ref: `${evse.uid}/${c.id}`, label: t('connectorOf', { connector: c.id, evse: evseLabel }) }}
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

/** Each EVSE's status and availability in one line, with the way to its connectors and tariff codes. */
export function StationEvseSummary({ station }: { station: ChargeStation }) {
  const t = useTranslations('Evses');
  const words = useTranslations('Station');
  if (station.evses.length === 0) return <p className="text-slate-600">{t('none')}</p>;
  return (
    <div className="space-y-2">
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
        {station.evses.map((evse, e) => (
          <li key={evse.uid} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
            <span className="min-w-0 font-medium break-all">{evse.evse_id ?? t('fallbackName', { number: e + 1 })}</span>
            <EvseBadges evse={evse} />
          </li>
        ))}
      </ul>
      <Link href={`/charge-stations/${station.id}?tab=evses`} className="text-sm text-brand-700 underline">
        {words('evsesAtAGlanceLink')}
      </Link>
    </div>
  );
}
