// A charge station that speaks OCPP 1.6J the way hardware does: boots (again while Pending),
// reports its connectors, heartbeats, answers the central system's commands, charges on a remote
// start, and misbehaves on demand. Used by the demo, the tests and the benchmark.
import { createRPCError } from 'ocpp-rpc';
import { AUTHORIZATION_KEY, ConfigurationStore } from './configuration';
import { StationConnection } from './station-connection';
import type {
  Availability16,
  BootResult,
  ChargePointStatus,
  Misbehaviour,
  SimulatedStationOptions,
  StationIdentity,
  TransactionEvent,
} from './types';

type Params = Record<string, unknown>;
type Transaction = TransactionEvent & { meterWh: number };
type Registration = 'none' | 'pending' | 'accepted' | 'rejected';

/** Energy a charging connector adds per meter sample, in Wh. */
const WH_PER_SAMPLE = 250;

export class SimulatedStation extends StationConnection {
  readonly connectorCount: number;
  readonly identity: StationIdentity;
  readonly configuration: ConfigurationStore;
  private registered: Registration = 'none';
  private misbehaviour: Misbehaviour;
  /** Index 0 is the station itself, 1..n its connectors. Kept over reboots, as OCPP asks. */
  private readonly availability: Availability16[];
  /** Changes answered Scheduled, by connector, applied once no transaction runs on it. */
  private readonly scheduled = new Map<number, Availability16>();
  private readonly transactions = new Map<number, Transaction>();
  private heartbeatTimer?: NodeJS.Timeout;
  private bootTimer?: NodeJS.Timeout;

  constructor(options: SimulatedStationOptions) {
    super(options);
    this.connectorCount = options.connectors ?? 2;
    this.identity = {
      vendor: 'Simulator',
      model: 'SIM-AC22',
      serialNumber: `SIM-${options.ocppId}`.slice(0, 25),
      firmwareVersion: '1.0.0',
      iccid: '89310410106543789301',
      imsi: '204043123456789',
      ...options.identity,
    };
    this.configuration = new ConfigurationStore(this.connectorCount, options.configuration, options.rebootRequiredKeys);
    this.misbehaviour = { ...options.misbehaviour };
    this.availability = Array.from({ length: this.connectorCount + 1 }, () => 'Operative');
    this.on('connected', () => void this.boot());
    this.on('disconnected', () => {
      this.registered = 'none';
      this.cancel(this.heartbeatTimer);
      this.cancel(this.bootTimer);
    });
    this.handleCalls();
  }

  /** What the last BootNotification got ('none' until one was answered on this connection). */
  get registration(): Registration {
    return this.registered;
  }

  /** Switches misbehaviour at run time; a change of the faulted connector is reported at once. */
  setMisbehaviour(patch: Misbehaviour) {
    const faultedBefore = this.misbehaviour.faultedConnector;
    this.misbehaviour = { ...this.misbehaviour, ...patch };
    const faultedNow = this.misbehaviour.faultedConnector;
    if (this.registration !== 'accepted' || faultedBefore === faultedNow) return;
    for (const connector of [faultedBefore, faultedNow]) if (connector) void this.sendStatus(connector);
  }

  availabilityOf(connector: number): Availability16 {
    return this.availability[connector]!;
  }

  statusOf(connector: number): ChargePointStatus {
    if (connector > 0 && connector === this.misbehaviour.faultedConnector) return 'Faulted';
    if (this.availability[connector] === 'Inoperative') return 'Unavailable';
    if (this.transactions.has(connector)) return 'Charging';
    return 'Available';
  }

  private async boot() {
    this.cancel(this.bootTimer);
    const { vendor, model, serialNumber, firmwareVersion, iccid, imsi } = this.identity;
    const answer = await this.send<BootResult>('BootNotification', {
      chargePointVendor: vendor,
      chargePointModel: model,
      chargePointSerialNumber: serialNumber,
      chargeBoxSerialNumber: serialNumber,
      firmwareVersion,
      ...(iccid ? { iccid } : {}),
      ...(imsi ? { imsi } : {}),
    });
    if (!answer) return;
    this.log(`BootNotification: ${answer.status} (interval ${answer.interval} s)`);
    if (answer.status === 'Accepted') {
      this.registered = 'accepted';
      this.configuration.set('HeartbeatInterval', String(answer.interval));
      this.emit('accepted', { status: answer.status, interval: answer.interval });
      for (const connector of this.reported(0)) await this.sendStatus(connector);
      this.scheduleHeartbeat();
    } else {
      // Pending and Rejected stations boot again after the interval and send nothing else meanwhile.
      this.registered = answer.status === 'Pending' ? 'pending' : 'rejected';
      this.emit(this.registered === 'pending' ? 'pending' : 'rejected', { status: answer.status, interval: answer.interval });
      this.bootTimer = this.later(this.intervalMs(answer.interval), () => void this.boot());
    }
  }

  private scheduleHeartbeat() {
    this.cancel(this.heartbeatTimer);
    const seconds = Number(this.configuration.get('HeartbeatInterval')) || 300;
    this.heartbeatTimer = this.later(this.intervalMs(seconds), () => {
      void this.heartbeat();
      this.scheduleHeartbeat();
    });
  }

  private async heartbeat() {
    if (this.misbehaviour.ignoreHeartbeat) return;
    if (await this.send('Heartbeat', {})) this.emit('heartbeat');
  }

  private async sendStatus(connector: number, status = this.statusOf(connector)) {
    const errorCode = status === 'Faulted' ? 'GroundFailure' : 'NoError';
    const sent = await this.send('StatusNotification', { connectorId: connector, status, errorCode, timestamp: new Date().toISOString() });
    if (!sent) return;
    this.log(`StatusNotification ${connector}: ${status}`);
    this.emit('status', { connector, status, errorCode });
  }

  private handleCalls() {
    const handlers: Record<string, (params: Params) => Record<string, unknown>> = {
      ChangeAvailability: (p) => ({ status: this.changeAvailability(p.connectorId as number, p.type as Availability16) }),
      ChangeConfiguration: (p) => ({ status: this.changeConfiguration(p.key as string, p.value as string) }),
      GetConfiguration: (p) => this.configuration.report(p.key as string[] | undefined, this.misbehaviour.misreportedConfiguration),
      Reset: (p) => {
        this.later(0, () => void this.reboot(p.type === 'Hard' ? 'HardReset' : 'SoftReset'));
        return { status: 'Accepted' };
      },
      TriggerMessage: (p) => ({ status: this.trigger(p.requestedMessage as string, p.connectorId as number | undefined) }),
      RemoteStartTransaction: (p) => ({ status: this.remoteStart(p.connectorId as number | undefined, p.idTag as string) }),
      RemoteStopTransaction: (p) => ({ status: this.remoteStop(p.transactionId as number) }),
      DataTransfer: () => ({ status: 'UnknownVendorId' }),
    };
    this.client.handle(async ({ method, params }) => {
      const handler = method ? handlers[method] : undefined;
      if (!handler) throw createRPCError('NotImplemented', `${method} is not supported`);
      const answer = handler((params ?? {}) as Params);
      this.log(`${method} ${JSON.stringify(params)}: ${JSON.stringify(answer)}`);
      // After the answer is on the wire, so the central system sees the call's result first.
      this.later(0, () => this.emit('request', { action: method!, params: (params ?? {}) as Params, answer }));
      return answer;
    });
  }

  private changeAvailability(connector: number, type: Availability16): 'Accepted' | 'Rejected' | 'Scheduled' {
    if (connector < 0 || connector > this.connectorCount) return 'Rejected';
    if (this.misbehaviour.availability === 'reject' || (connector === 0 && this.misbehaviour.rejectConnectorZero)) return 'Rejected';
    const busy = type === 'Inoperative' && this.affected(connector).some((c) => this.transactions.has(c));
    if (busy || this.misbehaviour.availability === 'schedule') {
      this.scheduled.set(connector, type);
      if (!busy) this.later(this.options.scheduledDelayMs ?? 2000, () => void this.applyScheduled());
      return 'Scheduled';
    }
    this.scheduled.delete(connector);
    this.later(0, () => void this.applyAvailability(connector, type));
    return 'Accepted';
  }

  /** The connectors a change of `connector` reaches: 0 stands for every connector. */
  private affected(connector: number): number[] {
    return connector === 0 ? Array.from({ length: this.connectorCount }, (_, i) => i + 1) : [connector];
  }

  /** What a change of `connector` sets and reports: 0 is the station itself and every connector. */
  private reported(connector: number): number[] {
    return connector === 0 ? [0, ...this.affected(0)] : [connector];
  }

  private async applyAvailability(connector: number, type: Availability16) {
    for (const c of this.reported(connector)) this.availability[c] = type;
    for (const c of this.reported(connector)) await this.sendStatus(c);
  }

  private async applyScheduled() {
    for (const [connector, type] of [...this.scheduled]) {
      if (this.affected(connector).some((c) => this.transactions.has(c))) continue;
      this.scheduled.delete(connector);
      await this.applyAvailability(connector, type);
    }
  }

  private changeConfiguration(key: string, value: string) {
    if (key === AUTHORIZATION_KEY) {
      // The next connection authenticates with it; the server closes this one, the client comes back by itself.
      this.setPassword(value);
      this.emit('provisioned', { password: value });
      return 'Accepted';
    }
    const status = this.configuration.change(key, value);
    if (key === 'HeartbeatInterval' && status === 'Accepted' && this.registration === 'accepted') this.scheduleHeartbeat();
    return status;
  }

  private trigger(message: string, connector?: number): 'Accepted' | 'Rejected' | 'NotImplemented' {
    if (connector !== undefined && (connector < 0 || connector > this.connectorCount)) return 'Rejected';
    const send: Record<string, () => void> = {
      BootNotification: () => void this.boot(),
      Heartbeat: () => void this.heartbeat(),
      StatusNotification: async () => {
        for (const c of this.reported(connector ?? 0)) await this.sendStatus(c);
      },
      FirmwareStatusNotification: () => void this.send('FirmwareStatusNotification', { status: 'Idle' }),
      DiagnosticsStatusNotification: () => void this.send('DiagnosticsStatusNotification', { status: 'Idle' }),
    };
    if (!send[message]) return 'NotImplemented';
    this.later(0, send[message]);
    return 'Accepted';
  }

  private remoteStart(requested: number | undefined, idTag: string): 'Accepted' | 'Rejected' {
    if (this.misbehaviour.refuseRemoteStart) return 'Rejected';
    const connector = requested ?? this.affected(0).find((c) => this.statusOf(c) === 'Available');
    if (!connector || connector > this.connectorCount || this.statusOf(connector) !== 'Available') return 'Rejected';
    this.later(0, () => void this.startTransaction(connector, idTag));
    return 'Accepted';
  }

  private async startTransaction(connector: number, idTag: string) {
    const authorized = await this.send<{ idTagInfo: { status: string } }>('Authorize', { idTag });
    if (authorized?.idTagInfo.status !== 'Accepted') return;
    await this.sendStatus(connector, 'Preparing');
    const meterStart = 1000 * connector;
    const started = await this.send<{ transactionId: number }>('StartTransaction', {
      connectorId: connector,
      idTag,
      meterStart,
      timestamp: new Date().toISOString(),
    });
    if (!started) return;
    const transaction = { transactionId: started.transactionId, connector, idTag, meterWh: meterStart };
    this.transactions.set(connector, transaction);
    this.log(`StartTransaction ${connector}: transaction ${transaction.transactionId}`);
    this.emit('transaction-started', { transactionId: transaction.transactionId, connector, idTag });
    await this.sendStatus(connector);
    await this.sampleMeter(transaction);
  }

  private async sampleMeter(transaction: Transaction) {
    if (this.transactions.get(transaction.connector) !== transaction) return;
    transaction.meterWh += WH_PER_SAMPLE;
    await this.send('MeterValues', {
      connectorId: transaction.connector,
      transactionId: transaction.transactionId,
      meterValue: [
        {
          timestamp: new Date().toISOString(),
          sampledValue: [{ value: String(transaction.meterWh), measurand: 'Energy.Active.Import.Register', unit: 'Wh' }],
        },
      ],
    });
    const seconds = Number(this.configuration.get('MeterValueSampleInterval')) || 60;
    this.later(this.intervalMs(seconds), () => void this.sampleMeter(transaction));
  }

  private remoteStop(transactionId: number): 'Accepted' | 'Rejected' {
    const transaction = [...this.transactions.values()].find((t) => t.transactionId === transactionId);
    if (!transaction) return 'Rejected';
    this.later(0, () => void this.stopTransaction(transaction, 'Remote'));
    return 'Accepted';
  }

  private async stopTransaction(transaction: Transaction, reason: string) {
    this.transactions.delete(transaction.connector);
    await this.sendStatus(transaction.connector, 'Finishing');
    await this.send('StopTransaction', {
      transactionId: transaction.transactionId,
      idTag: transaction.idTag,
      meterStop: transaction.meterWh,
      timestamp: new Date().toISOString(),
      reason,
    });
    this.log(`StopTransaction ${transaction.connector}: transaction ${transaction.transactionId}`);
    const { transactionId, connector, idTag } = transaction;
    this.emit('transaction-stopped', { transactionId, connector, idTag });
    await this.applyScheduled();
    await this.sendStatus(connector);
  }

  private async reboot(reason: 'HardReset' | 'SoftReset') {
    this.log(`rebooting (${reason})`);
    for (const transaction of [...this.transactions.values()]) await this.stopTransaction(transaction, reason);
    // What was scheduled takes effect over the reboot; a forgetful station loses it all.
    for (const [connector, type] of this.scheduled) for (const c of this.reported(connector)) this.availability[c] = type;
    this.scheduled.clear();
    if (this.misbehaviour.forgetAvailabilityAfterReboot) this.availability.fill('Operative');
    await this.restart(this.options.rebootDelayMs ?? 1000);
  }
}
