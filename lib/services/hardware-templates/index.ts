import 'server-only';

export { listHardwareTemplates } from './list-hardware-templates';
export { getHardwareTemplate } from './get-hardware-template';
export { createHardwareTemplate } from './create-hardware-template';
export { updateHardwareTemplate } from './update-hardware-template';
export { deleteHardwareTemplate } from './delete-hardware-template';
