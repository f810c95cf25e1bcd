import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The renderer alone as a static site (the browser build): `npm run build:web` → dist-web/. */
export default defineConfig({
  root: resolve('renderer'),
  base: './',
  plugins: [react()],
  // WEB_OUT_DIR lets parallel e2e runs build into separate folders; the default is dist-web/.
  build: { outDir: resolve(process.env.WEB_OUT_DIR ?? 'dist-web'), emptyOutDir: true, chunkSizeWarningLimit: 3000 },
  worker: { format: 'es' },
});
