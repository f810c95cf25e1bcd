import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Two projects: `node` for shared/, cli/, bench helpers and main-process logic; `dom` for the
// renderer (happy-dom + fake-indexeddb). Electron itself is never imported by unit tests.
const jsonOut = process.env.VITEST_JSON_OUTPUT;

export default defineConfig({
  test: {
    // CI (.ci/run) asks for a JSON report to sum the counts; locally the default reporter only.
    reporters: jsonOut ? ['default', 'json'] : ['default'],
    outputFile: jsonOut ? { json: jsonOut } : undefined,
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/unit/{shared,cli,electron,bench}/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'dom',
          environment: 'happy-dom',
          include: ['test/unit/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['test/helpers/dom-setup.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
