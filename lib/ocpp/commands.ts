// Runs one claimed command through StationCalls and stores what it changes (docs/OCPP.md#commands).
// Protocol-neutral: the adapter behind `session.calls` builds the version's messages.

import { randomBytes } from 'node:crypto';
import { RPCError, TimeoutError } from 'ocpp-rpc/lib/errors.js';
import { z } from 'zod';
import type { Availability, StationCommandKind } from '@/lib/domain/vocabulary';
import {
  loadAvailabilityTargets,
  loadDesiredConfiguration,
  recordAvailabilityAnswers,
  recordConfigurationOutcomes,
  recordReportedConfiguration,
  storeStationPassword,
  type AvailabilityOutcome,
  type AvailabilityTargets,
  type ClaimedStationCommand,
  type StationCommandOutcome,
} from '@/lib/services/ocpp';
import type { AvailabilityAnswer, ConfigurationAnswer, StationSession } from './protocol';

export type CommandResult = StationCommandOutcome & {
  /** Runs after the outcome is stored (closing the socket must not race the stored answer). */
  afterwards?: () => Promise<void>;
};

/** Close code asking the station to reconnect at once (RFC 6455 "service restart"). */
const RECONNECT_CLOSE_CODE = 1012;

const payloads = {
  sync_availability: z.object({ evse_uids: z.array(z.string()).optional() }),
  sync_configuration: z.object({ keys: z.array(z.string()) }),
  get_configuration: z.object({ keys: z.array(z.string()).optional() }),
  provision_password: z.object({}),
  reset: z.object({ type: z.enum(['SOFT', 'HARD']) }),
  trigger_message: z.object({
    message: z.enum(['BootNotification', 'Heartbeat', 'StatusNotification']),
    connector: z.number().int().nonnegative().optional(),
  }),
  remote_start: z.object({ connector: z.number().int().positive(), id_tag: z.string().min(1).max(20) }),
  remote_stop: z.object({ transaction_id: z.number().int() }),
} satisfies Record<StationCommandKind, z.ZodType>;

type Payload<K extends StationCommandKind> = z.infer<(typeof payloads)[K]>;
type Runner<K extends StationCommandKind> = (session: StationSession, stationId: string, payload: Payload<K>) => Promise<CommandResult>;

const done = (accepted: boolean, response: Record<string, unknown>): CommandResult => ({
  status: accepted ? 'ACCEPTED' : 'REJECTED',
  response,
  error: null,
});

/** The station-wide number of every connector of one EVSE, each sent `availability`. */
async function changeEvseConnectors(
  session: StationSession,
  evse: AvailabilityTargets['evses'][number],
  availability: Availability,
  answers: Record<string, AvailabilityAnswer>,
): Promise<AvailabilityOutcome> {
  let outcome: AvailabilityOutcome = 'ACCEPTED';
  for (const connector of evse.connectors) {
    const answer = await session.calls.changeAvailability(connector.number, availability);
    answers[connector.number] = answer;
    if (answer === 'REJECTED') outcome = 'REJECTED';
    else if (answer === 'SCHEDULED' && outcome === 'ACCEPTED') outcome = 'SCHEDULED';
  }
  return outcome;
}

const syncAvailability: Runner<'sync_availability'> = async (session, stationId, { evse_uids }) => {
  const targets = await loadAvailabilityTargets({ stationId });
  if (!targets) return { status: 'FAILED', response: null, error: 'the station no longer exists' };
  const connectorAnswers: Record<string, AvailabilityAnswer> = {};
  const evseAnswers: { evseUid: string; availability: Availability; outcome: AvailabilityOutcome }[] = [];
  let stationAnswer: { availability: Availability; outcome: AvailabilityOutcome } | undefined;
  try {
    if (!evse_uids) {
      const availability = targets.availability;
      // An EVSE set apart from the station after this was queued has its own command.
      const covered = targets.evses.filter((evse) => evse.availability === availability);
      const answer = await session.calls.changeAvailability(0, availability);
      connectorAnswers[0] = answer;
      if (!targets.evses.length) stationAnswer = { availability, outcome: answer };
      for (const evse of covered) {
        // Connector 0 refused: the station may still take the change connector by connector.
        const outcome = answer === 'REJECTED' ? await changeEvseConnectors(session, evse, availability, connectorAnswers) : answer;
        evseAnswers.push({ evseUid: evse.uid, availability, outcome });
      }
    } else {
      for (const evse of targets.evses.filter((e) => evse_uids.includes(e.uid))) {
        const outcome = await changeEvseConnectors(session, evse, evse.availability, connectorAnswers);
        evseAnswers.push({ evseUid: evse.uid, availability: evse.availability, outcome });
      }
    }
  } finally {
    await recordAvailabilityAnswers({ stationId, evseAnswers, stationAnswer });
  }
  const outcomes = [...evseAnswers.map((a) => a.outcome), ...(stationAnswer ? [stationAnswer.outcome] : [])];
  return done(!outcomes.includes('REJECTED'), {
    connectors: connectorAnswers,
    evses: Object.fromEntries(evseAnswers.map((a) => [a.evseUid, a.outcome])),
  });
};

const CONFIGURATION_SYNC: Record<ConfigurationAnswer, 'APPLIED' | 'REJECTED' | 'REBOOT_REQUIRED' | 'NOT_SUPPORTED'> = {
  ACCEPTED: 'APPLIED',
  REJECTED: 'REJECTED',
  REBOOT_REQUIRED: 'REBOOT_REQUIRED',
  NOT_SUPPORTED: 'NOT_SUPPORTED',
};

const syncConfiguration: Runner<'sync_configuration'> = async (session, stationId, { keys }) => {
  const desired = await loadDesiredConfiguration({ stationId });
  if (!desired) return { status: 'FAILED', response: null, error: 'the station no longer exists' };
  const answers: Record<string, ConfigurationAnswer> = {};
  const outcomes: Parameters<typeof recordConfigurationOutcomes>[0]['outcomes'] = [];
  try {
    // A key no longer desired is not sent: nothing to apply.
    for (const key of keys.filter((k) => desired[k] !== undefined)) {
      const value = desired[key]!;
      const answer = await session.calls.changeConfiguration(key, value);
      answers[key] = answer;
      outcomes.push({ key, value, state: CONFIGURATION_SYNC[answer] });
    }
  } finally {
    await recordConfigurationOutcomes({ stationId, outcomes });
  }
  return done(
    Object.values(answers).every((a) => a === 'ACCEPTED' || a === 'REBOOT_REQUIRED'),
    { keys: answers },
  );
};

const getConfiguration: Runner<'get_configuration'> = async (session, stationId, { keys }) => {
  const asked = keys?.length ? keys : undefined;
  const { known, unknown } = await session.calls.getConfiguration(asked);
  await recordReportedConfiguration({ stationId, known, partial: Boolean(asked) });
  return done(true, { known_keys: known.length, unknown_keys: unknown });
};

const AUTHORIZATION_KEY = 'AuthorizationKey';

const provisionPassword: Runner<'provision_password'> = async (session, stationId) => {
  const password = randomBytes(20).toString('hex');
  let answer: ConfigurationAnswer;
  try {
    answer = await session.calls.changeConfiguration(AUTHORIZATION_KEY, password);
  } catch (error) {
    if (error instanceof Error) error.message = error.message.replaceAll(password, '***');
    throw error;
  }
  const response = { key: AUTHORIZATION_KEY, value: '***', status: answer };
  if (answer !== 'ACCEPTED') return done(false, response);
  await storeStationPassword({ stationId, password });
  return {
    ...done(true, response),
    afterwards: () => session.close(RECONNECT_CLOSE_CODE, 'reconnect with the new AuthorizationKey'),
  };
};

const RUNNERS: { [K in StationCommandKind]: Runner<K> } = {
  sync_availability: syncAvailability,
  sync_configuration: syncConfiguration,
  get_configuration: getConfiguration,
  provision_password: provisionPassword,
  reset: async (session, _stationId, { type }) => {
    const status = await session.calls.reset(type);
    return done(status === 'ACCEPTED', { status });
  },
  trigger_message: async (session, _stationId, { message, connector }) => {
    const status = await session.calls.triggerMessage(message, connector);
    return done(status === 'ACCEPTED', { status });
  },
  remote_start: async (session, _stationId, { connector, id_tag }) => {
    const status = await session.calls.remoteStart(connector, id_tag);
    return done(status === 'ACCEPTED', { status });
  },
  remote_stop: async (session, _stationId, { transaction_id }) => {
    const status = await session.calls.remoteStop(transaction_id);
    return done(status === 'ACCEPTED', { status });
  },
};

function failure(session: StationSession, error: unknown): CommandResult {
  if (error instanceof TimeoutError) return { status: 'TIMED_OUT', response: null, error: 'no answer within the call timeout' };
  if (error instanceof RPCError) {
    return { status: 'FAILED', response: null, error: `the station answered with an error: ${error.rpcErrorCode} ${error.message}`.trim() };
  }
  if (!session.isOpen()) return { status: 'FAILED', response: null, error: 'connection lost before the answer' };
  return { status: 'FAILED', response: null, error: error instanceof Error ? error.message : String(error) };
}

/** Sends the command and stores its effects; never throws: every failure is an outcome. */
export async function runCommand(session: StationSession, command: ClaimedStationCommand): Promise<CommandResult> {
  const parsed = payloads[command.kind].safeParse(command.payload);
  if (!parsed.success) return { status: 'FAILED', response: null, error: `invalid payload for ${command.kind}` };
  const run = RUNNERS[command.kind] as Runner<typeof command.kind>;
  try {
    return await run(session, command.stationId, parsed.data as Payload<typeof command.kind>);
  } catch (error) {
    return failure(session, error);
  }
}
