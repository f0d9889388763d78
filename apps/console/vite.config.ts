import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';
import { fazhiConfigPlugin } from './scripts/fazhi-config-plugin.js';
import { pgliteDist } from './scripts/pglite-dist.js';

// Workspace packages are compiled from their TypeScript sources (`fazhi-source`), as in tests:
// the console never needs the libraries built first, and tree-shaking sees through them.
// The plugins and template come from the repository's fazhi.config.ts (or FAZHI_CONFIG).
export default defineConfig({
  plugins: [react(), fazhiConfigPlugin()],
  resolve: {
    conditions: ['fazhi-source', ...defaultClientConditions],
    // PGlite's wasm and data files by URL (its package exports no path to them), for the worker's download.
    alias: [{ find: /^pglite-dist\/(.*)$/, replacement: `${pgliteDist}/$1` }],
  },
  worker: { format: 'es' },
  // PGlite loads its wasm and data files relative to its own module; pre-bundling would move it.
  optimizeDeps: { exclude: ['@electric-sql/pglite'] },
  // The manifest lets the bundle benchmark tell the entry's static imports from lazy chunks.
  build: { target: 'es2022', chunkSizeWarningLimit: 10_000, manifest: true },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
