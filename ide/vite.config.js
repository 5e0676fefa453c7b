import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Output goes into the .NET service's static files: it serves wwwroot/ide/* at /ide/*
// and serves wwwroot/ide/index.html itself for `GET /graphql` (Accept: text/html).
const outDir = fileURLToPath(new URL('../src/Muster.Api/wwwroot/ide/', import.meta.url));

export default defineConfig({
  base: '/ide/',
  // JSX in .jsx files through esbuild (React 17+ automatic runtime); no Babel plugin needed.
  esbuild: { jsx: 'automatic' },
  worker: { format: 'es' },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // monaco-editor is large; the size warning is expected for a full IDE.
    chunkSizeWarningLimit: 6000,
    assetsInlineLimit: 0,
    rollupOptions: {
      onwarn(warning, warn) {
        // Radix UI / framer-motion / GraphiQL ship "use client" and React Compiler "use no memo" directives: harmless in a bundle.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && /"use (client|no memo)"/.test(warning.message)) return;
        warn(warning);
      },
    },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
