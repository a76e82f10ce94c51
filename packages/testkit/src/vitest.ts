import { inject } from 'vitest';

/**
 * The run's PostgreSQL server and broker (global-setup.ts provides them), for a test's harness or system. Kept out
 * of the package's main entry so that scripts and bench can import the testkit without vitest.
 */
export const infrastructure = () => ({
  databaseServerUrl: inject('databaseUrl'),
  kafkaBrokers: inject('kafkaBrokers'),
});
