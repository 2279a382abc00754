import type { OcppSocket } from '../adapter';
import type { AvailabilityAnswer, ConfigurationAnswer, SimpleAnswer, StationCalls, TriggerAnswer } from '../protocol';

const AVAILABILITY: Record<string, AvailabilityAnswer> = { Accepted: 'ACCEPTED', Rejected: 'REJECTED', Scheduled: 'SCHEDULED' };
const CONFIGURATION: Record<string, ConfigurationAnswer> = {
  Accepted: 'ACCEPTED',
  Rejected: 'REJECTED',
  RebootRequired: 'REBOOT_REQUIRED',
  NotSupported: 'NOT_SUPPORTED',
};
const TRIGGER: Record<string, TriggerAnswer> = { Accepted: 'ACCEPTED', Rejected: 'REJECTED', NotImplemented: 'NOT_IMPLEMENTED' };
const SIMPLE: Record<string, SimpleAnswer> = { Accepted: 'ACCEPTED', Rejected: 'REJECTED' };

type StatusAnswer = { status: string };

/**
 * The neutral calls as OCPP 1.6 requests. Answers are schema-checked by ocpp-rpc's strict mode, so
 * each status is one of the version's words. A CALLERROR, a timeout or a lost socket rejects.
 */
export function ocpp16Calls(socket: OcppSocket): StationCalls {
  const status = async (action: string, request: Record<string, unknown>) => ((await socket.call(action, request)) as StatusAnswer).status;
  return {
    async changeAvailability(connector, availability) {
      const type = availability === 'INOPERATIVE' ? 'Inoperative' : 'Operative';
      return AVAILABILITY[await status('ChangeAvailability', { connectorId: connector, type })]!;
    },
    async changeConfiguration(key, value) {
      return CONFIGURATION[await status('ChangeConfiguration', { key, value })]!;
    },
    async getConfiguration(keys) {
      const answer = (await socket.call('GetConfiguration', keys?.length ? { key: keys } : {})) as {
        configurationKey?: { key: string; readonly: boolean; value?: string }[];
        unknownKey?: string[];
      };
      return {
        known: (answer.configurationKey ?? []).map((entry) => ({ key: entry.key, value: entry.value ?? null, readonly: entry.readonly })),
        unknown: answer.unknownKey ?? [],
      };
    },
    async reset(type) {
      return SIMPLE[await status('Reset', { type: type === 'HARD' ? 'Hard' : 'Soft' })]!;
    },
    async triggerMessage(message, connector) {
      return TRIGGER[
        await status('TriggerMessage', { requestedMessage: message, ...(connector !== undefined ? { connectorId: connector } : {}) })
      ]!;
    },
    async remoteStart(connector, idTag) {
      return SIMPLE[await status('RemoteStartTransaction', { connectorId: connector, idTag })]!;
    },
    async remoteStop(transactionId) {
      return SIMPLE[await status('RemoteStopTransaction', { transactionId })]!;
    },
  };
}
