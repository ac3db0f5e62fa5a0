import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The top level of the repository is fixed, so the config lives here; paths are from the root.
// Projects: `unit` (in-process), `runtimes` (the signer inside workerd, Chromium, Deno, Bun and
// the Edge Runtime), `e2e` (real S3 servers, started by its globalSetup).
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/runtimes/**', 'test/e2e/**', 'node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'runtimes',
          include: ['test/runtimes/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 300_000,
          hookTimeout: 300_000,
          // One server pair for all e2e files, run one file at a time.
          fileParallelism: false,
        },
      },
    ],
  },
});
