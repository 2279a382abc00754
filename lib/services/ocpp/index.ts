import 'server-only';

export { enqueueStationCommand, STATION_COMMANDS_CHANNEL, type EnqueueStationCommand } from './enqueue-station-command';
