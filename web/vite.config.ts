// Builds the web app into dist/web (served by server/routes/web.ts). The entry chunk holds the
// shell (React, TanStack Query, the router, sign-in); every page is a lazy chunk. The manifest
// lets scripts/bundle-size.ts measure what a first visit downloads.
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
export const WEB_OUT_DIR = fileURLToPath(new URL('../dist/web', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  publicDir: false,
  build: {
    outDir: WEB_OUT_DIR,
    emptyOutDir: true,
    manifest: true,
    target: 'es2022',
    // govuk-frontend keeps an old IE hack (`min-width: 0\0`) that lightningcss refuses; esbuild passes it through.
    cssMinify: 'esbuild',
    // A CSP with style-src 'self' forbids data: URLs in <link>; keep every asset a file.
    assetsInlineLimit: 0,
    // Chunks larger than this usually mean a page pulled ECharts into the entry chunk.
    chunkSizeWarningLimit: 700,
  },
  css: {
    preprocessorOptions: {
      scss: {
        // govuk-frontend's own deprecation notices are not ours to fix.
        quietDeps: true,
        silenceDeprecations: ['import'],
      },
    },
  },
  server: {
    // `npm run dev` serves the API on 3000; `npx vite --config web/vite.config.ts` proxies to it.
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
