import os from 'node:os';
import path from 'node:path';

/** Shared by playwright.config.ts, the e2e server and the fixtures, so all three agree. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
/** The OCPP port of the gateway the e2e server runs beside the web app; simulated stations connect here. */
export const E2E_OCPP_PORT = Number(process.env.E2E_OCPP_PORT ?? 3291);
export const E2E_OCPP_URL = `ws://127.0.0.1:${E2E_OCPP_PORT}/ocpp`;

/** The e2e server's ADMIN_API_KEY: the CPO-wide bootstrap key the fixtures create every test's data with. */
export const E2E_ADMIN_API_KEY = 'clm_e2e_bootstrap_key_do_not_use_elsewhere';

/** The password of every user the fixtures create. */
export const E2E_PASSWORD = 'e2e-password-2026';

/**
 * Where the e2e server leaves its database URL for the fixtures: a station's reported status comes
 * from the station over OCPP, which no test has, so the fixtures write it straight to the table.
 */
export const serverInfoFile = (port: number) => path.join(os.tmpdir(), `clm-e2e-server-${port}.json`);
