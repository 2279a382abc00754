import 'server-only';

export { enqueueStationCommand, STATION_COMMANDS_CHANNEL, type EnqueueStationCommand } from './enqueue-station-command';
export { listConnectorRefs } from './connector-refs';

// Commissioning test runs (the gateway runs the steps: lib/ocpp/commissioning.ts).
export { claimTestRuns, releaseTestRun } from './claim-test-runs';
export { failUnreachableTestRuns, CONNECT_TIMEOUT_MS } from './fail-unreachable-test-runs';
export { finishTestRun, loadTestRunSubject, saveTestRunSteps, type TestRunSubject, type TestStepState } from './test-run-progress';
export { loadStationObservations, type ConnectorObservation } from './station-observations';

// The gateway's connection side and what stations report (docs/OCPP.md#station--product).
export { admitStation, type Admission, type UnknownStations } from './admit-station';
export { registerGateway } from './register-gateway';
export { unregisterGateway } from './unregister-gateway';
export { sweepDeadGateways } from './sweep-dead-gateways';
export { claimStation, STATION_MOVED_CHANNEL } from './claim-station';
export { releaseStation } from './release-station';
export { listHeldStations } from './list-held-stations';
export { listenForStationMoves } from './listen-for-station-moves';
export { createPoolStation } from './create-pool-station';
export { recordBoot } from './record-boot';
export { recordHeartbeats } from './record-heartbeats';
export { recordConnectorStatuses, type ConnectorStatusRow } from './record-connector-status';
export { recordFirmwareStatus } from './record-firmware-status';
export { recordDiagnosticsStatus } from './record-diagnostics-status';
export { startStationTransaction } from './start-station-transaction';
export { stopStationTransaction } from './stop-station-transaction';
export { recordMeterValue } from './record-meter-value';
export { writeOcppMessages, type OcppMessageEntry } from './write-ocpp-messages';
export { pruneOcppMessages } from './prune-ocpp-messages';

// Command delivery and the sync states (lib/ocpp/dispatcher.ts, lib/ocpp/commands.ts).
export { listenStationCommands } from './listen-station-commands';
export { listStationsWithQueuedCommands } from './list-stations-with-queued-commands';
export { claimStationCommand, type ClaimedStationCommand } from './claim-station-command';
export { completeStationCommand, type StationCommandOutcome } from './complete-station-command';
export { expireStationCommands } from './expire-station-commands';
export { failLostStationCommands } from './fail-lost-station-commands';
export { requeueUnsentStationCommands } from './requeue-unsent-station-commands';
export { reconcileStationSync } from './reconcile-station-sync';
export { loadAvailabilityTargets, type AvailabilityTargets } from './load-availability-targets';
export { recordAvailabilityAnswers, type AvailabilityOutcome } from './record-availability-answers';
export { confirmAvailability } from './confirm-availability';
export { loadDesiredConfiguration } from './load-desired-configuration';
export { recordConfigurationOutcomes } from './record-configuration-outcomes';
export { recordReportedConfiguration } from './record-reported-configuration';
export { storeStationPassword } from './store-station-password';
export { discoverConnectors } from './discover-connectors';
