// Builds the main process (ESM, out/main/index.js) and the preload (CommonJS, out/preload/index.cjs: sandboxed
// preloads cannot be ES modules). The renderer is built separately by plain Vite into dist/renderer/. Everything
// but `electron` and Node's built-ins is bundled (zod, ../shared), so the packaged app needs no node_modules.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');

export default defineConfig({
  main: {
    root,
    build: {
      externalizeDeps: false,
      outDir: resolve(root, 'out/main'),
      lib: {
        entry: resolve(root, 'electron/main/index.ts'),
        formats: ['es'],
        fileName: () => 'index.js',
      },
    },
  },
  preload: {
    root,
    build: {
      externalizeDeps: false,
      outDir: resolve(root, 'out/preload'),
      lib: {
        entry: resolve(root, 'electron/preload/index.ts'),
        formats: ['cjs'],
        fileName: () => 'index.cjs',
      },
    },
  },
});
