import type { TestRun } from '@/lib/schemas/charge-station';
import { TEST_STEP_LABELS } from '@/lib/view/stations';

const STATUS_STYLE: Record<string, string> = {
  PASSED: 'border-emerald-300 bg-emerald-50 text-emerald-900',
  FAILED: 'border-red-300 bg-red-50 text-red-900',
  RUNNING: 'border-sky-300 bg-sky-50 text-sky-900',
  PENDING: 'border-slate-300 bg-slate-50 text-slate-700',
  SKIPPED: 'border-slate-300 bg-slate-50 text-slate-700',
};

const duration = (step: TestRun['steps'][number]) =>
  step.started_at && step.finished_at ? ` (${((Date.parse(step.finished_at) - Date.parse(step.started_at)) / 1000).toFixed(1)} s)` : '';

/** A test run's steps as they go; a failed step says what to do. */
export function TestRunSteps({ run }: { run: TestRun }) {
  const heading = run.status === 'RUNNING' ? 'Test running…' : `Latest test: ${run.status}`;
  return (
    <section aria-label="Latest test run" className="space-y-2">
      <h3 className="text-sm font-medium" aria-live="polite">
        {heading}
      </h3>
      <ol className="space-y-2 text-sm" data-testid="test-steps">
        {run.steps.map((step) => (
          <li key={step.name} className="space-y-1" data-testid={`test-step-${step.name}`} data-status={step.status}>
            <div className="flex items-baseline gap-2">
              <span className={`shrink-0 rounded border px-1.5 py-0.5 font-mono text-xs ${STATUS_STYLE[step.status] ?? ''}`}>
                {step.status}
              </span>
              <span>
                {TEST_STEP_LABELS[step.name] ?? step.name}
                {duration(step)}
              </span>
            </div>
            {step.detail && step.status === 'FAILED' && (
              <p className="rounded border border-red-200 bg-red-50 p-2 text-red-900">
                <span className="font-medium">What to do: </span>
                {step.detail}
              </p>
            )}
            {step.detail && step.status !== 'FAILED' && <p className="text-slate-600">{step.detail}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
