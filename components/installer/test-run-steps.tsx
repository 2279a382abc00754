import { useLocale, useTranslations } from 'next-intl';
import { StatusBadge } from '@/components/status/status-badge';
import { formatNumber } from '@/lib/format';
import type { TestRun } from '@/lib/schemas/charge-station';

const seconds = (step: TestRun['steps'][number]) =>
  step.started_at && step.finished_at ? (Date.parse(step.finished_at) - Date.parse(step.started_at)) / 1000 : null;

/** A test run's steps as they go, each with its status badge; a failed step says what to do. */
export function TestRunSteps({ run }: { run: TestRun }) {
  const t = useTranslations('TestRun');
  const locale = useLocale();
  return (
    <section aria-label={t('latestRun')} className="space-y-2">
      <h3 className="flex flex-wrap items-center gap-2 text-sm font-medium" aria-live="polite" data-testid="test-run">
        {run.status === 'RUNNING' ? (
          t('running')
        ) : (
          <>
            {t('latest')} <StatusBadge status={{ kind: 'testRun', value: run.status }} />
          </>
        )}
      </h3>
      <ol className="space-y-2 text-sm" data-testid="test-steps">
        {run.steps.map((step) => {
          const took = seconds(step);
          return (
            <li key={step.name} className="space-y-1" data-testid={`test-step-${step.name}`} data-status={step.status}>
              <div className="flex flex-wrap items-baseline gap-2">
                <StatusBadge status={{ kind: 'testStep', value: step.status }} />
                <span>
                  {t(`steps.${step.name}`)}
                  {took !== null && ` ${t('duration', { seconds: formatNumber(Math.round(took * 10) / 10, locale) })}`}
                </span>
              </div>
              {step.detail && step.status === 'FAILED' && (
                <p className="rounded border border-red-200 bg-red-50 p-2 text-red-900">
                  <span className="font-medium">{t('whatToDo')} </span>
                  {step.detail}
                </p>
              )}
              {step.detail && step.status !== 'FAILED' && <p className="text-slate-600">{step.detail}</p>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
