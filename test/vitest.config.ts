import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The top level of the repository is fixed, so the config lives here; paths are from the root.
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
    ],
  },
});
