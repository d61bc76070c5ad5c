/**
 * One Vite config for the client build and the Vitest projects.
 * - `vite build` bundles `client/` into `dist/client`, which the server serves.
 * - Vitest runs two projects: `node` (unit and integration tests against real servers) and
 *   `browser` (headless Chromium through playwright-core against the built client).
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));
const devServer = process.env.STATROOM_DEV_API ?? 'http://localhost:3000';

export default defineConfig({
  root: fileURLToPath(new URL('./client', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/client', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: {
      '/api': devServer,
      '/healthz': devServer,
      '/socket.io': { target: devServer, ws: true },
      '/yjs': { target: devServer, ws: true },
    },
  },
  test: {
    root: repoRoot,
    reporters: ['default', './test/summaryReporter.ts'],
    // Integration tests start real servers and databases; two cores are shared between them.
    maxWorkers: 2,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: [
            'test/*.test.ts',
            'test/shared/**/*.test.ts',
            'test/server/**/*.test.ts',
            'test/client/**/*.test.ts',
          ],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          testTimeout: 90_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
