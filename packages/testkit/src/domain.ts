/**
 * The pure part of the testkit, for domain tests (`@railbill/testkit/domain`): the Decider specification and the sample
 * shipments of docs/shipments.md. Nothing here opens a file, a socket or a process.
 */
export * from './decider-spec.ts';
export * from './fixtures/index.ts';
