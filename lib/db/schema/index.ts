export * from './tenants';
export * from './access';
export * from './locations';
export * from './tariffs';
export * from './stations';
export * from './hardware-templates';
export * from './audit';
export * from './idempotency';
