import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Output goes into the .NET service's static files: it serves wwwroot/console/* at /console/*
// and wwwroot/console/index.html for every other /console route (the app routes in the browser).
const outDir = fileURLToPath(new URL('../src/Muster.Api/wwwroot/console/', import.meta.url));

export default defineConfig({
  base: '/console/',
  esbuild: { jsx: 'automatic' },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
    assetsInlineLimit: 0,
    // MapLibre's worker is an .mjs file; ASP.NET's static files know .js, not .mjs.
    rollupOptions: { output: { assetFileNames: (asset) => (asset.names?.[0] ?? '').endsWith('.mjs') ? 'assets/[name]-[hash].js' : 'assets/[name]-[hash][extname]' } },
  },
  server: { host: '127.0.0.1', proxy: { '/graphql': { target: 'http://127.0.0.1:5080', ws: true }, '/tiles': 'http://127.0.0.1:5080' } },
});
