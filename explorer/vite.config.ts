// Builds the graph explorer into dist/explorer, served by the API at /explorer.
// `vite --config explorer/vite.config.ts` serves it for development, proxying /graphql to a running API.
/// <reference types="node" />
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: '/explorer/',
  publicDir: here('public'),
  logLevel: 'warn',
  build: {
    outDir: here('../dist/explorer'),
    emptyOutDir: true,
    target: 'es2022',
    // The graph library is most of the bundle; it is one file the browser caches for good.
    chunkSizeWarningLimit: 1024,
    reportCompressedSize: false,
  },
  server: {
    proxy: { '/graphql': process.env.EXPLORER_API ?? 'http://127.0.0.1:4000' },
  },
});
