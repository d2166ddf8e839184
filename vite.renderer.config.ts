import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

/**
 * The editor page, built into dist/renderer and served by the app's app:// protocol (or the e2e server).
 * Relative base because the page must not assume a host; no modulepreload polyfill because it would
 * be an inline script, which the page's CSP refuses (Chromium has native modulepreload anyway).
 */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [svelte({ compilerOptions: { runes: true } })],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: { polyfill: false },
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
});
