import { defineConfig } from 'vitest/config';

// unit (threads, no infrastructure), int (real PostgreSQL + Kafka, forks), e2e + crash (one fork): docs/decisions.md
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'packages/*/src/**/*.test.ts',
            'packages/*/scripts/**/*.test.ts',
            'services/*/src/**/*.test.ts',
            'scripts/checks/**/*.test.ts',
          ],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
          pool: 'threads',
        },
      },
      {
        test: {
          name: 'int',
          include: ['packages/*/src/**/*.int.test.ts', 'services/*/src/**/*.int.test.ts'],
          pool: 'forks',
          maxWorkers: 2,
          globalSetup: ['packages/testkit/src/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/**/*.e2e.test.ts', 'tests/**/*.crash.test.ts'],
          pool: 'forks',
          maxWorkers: 1,
          fileParallelism: false,
          globalSetup: ['packages/testkit/src/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
