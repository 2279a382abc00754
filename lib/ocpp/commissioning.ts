// The commissioning test run (docs/OCPP.md#commissioning-test-run): the checks an installer runs on
// a just-placed station, in the order it is brought up. Protocol-neutral: it talks to the station
// through StationSession only. Each failure says, in plain words, what to do next.

import type { TestStepName } from '@/lib/domain/vocabulary';
import {
  finishTestRun,
  loadStationObservations,
  loadTestRunSubject,
  saveTestRunSteps,
  type TestRunSubject,
  type TestStepState,
} from '@/lib/services/ocpp';
import type { StationEvent, StationSession } from './protocol';

export type CommissioningTimeouts = {
  /** Each step but the charge. */
  stepMs: number;
  /** Each half of the remote start/stop (a vehicle or test load may need time). */
  chargeMs: number;
};

const DEFAULT_TIMEOUTS: CommissioningTimeouts = { stepMs: 10_000, chargeMs: 30_000 };

/** A check that did not pass; the message is the advice shown to the installer. */
class StepFailure extends Error {}

type Check = (session: StationSession, subject: TestRunSubject, timeouts: CommissioningTimeouts) => Promise<string>;

const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;

/** Waits for an event, failing the step with `advice` when it does not come. Start it before the call that causes it. */
async function expectEvent<T extends StationEvent['type']>(
  waiting: Promise<Extract<StationEvent, { type: T }> | null>,
  advice: string,
): Promise<Extract<StationEvent, { type: T }>> {
  const event = await waiting;
  if (!event) throw new StepFailure(advice);
  return event;
}

const connected: Check = async (session) => {
  if (!session.isOpen()) throw new StepFailure('The station is not connected. Check its power and network, then run the test again.');
  return 'The station is connected.';
};

const bootAccepted: Check = async (session, subject, { stepMs }) => {
  if (!session.accepted) {
    throw new StepFailure(
      'The station is connected but not accepted yet: it has no password of its own. Link it to a location; it then ' +
        'receives a password, reconnects and is accepted. Run the test again after that.',
    );
  }
  let { bootReport } = await loadStationObservations(subject.stationId);
  if (!bootReport) {
    const booted = session.waitFor('boot', stepMs);
    await session.calls.triggerMessage('BootNotification');
    await expectEvent(booted, `The station sent no BootNotification within ${seconds(stepMs)}: restart it, then run the test again.`);
    ({ bootReport } = await loadStationObservations(subject.stationId));
  }
  const reported = { vendor: bootReport?.vendor ?? null, model: bootReport?.model ?? null, serial: bootReport?.serial_number ?? null };
  const expected = { vendor: subject.record.vendor, model: subject.record.model, serial: subject.record.serialNumber };
  const mismatches = (Object.keys(expected) as (keyof typeof expected)[]).filter(
    (field) => expected[field] && reported[field] !== expected[field],
  );
  if (mismatches.length) {
    const list = mismatches.map((field) => `${field} "${reported[field] ?? 'none'}" (record: "${expected[field]}")`).join(', ');
    throw new StepFailure(
      `The station reports ${list}. Check that this is the station you meant to link (the serial number is on its type ` +
        'plate), or correct the record, then run the test again.',
    );
  }
  return `Accepted: ${reported.vendor ?? '?'} ${reported.model ?? '?'}${reported.serial ? `, serial ${reported.serial}` : ''}.`;
};

const heartbeat: Check = async (session, _subject, { stepMs }) => {
  const heard = session.waitFor('heartbeat', stepMs);
  const answer = await session.calls.triggerMessage('Heartbeat');
  if (answer !== 'ACCEPTED') {
    throw new StepFailure(
      `The station answered ${answer} to a heartbeat request. Its firmware may not support remote triggers: update it or ask the vendor.`,
    );
  }
  await expectEvent(
    heard,
    `The station accepted but sent no Heartbeat within ${seconds(stepMs)}. Check that its network connection is stable, then run the test again.`,
  );
  return 'The station answered with a Heartbeat.';
};

const connectorStatus: Check = async (session, subject, { stepMs }) => {
  const since = Date.now();
  const deadline = since + stepMs;
  const answer = await session.calls.triggerMessage('StatusNotification');
  if (answer !== 'ACCEPTED') {
    throw new StepFailure(
      `The station answered ${answer} to a status request. Update its firmware or ask the vendor to enable remote triggers.`,
    );
  }
  for (;;) {
    const { connectors } = await loadStationObservations(subject.stationId);
    if (!connectors.length)
      throw new StepFailure('The record has no connectors: add the EVSEs and connectors the station has, then run the test again.');
    const faulted = connectors.filter((c) => c.reportedStatus === 'Faulted' && c.reportedAt && c.reportedAt.getTime() >= since - 1000);
    if (faulted.length) {
      const which = faulted.map((c) => `connector ${c.number}${c.reportedErrorCode ? ` (error ${c.reportedErrorCode})` : ''}`).join(', ');
      throw new StepFailure(
        `The station reports ${which} as Faulted. Check the cable, the socket and the residual-current device, reset the ` +
          'station, then run the test again.',
      );
    }
    const silent = connectors.filter((c) => !c.reportedAt || c.reportedAt.getTime() < since - 1000);
    if (!silent.length)
      return `All ${connectors.length} connectors reported: ${connectors.map((c) => `${c.number} ${c.reportedStatus}`).join(', ')}.`;
    const left = deadline - Date.now();
    if (left <= 0) {
      throw new StepFailure(
        `No status from connector ${silent.map((c) => c.number).join(', ')} within ${seconds(stepMs)}. Check that the record has ` +
          `the connectors the station really has (${connectors.length} in the record), then run the test again.`,
      );
    }
    await session.waitFor('status', left);
  }
};

const configuration: Check = async (session, subject) => {
  const desired = Object.entries(subject.configuration);
  if (!desired.length) return 'No configuration keys are set for this station.';
  const { known, unknown } = await session.calls.getConfiguration(desired.map(([key]) => key));
  const reported = new Map(known.map((entry) => [entry.key, entry.value]));
  const wrong = desired.filter(([key, value]) => reported.get(key) !== value);
  if (wrong.length) {
    const list = wrong
      .map(([key, value]) =>
        unknown.includes(key) ? `${key} (not supported)` : `${key} is "${reported.get(key) ?? 'unset'}", wanted "${value}"`,
      )
      .join('; ');
    throw new StepFailure(
      `${list}. Wait until the configuration has synced (the Configuration tab shows each key's state) — a key that ` +
        'needs a reboot applies after a reset — then run the test again.',
    );
  }
  return `All ${desired.length} configuration keys match.`;
};

const CHARGING_STATUSES = new Set(['Charging', 'SuspendedEV', 'SuspendedEVSE']);

async function untilConnectorCharging(session: StationSession, stationId: string, number: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { connectors } = await loadStationObservations(stationId);
    if (CHARGING_STATUSES.has(connectors.find((c) => c.number === number)?.reportedStatus ?? '')) return;
    const left = deadline - Date.now();
    if (left <= 0) {
      throw new StepFailure(
        `The station started a transaction but connector ${number} never reported charging within ${seconds(timeoutMs)}. Check the vehicle or test load, then run the test again.`,
      );
    }
    await session.waitFor('status', left, (event) => event.report.connector === number);
  }
}

const remoteStartStop: Check = async (session, subject, { chargeMs }) => {
  const options = subject.remoteStart!;
  const { connectors } = await loadStationObservations(subject.stationId);
  const connector = connectors.find((c) => c.evseUid === options.evse_uid && c.connectorId === options.connector_id);
  if (!connector) throw new StepFailure('The connector chosen for the charge test is no longer on the record: choose another one.');
  const started = session.waitFor('transaction_started', chargeMs, (event) => event.connector === connector.number);
  const startAnswer = await session.calls.remoteStart(connector.number, options.id_tag);
  if (startAnswer !== 'ACCEPTED') {
    throw new StepFailure(
      `The station refused to start a charge on connector ${connector.number}. Check that the connector is available ` +
        '(no cable left plugged in, not set inoperative), then run the test again.',
    );
  }
  const { transactionId } = await expectEvent(
    started,
    `The station accepted but started no charge within ${seconds(chargeMs)}. Plug in a vehicle or a test load if the station needs one, then run the test again.`,
  );
  // The station learns the transaction id from the answer to its StartTransaction, which leaves
  // after the event; a stop sent before it arrives would be refused. Its next status shows it has.
  await untilConnectorCharging(session, subject.stationId, connector.number, chargeMs);
  const stopped = session.waitFor('transaction_stopped', chargeMs, (event) => event.transactionId === transactionId);
  const stopAnswer = await session.calls.remoteStop(transactionId);
  if (stopAnswer !== 'ACCEPTED')
    throw new StepFailure(`The station refused to stop transaction ${transactionId}. Stop it at the station and contact the vendor.`);
  await expectEvent(
    stopped,
    `The station did not end transaction ${transactionId} within ${seconds(chargeMs)}. Stop it at the station and contact the vendor.`,
  );
  return `Charge ${transactionId} on connector ${connector.number} started and stopped.`;
};

const CHECKS: Record<TestStepName, Check> = {
  connected,
  boot_accepted: bootAccepted,
  heartbeat,
  connector_status: connectorStatus,
  configuration,
  remote_start_stop: remoteStartStop,
};

function withTimeout<T>(work: Promise<T>, ms: number, advice: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StepFailure(advice)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** What an unexpected error (a dropped socket, a CALLERROR) means for the installer. */
function adviceFor(error: unknown, session: StationSession): string {
  if (error instanceof StepFailure) return error.message;
  if (!session.isOpen()) return 'The station disconnected during the test. Check its network, then run the test again.';
  return `The station answered with an error (${error instanceof Error ? error.message : String(error)}). Contact the vendor with this message.`;
}

/**
 * Runs a claimed test run on the station's open session: each step PENDING → RUNNING →
 * PASSED/FAILED with its times, written as it goes; after a failure the rest are SKIPPED. Ends the
 * run (and the station's commissioning_status) through finishTestRun.
 */
export async function runCommissioning(
  session: StationSession,
  runId: string,
  timeouts: CommissioningTimeouts = DEFAULT_TIMEOUTS,
): Promise<void> {
  const subject = await loadTestRunSubject(runId);
  if (!subject) return;
  const steps: TestStepState[] = subject.steps.map((step) => ({ ...step }));
  let failed = false;
  for (const step of steps) {
    if (step.status !== 'PENDING' && step.status !== 'RUNNING') continue;
    if (failed) {
      Object.assign(step, { status: 'SKIPPED', detail: 'Not run: an earlier step failed.' });
      continue;
    }
    if (step.name === 'remote_start_stop' && !subject.remoteStart) {
      Object.assign(step, { status: 'SKIPPED', detail: 'Not requested.' });
      continue;
    }
    Object.assign(step, { status: 'RUNNING', started_at: new Date().toISOString(), detail: null });
    await saveTestRunSteps(runId, steps);
    const limit = step.name === 'remote_start_stop' ? 2 * timeouts.chargeMs + timeouts.stepMs : timeouts.stepMs + 1000;
    try {
      const detail = await withTimeout(
        CHECKS[step.name](session, subject, timeouts),
        limit,
        `The station did not answer within ${seconds(limit)}. Check its network, then run the test again.`,
      );
      Object.assign(step, { status: 'PASSED', detail });
    } catch (error) {
      failed = true;
      Object.assign(step, { status: 'FAILED', detail: adviceFor(error, session) });
    }
    step.finished_at = new Date().toISOString();
    await saveTestRunSteps(runId, steps);
  }
  await finishTestRun({ runId, steps });
}
