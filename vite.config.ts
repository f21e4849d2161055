// The web app (src/web) is built by Vite into .cache/web, which the server serves (src/server/web.ts).
// scripts/build-web.mjs runs this build on `npm ci` (prepare) and again at `serve` only when the sources changed.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: {
    outDir: '../../.cache/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    reportCompressedSize: false,
  },
  logLevel: 'warn',
});
