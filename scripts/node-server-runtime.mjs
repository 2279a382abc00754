// Loaded with `node --import` (or `tsx --import`) by every plain Node process that runs lib/ code:
// the npm scripts, the e2e and bench servers. Database and service entry points import
// 'server-only', whose default export throws so that a Client Component importing them fails the
// Next build; Next resolves it for server code with the `react-server` condition, to an empty
// module. This does the same for that one package, so scripts run the same modules unchanged.
import { register } from 'node:module';

register('./server-only-hook.mjs', import.meta.url);
