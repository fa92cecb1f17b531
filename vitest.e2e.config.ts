import { defineConfig } from 'vitest/config';

// End-to-end suite: runs against the local control plane (real etcd, kube-apiserver,
// kube-controller-manager, kube-scheduler, with kwok fake nodes) that scripts/e2e builds and
// starts. The global setup builds the binaries if needed and brings the cluster up.
// Run with: npm run e2e
export default defineConfig({
  test: {
    include: ['__tests__/e2e/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['__tests__/e2e/helpers/global-setup.ts'],
    // One cluster, shared: test files run one after the other.
    fileParallelism: false,
    testTimeout: 10 * 60_000,
    hookTimeout: 10 * 60_000,
    teardownTimeout: 5 * 60_000,
  },
});
