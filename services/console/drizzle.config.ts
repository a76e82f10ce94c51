import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: ['../../packages/platform/src/store/schema.ts', './src/store/schema.ts'],
  out: './migrations',
});
