import { defineConfig } from 'vitest/config';

// End-to-end tests: the built extension in Debian's Chromium against the sandbox Affinity.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['./e2e/global-setup.ts'],
    // One browser at a time: CI machines have two cores.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
