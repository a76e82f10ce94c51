export * from './database.ts';
export * from './fixtures/shipments.ts';
export * from './infra.ts';
export * from './kafka.ts';
export * from './parties.ts';
export * from './process.ts';
export * from './service-env.ts';
export * from './system.ts';
