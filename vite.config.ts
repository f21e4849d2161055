// The web app (src/web) is built by Vite into .cache/web, which the server serves (src/server/web.ts).
// scripts/build-web.mjs runs this build on `npm ci` (prepare) and again at `serve` only when the sources changed.
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The cockpit draws a chart as soon as its data is there; its ECharts chunk is loaded lazily (not in the first
 * JavaScript of any page), but on the cockpit it should not wait for the entry script to run first. index.html's
 * early script adds a modulepreload for it on '/' only: it names the chunk `__COCKPIT_ECHARTS__`, which this plugin
 * replaces with the built file (and the chunks it imports).
 */
function cockpitEchartsPreload(): Plugin {
  return {
    name: 'cockpit-echarts-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {}).filter((c) => c.type === 'chunk');
        const echarts = chunks.find((c) => c.moduleIds.some((id) => id.endsWith('/src/web/echarts.ts')));
        if (!echarts) throw new Error('cockpit-echarts-preload: no chunk for src/web/echarts.ts');
        const files = [echarts.fileName, ...echarts.imports.filter((f) => !html.includes(f))].map((f) => `/${f}`);
        if (!html.includes('__COCKPIT_ECHARTS__')) throw new Error('cockpit-echarts-preload: index.html names no __COCKPIT_ECHARTS__');
        return html.replace('__COCKPIT_ECHARTS__', JSON.stringify(files));
      },
    },
  };
}

export default defineConfig({
  root: 'src/web',
  plugins: [react(), cockpitEchartsPreload()],
  build: {
    outDir: '../../.cache/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    reportCompressedSize: false,
  },
  logLevel: 'warn',
});
