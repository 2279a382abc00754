import { useLocale, useTranslations } from 'next-intl';
import { TestForm } from '@/components/installer/installer-forms';
import { useChargeConnectors } from '@/components/installer/station-card';
import { TestRunSteps } from '@/components/installer/test-run-steps';
import type { FormAction } from '@/lib/actions/define-action';
import { formatTimestamp } from '@/lib/format';
import type { ChargeStation, TestRun } from '@/lib/schemas/charge-station';

/** The station's latest commissioning run, step by step as it goes, and (with station:test) a new run. */
export function StationTests({ station, run, test }: { station: ChargeStation; run: TestRun | null; test?: FormAction }) {
  const t = useTranslations('TestRun');
  const common = useTranslations('Common');
  const locale = useLocale();
  const connectors = useChargeConnectors(station);
  return (
    <div className="space-y-4">
      {test && (
        <div className="max-w-md">
          <TestForm action={test} stationId={station.id} running={run?.status === 'RUNNING'} connectors={connectors} />
        </div>
      )}
      {run ? (
        <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-3">
          <p className="text-sm text-slate-700">
            {t('startedAt', { time: common('utc', { time: formatTimestamp(run.started_at, locale) }) })}
          </p>
          <TestRunSteps run={run} />
        </div>
      ) : (
        <p className="text-slate-600">{t('none')}</p>
      )}
    </div>
  );
}
