import { createRPCError } from 'ocpp-rpc';
import {
  createPoolStation,
  recordBoot,
  discoverConnectors,
  listConnectorRefs,
  recordDiagnosticsStatus,
  recordFirmwareStatus,
  recordMeterValue,
  startStationTransaction,
  stopStationTransaction,
} from '@/lib/services/ocpp';
import { logFailure } from '../faults';
import { StatusWriter } from '../status-writer';
import type { InboundContext, OcppSocket } from '../adapter';
import type { ConnectorStatusReport } from '../protocol';
import { OCPI_STATUS, ocpiStatus } from './status';

/** BootNotification intervals: a Pending station asks again sooner (docs/OCPP.md#station--product). */
const ACCEPTED_INTERVAL_S = 300;
const PENDING_INTERVAL_S = 60;

type Params = Record<string, unknown>;
type Handler = (params: Params) => Promise<Record<string, unknown>>;

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);

/** Watt-hours of the energy register in a MeterValues sample, when it has one. */
function energyWh(meterValue: unknown): number | null {
  const samples = (meterValue as { sampledValue?: Params[] }[] | undefined)?.flatMap((value) => value.sampledValue ?? []) ?? [];
  const register = samples.filter((sample) => (sample.measurand ?? 'Energy.Active.Import.Register') === 'Energy.Active.Import.Register');
  const last = register.at(-1);
  const value = last ? Number(last.value) : NaN;
  if (!Number.isFinite(value)) return null;
  return Math.round(last!.unit === 'kWh' ? value * 1000 : value);
}

/** The 1.6 stations' status reports of this process, stored in batches. */
const statusWriter = new StatusWriter(OCPI_STATUS);

/** How long after asking a new station for its status its reports may add connectors. */
const LEARN_CONNECTORS_MS = 30_000;

/** The station's calls: what each stores and answers (docs/OCPP.md#station--product). */
export function attachInbound(socket: OcppSocket, { session, dispatcher, adopt }: InboundContext): void {
  // A Pending station sends nothing unasked. When the record has no connectors yet (a new pool
  // station), asking for its status — a read, allowed while Pending — tells which it has: the
  // reports that answer it may add connectors to the record, nothing else does.
  let learnConnectorsUntil = 0;
  const askForConnectors = async (stationId: string) => {
    if ((await listConnectorRefs(stationId)).length) return;
    learnConnectorsUntil = Date.now() + LEARN_CONNECTORS_MS;
    await new Promise((resolve) => setImmediate(resolve));
    await session.calls.triggerMessage('StatusNotification').catch(() => {});
  };
  // A station's status reports are stored one after another: each aggregates over the others.
  let statusWrites: Promise<unknown> = Promise.resolve();
  const handlers: Record<string, Handler> = {
    async BootNotification(params) {
      const at = new Date();
      const boot = {
        vendor: String(params.chargePointVendor),
        model: String(params.chargePointModel),
        serial_number: text(params.chargePointSerialNumber) ?? text(params.chargeBoxSerialNumber),
        firmware_version: text(params.firmwareVersion),
        iccid: text(params.iccid),
        imsi: text(params.imsi),
      };
      if (!session.stationId) {
        const stationId = await createPoolStation({ ocppId: session.ocppId, boot });
        if (!stationId) {
          setImmediate(() => void session.close(1008, 'Authentication required').catch(() => {}));
          return { status: 'Rejected', currentTime: at.toISOString(), interval: ACCEPTED_INTERVAL_S };
        }
        await adopt(stationId);
      }
      await recordBoot({ stationId: session.stationId!, boot, at });
      session.emit({ type: 'boot', accepted: session.accepted });
      // After the answer is on its way: the station must see its boot accepted before our calls.
      if (session.accepted) setImmediate(() => dispatcher?.stationBooted(session));
      else void askForConnectors(session.stationId!);
      return session.accepted
        ? { status: 'Accepted', currentTime: at.toISOString(), interval: ACCEPTED_INTERVAL_S }
        : { status: 'Pending', currentTime: at.toISOString(), interval: PENDING_INTERVAL_S };
    },
    async Heartbeat() {
      session.emit({ type: 'heartbeat' });
      return { currentTime: new Date().toISOString() };
    },
    async StatusNotification(params) {
      const reportedStatus = String(params.status);
      const report: ConnectorStatusReport = {
        connector: Number(params.connectorId),
        status: ocpiStatus(reportedStatus),
        reportedStatus,
        errorCode: text(params.errorCode),
        unavailable: reportedStatus === 'Unavailable',
        at: new Date(),
      };
      if (session.stationId) {
        const stationId = session.stationId;
        const record = async () => (report.connector < 1 ? null : statusWriter.write({ stationId, ...report }));
        // A connector not on record: an unlinked station's hardware is learnt from its reports.
        const written = statusWrites.then(
          async () =>
            (await record()) ??
            (report.connector >= 1 &&
            Date.now() < learnConnectorsUntil &&
            (await discoverConnectors({ stationId, connector: report.connector }))
              ? record()
              : null),
        );
        statusWrites = written.catch(() => {});
        await written;
      }
      session.emit({ type: 'status', report });
      await dispatcher?.statusReported(session, report).catch((error) => logFailure('OCPP: dispatcher failed on a status', error));
      return {};
    },
    async Authorize() {
      // The product holds no tokens: any id tag may charge (enough for the remote start test).
      return { idTagInfo: { status: 'Accepted' } };
    },
    async StartTransaction(params) {
      if (!session.stationId) return { idTagInfo: { status: 'Invalid' }, transactionId: 0 };
      const connector = Number(params.connectorId);
      const idTag = String(params.idTag);
      const transactionId = await startStationTransaction({
        stationId: session.stationId,
        connector,
        idTag,
        meterStartWh: Number(params.meterStart),
        at: new Date(String(params.timestamp)),
      });
      session.emit({ type: 'transaction_started', transactionId, connector, idTag });
      return { idTagInfo: { status: 'Accepted' }, transactionId };
    },
    async StopTransaction(params) {
      const transactionId = Number(params.transactionId);
      if (session.stationId) {
        await stopStationTransaction({
          stationId: session.stationId,
          transactionId,
          meterStopWh: Number(params.meterStop),
          reason: text(params.reason),
          at: new Date(String(params.timestamp)),
        });
      }
      session.emit({ type: 'transaction_stopped', transactionId });
      return params.idTag ? { idTagInfo: { status: 'Accepted' } } : {};
    },
    async MeterValues(params) {
      const meterWh = energyWh(params.meterValue);
      if (session.stationId && typeof params.transactionId === 'number' && meterWh !== null) {
        await recordMeterValue({ stationId: session.stationId, transactionId: params.transactionId, meterWh });
      }
      return {};
    },
    async DataTransfer() {
      return { status: 'UnknownVendorId' };
    },
    async FirmwareStatusNotification(params) {
      if (session.stationId) await recordFirmwareStatus({ stationId: session.stationId, status: String(params.status), at: new Date() });
      return {};
    },
    async DiagnosticsStatusNotification(params) {
      if (session.stationId) {
        await recordDiagnosticsStatus({ stationId: session.stationId, status: String(params.status), at: new Date() });
      }
      return {};
    },
  };

  for (const [action, handler] of Object.entries(handlers)) {
    socket.handle(action, async ({ params }: { params?: Params }) => {
      try {
        // The connection is recorded before anything the station says is.
        await session.ready;
        return await handler(params ?? {});
      } catch (error) {
        logFailure(`OCPP: ${action} from ${session.ocppId} failed`, error);
        throw createRPCError('InternalError', 'The central system could not process the message');
      }
    });
  }
}
