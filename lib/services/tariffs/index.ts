import 'server-only';

export { listTariffs } from './list-tariffs';
export { getTariff } from './get-tariff';
export { createTariff } from './create-tariff';
export { replaceTariff } from './replace-tariff';
export { deleteTariff } from './delete-tariff';
