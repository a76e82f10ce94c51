export * from './clock.ts';
export * from './database.ts';
// the sample shipments; the Decider specification (vitest) only from `@railbill/testkit/domain`, so that scripts and
// the bench import no vitest
export * from './fixtures/index.ts';
export * from './harness.ts';
export * from './infra.ts';
export * from './inject.ts';
export * from './kafka.ts';
export * from './parties.ts';
export * from './process.ts';
export * from './service-env.ts';
export * from './system.ts';
