import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is served from app:// in Electron and from the loopback server in browser mode, so asset URLs
// are relative and nothing is inlined as script (the CSP allows 'self' only).
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
    target: 'es2022',
  },
});
