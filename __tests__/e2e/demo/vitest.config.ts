import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// `npm run demo` (scripts/demo.mjs): the seeds' experiment on the e2e cluster, one file. The global
// setup of the e2e suite builds the control plane if needed and brings the cluster up.
export default defineConfig({
  root: fileURLToPath(new URL('../../..', import.meta.url)),
  test: {
    include: ['__tests__/e2e/demo/*.demo.ts'],
    environment: 'node',
    globalSetup: ['__tests__/e2e/helpers/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 15 * 60_000,
    hookTimeout: 10 * 60_000,
    teardownTimeout: 5 * 60_000,
  },
});
