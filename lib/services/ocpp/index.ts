import 'server-only';

export { enqueueStationCommand, STATION_COMMANDS_CHANNEL, type EnqueueStationCommand } from './enqueue-station-command';
export { listConnectorRefs } from './connector-refs';

// Commissioning test runs (the gateway runs the steps: lib/ocpp/commissioning.ts).
export { claimTestRuns } from './claim-test-runs';
export { failUnreachableTestRuns, CONNECT_TIMEOUT_MS } from './fail-unreachable-test-runs';
export { finishTestRun, loadTestRunSubject, saveTestRunSteps, type TestRunSubject, type TestStepState } from './test-run-progress';
export { loadStationObservations, type ConnectorObservation } from './station-observations';
