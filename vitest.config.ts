import { defineConfig } from 'vitest/config';

// Unit and scenario tests: pure, fast, no cluster. The end-to-end suite has its own
// config (vitest.e2e.config.ts) because it needs the local control plane.
export default defineConfig({
  test: {
    include: ['__tests__/**/*.test.ts'],
    exclude: ['__tests__/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
