// The simulated station's configuration keys (OCPP 1.6 Core profile), as ChangeConfiguration and
// GetConfiguration see them.

export type ChangeConfigurationStatus = 'Accepted' | 'Rejected' | 'RebootRequired' | 'NotSupported';

export type ConfigurationKey = { key: string; readonly: boolean; value: string };

/** The write-only key that carries the station's Basic-auth password (security profile 1). */
export const AUTHORIZATION_KEY = 'AuthorizationKey';

/** The Core-profile keys a 1.6 station reports (plus the RemoteTrigger profile); `NumberOfConnectors` is filled in per station. */
const CORE_KEYS: ConfigurationKey[] = [
  { key: 'AuthorizeRemoteTxRequests', readonly: false, value: 'true' },
  { key: 'ClockAlignedDataInterval', readonly: false, value: '0' },
  { key: 'ConnectionTimeOut', readonly: false, value: '60' },
  { key: 'ConnectorPhaseRotation', readonly: false, value: '0.RST' },
  { key: 'GetConfigurationMaxKeys', readonly: true, value: '50' },
  { key: 'HeartbeatInterval', readonly: false, value: '300' },
  { key: 'LocalAuthorizeOffline', readonly: false, value: 'true' },
  { key: 'LocalPreAuthorize', readonly: false, value: 'false' },
  { key: 'MeterValuesAlignedData', readonly: false, value: 'Energy.Active.Import.Register' },
  { key: 'MeterValuesSampledData', readonly: false, value: 'Energy.Active.Import.Register' },
  { key: 'MeterValueSampleInterval', readonly: false, value: '60' },
  { key: 'ResetRetries', readonly: false, value: '3' },
  { key: 'StopTransactionOnEVSideDisconnect', readonly: false, value: 'true' },
  { key: 'StopTransactionOnInvalidId', readonly: false, value: 'true' },
  { key: 'StopTxnAlignedData', readonly: false, value: '' },
  { key: 'StopTxnSampledData', readonly: false, value: '' },
  { key: 'SupportedFeatureProfiles', readonly: true, value: 'Core,RemoteTrigger' },
  { key: 'TransactionMessageAttempts', readonly: false, value: '3' },
  { key: 'TransactionMessageRetryInterval', readonly: false, value: '60' },
  { key: 'UnlockConnectorOnEVSideDisconnect', readonly: false, value: 'true' },
  { key: 'WebSocketPingInterval', readonly: false, value: '30' },
];

export class ConfigurationStore {
  private readonly keys = new Map<string, ConfigurationKey>();

  /**
   * @param extra keys to add or override (station-specific settings).
   * @param rebootRequiredKeys keys whose change the station answers with RebootRequired.
   */
  constructor(
    connectorCount: number,
    extra: Record<string, string> = {},
    private readonly rebootRequiredKeys: readonly string[] = [],
  ) {
    for (const entry of CORE_KEYS) this.keys.set(entry.key, { ...entry });
    this.keys.set('NumberOfConnectors', { key: 'NumberOfConnectors', readonly: true, value: String(connectorCount) });
    for (const [key, value] of Object.entries(extra)) this.keys.set(key, { key, readonly: false, value });
  }

  get(key: string): string | undefined {
    return this.keys.get(key)?.value;
  }

  /** The station setting a value itself (e.g. the boot interval); readonly does not apply. */
  set(key: string, value: string) {
    const entry = this.keys.get(key);
    this.keys.set(key, { key, readonly: entry?.readonly ?? false, value });
  }

  /** ChangeConfiguration for any key but AuthorizationKey, which the station handles itself. */
  change(key: string, value: string): ChangeConfigurationStatus {
    const entry = this.keys.get(key);
    if (!entry) return 'NotSupported';
    if (entry.readonly) return 'Rejected';
    entry.value = value;
    return this.rebootRequiredKeys.includes(key) ? 'RebootRequired' : 'Accepted';
  }

  /** GetConfiguration: the requested keys (all when none), values overridden by `misreported`. */
  report(requested: string[] | undefined, misreported: Record<string, string> = {}) {
    const wanted = requested?.length ? requested : [...this.keys.keys()];
    const configurationKey: ConfigurationKey[] = [];
    const unknownKey: string[] = [];
    for (const key of wanted) {
      // Real stations never report the password, not even as unknown.
      if (key === AUTHORIZATION_KEY) continue;
      const entry = this.keys.get(key);
      if (entry) configurationKey.push({ ...entry, value: misreported[key] ?? entry.value });
      else unknownKey.push(key);
    }
    return { configurationKey, unknownKey };
  }
}
