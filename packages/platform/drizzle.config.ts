import { defineConfig } from 'drizzle-kit';

// The platform tables alone, for the platform's own integration tests; services generate them with their own tables.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/store/schema.ts',
  out: './migrations',
});
